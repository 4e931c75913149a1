from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Content editors"
CONTENT_MODELS = ["exercise", "step", "target", "equipment", "muscle", "guidance"]


def create_group(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the group can
    # hold them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    exercises = Permission.objects.filter(content_type__app_label="exercises")
    content = exercises.filter(content_type__model__in=CONTENT_MODELS)
    history = exercises.filter(
        content_type__model__in=[f"historical{model}" for model in CONTENT_MODELS],
        codename__startswith="view_",
    )
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*content, *history)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("exercises", "0003_history_for_equipment_and_muscles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
