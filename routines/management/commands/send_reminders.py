from django.core.management.base import BaseCommand

from routines.reminders import send_due_reminders


class Command(BaseCommand):
    help = (
        "Email today's sessions to users with reminders on, from 07:00 in their time zone. "
        "Run it from cron every 15 minutes; each user gets at most one reminder a day."
    )

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"Sent {sent} reminder(s).")
