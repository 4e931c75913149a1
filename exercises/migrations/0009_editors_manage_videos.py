from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Content editors"


def allow_videos(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now for the new model.
    app_config = apps.get_app_config("exercises")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    videos = Permission.objects.filter(
        content_type__app_label="exercises", content_type__model="exercisevideo"
    )
    history = Permission.objects.filter(
        content_type__app_label="exercises",
        content_type__model="historicalexercisevideo",
        codename__startswith="view_",
    )
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*videos, *history)


class Migration(migrations.Migration):
    dependencies = [("exercises", "0008_exercise_videos")]

    operations = [migrations.RunPython(allow_videos, migrations.RunPython.noop)]
