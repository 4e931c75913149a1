from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Content editors"
STARTER_MODELS = ["routine", "routineitem"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the group can
    # hold them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="routines", content_type__model__in=STARTER_MODELS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="routines", content_type__model__in=STARTER_MODELS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("routines", "0003_scheduling"),
        ("exercises", "0004_content_editors_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
