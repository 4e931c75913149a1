"""The reminder run, enqueued every 15 minutes by the scheduler (`manage.py crontask`) and
done by the task worker."""

from crontask import cron
from django.tasks import task

from routines.reminders import send_due_reminders


@cron("*/15 * * * *")
@task
def send_reminders():
    return send_due_reminders()
