from django.db import migrations

from exercises import content


class Migration(migrations.Migration):
    dependencies = [("exercises", "0001_initial")]

    operations = [migrations.RunPython(content.load, migrations.RunPython.noop)]
