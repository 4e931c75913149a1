from django.db import migrations, models


class Migration(migrations.Migration):
    """Every note names its areas now (0008 copied them), so the single location goes."""

    dependencies = [
        ("workouts", "0008_copy_pain_locations_to_areas"),
    ]

    operations = [
        # A default only so that going back can give the column to existing rows again.
        migrations.AlterField(
            model_name="painnote",
            name="location",
            field=models.CharField(default="upper-back", max_length=32, verbose_name="where"),
        ),
        migrations.RemoveConstraint(
            model_name='painnote',
            name='painnote_location_known',
        ),
        migrations.RemoveField(
            model_name='painnote',
            name='location',
        ),
        migrations.AddConstraint(
            model_name='painnote',
            constraint=models.CheckConstraint(condition=models.Q(('areas__0__isnull', False)), name='painnote_names_an_area', violation_error_message='Choose where you feel it.'),
        ),
    ]
