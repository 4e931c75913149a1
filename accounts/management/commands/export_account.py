import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from accounts.archive import account_data


class Command(BaseCommand):
    help = (
        "Write one person's account export (the same JSON as /sessions/export/account.json), "
        "e.g. from a restored dump, for import_account elsewhere."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        # Not standard output: log lines go there too and would spoil the file.
        parser.add_argument("--output", "-o", required=True, help="the JSON file to write")

    def handle(self, *args, **options):
        User = get_user_model()
        try:
            user = User._default_manager.get_by_natural_key(options["username"])
        except User.DoesNotExist:
            raise CommandError(f"No user named {options['username']!r}.") from None
        with open(options["output"], "w", encoding="utf-8") as file:
            json.dump(account_data(user), file, cls=DjangoJSONEncoder, indent=2)
        self.stdout.write(f"Wrote {options['output']}.")
