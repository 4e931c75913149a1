"""Work done off the request by the task worker (`manage.py db_worker`), and the account
housekeeping the scheduler (`manage.py crontask`) starts."""

from crontask import cron
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.tasks import task, task_backends
from django_tasks_db import DatabaseBackend


@task
def send_email(subject, body, to, from_email=None, html=""):
    """Send an account email (confirmation, reset, notice) rendered in the request.

    The request only renders and enqueues, for known and unknown addresses alike, so its
    answer and its timing say nothing about who has an account.
    """
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@cron("20 3 * * *")
@task
def clear_expired_sessions():
    call_command("clearsessions")


@cron("40 3 * * *")
@task
def prune_finished_tasks():
    # Finished tasks' rows are only a record; a fortnight is enough to look into a failure.
    if isinstance(task_backends["default"], DatabaseBackend):
        call_command("prune_db_task_results", min_age_days=14, verbosity=0)
