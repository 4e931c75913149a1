import json
import sys

from django.core.management.base import BaseCommand, CommandError

from accounts.archive import AccountImportError, import_account


class Command(BaseCommand):
    help = (
        "Recreate one person from their account export (/sessions/export/account.json) in this "
        "database, all or nothing. The export holds no password: they set one by password reset."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="the JSON file the account export produced ('-' reads standard input)"
        )
        parser.add_argument("--username", help="import under this name instead of the exported one")
        parser.add_argument(
            "--email", help="give the person this email instead of the exported one"
        )

    def handle(self, *args, **options):
        try:
            if options["file"] == "-":
                data = json.load(sys.stdin)
            else:
                with open(options["file"], encoding="utf-8") as file:
                    data = json.load(file)
        except OSError as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc.strerror}.") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{options['file']} is not a JSON file: {exc}.") from None
        try:
            user = import_account(data, username=options["username"], email=options["email"])
        except AccountImportError as exc:
            raise CommandError(f"Nothing imported. {exc}") from None
        self.stdout.write(
            f"Imported {user.get_username()}: {user.routines.count()} routine(s), "
            f"{user.scheduled_sessions.count()} plan(s), {user.workout_sessions.count()} "
            f"session(s), {user.pain_notes.count()} pain note(s)."
        )
        self.stdout.write(
            "They have no password yet: ask them to use 'Forgot your password?' on the log-in "
            "page (or set one with `manage.py changepassword`)."
        )
