"""Work done off the request by the task worker (`manage.py db_worker`), and the account
housekeeping the scheduler (`manage.py crontask`) starts."""

from crontask import cron
from django.contrib.auth.forms import PasswordResetForm
from django.core.management import call_command
from django.tasks import task, task_backends
from django_tasks_db import DatabaseBackend


@task
def send_password_reset(email, domain, use_https):
    """Email a reset link to each active account with this address (often none).

    The request only enqueues this, whether or not an account exists, so its answer and its
    timing say nothing about who has an account.
    """
    form = PasswordResetForm({"email": email})
    if form.is_valid():
        form.save(domain_override=domain, use_https=use_https)


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
