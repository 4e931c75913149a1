from django.db import migrations

from routines import content


class Migration(migrations.Migration):
    dependencies = [
        ("routines", "0001_initial"),
        ("exercises", "0002_seed_content"),
    ]

    operations = [migrations.RunPython(content.load, migrations.RunPython.noop)]
