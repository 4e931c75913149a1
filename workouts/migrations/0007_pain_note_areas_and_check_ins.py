
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import workouts.body_map
import workouts.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('workouts', '0006_merge_20261203_0703'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CheckIn',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(verbose_name='day')),
                ('rating', models.PositiveSmallIntegerField(validators=[django.core.validators.MaxValueValidator(10)], verbose_name='back today (0-10)')),
                ('areas', models.JSONField(blank=True, default=list, validators=[workouts.body_map.validate_any_areas], verbose_name='where')),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='saved')),
            ],
            options={
                'verbose_name': 'daily check-in',
                'verbose_name_plural': 'daily check-ins',
                'ordering': ['-day'],
            },
        ),
        migrations.AddField(
            model_name='painnote',
            name='areas',
            field=models.JSONField(default=list, validators=[workouts.body_map.validate_some_areas], verbose_name='where'),
        ),
        migrations.AddField(
            model_name='painnote',
            name='worse_with',
            field=models.JSONField(blank=True, default=list, validators=[workouts.models.validate_worse_with], verbose_name='made worse by'),
        ),
        migrations.AddField(
            model_name='checkin',
            name='user',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='check_ins', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddConstraint(
            model_name='checkin',
            constraint=models.UniqueConstraint(fields=('user', 'day'), name='checkin_one_per_day', violation_error_message='There is a check-in for that day already.'),
        ),
        migrations.AddConstraint(
            model_name='checkin',
            constraint=models.CheckConstraint(condition=models.Q(('rating__lte', 10)), name='checkin_rating_0_to_10', violation_error_message='Choose a number from 0 to 10.'),
        ),
    ]
