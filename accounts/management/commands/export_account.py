import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from workouts.export import account_data


class Command(BaseCommand):
    help = (
        "Write one person's account export (the same JSON as /sessions/export/account.json), "
        "e.g. from a restored dump, for import_account elsewhere."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--output", "-o", help="write here instead of standard output")

    def handle(self, *args, **options):
        User = get_user_model()
        try:
            user = User._default_manager.get_by_natural_key(options["username"])
        except User.DoesNotExist:
            raise CommandError(f"No user named {options['username']!r}.") from None
        text = json.dumps(account_data(user), cls=DjangoJSONEncoder, indent=2)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as file:
                file.write(text)
        else:
            self.stdout.write(text)
