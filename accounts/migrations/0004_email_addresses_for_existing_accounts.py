"""Every existing account gets allauth's record of its email address.

The app never confirmed an address before allauth (sign-up took any email, and a reset link
proves nothing to the account's record), so every address starts unverified: reminders and
share links wait until the person follows the link sent at their next log-in. Users, their
password hashes and emails are not touched.
"""

from django.conf import settings
from django.db import migrations


def add_email_addresses(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    EmailAddress = apps.get_model("account", "EmailAddress")
    has_one = set(EmailAddress.objects.values_list("user_id", flat=True))
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user_id=pk, email=email.strip().lower(), primary=True, verified=False)
            for pk, email in User.objects.exclude(email="").values_list("pk", "email").iterator()
            if pk not in has_one
        ],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_plain_words_for_database_rules"),
        ("account", "0009_emailaddress_unique_primary_email"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(add_email_addresses, migrations.RunPython.noop)]
