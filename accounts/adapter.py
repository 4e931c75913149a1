"""What Midback changes in django-allauth's behaviour (ACCOUNT_ADAPTER, MFA_ADAPTER)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accounts.client_ip import client_ip_address
from accounts.tasks import send_email
from accounts.verification import has_verified_email

_NO_MATCH = _lazy(
    "No account matches that username or email and password. Capital letters count in the "
    "password; if it has slipped your mind, you can set a new one."
)


class AccountAdapter(DefaultAccountAdapter):
    # allauth's "you specified are not correct" reads as blame; say what happened and what to do.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_password_mismatch": _NO_MATCH,
        "email_password_mismatch": _NO_MATCH,
        "too_many_login_attempts": _lazy(
            "Too many wrong passwords for this account: logging in to it is paused for a "
            "while. You can set a new password by email meanwhile."
        ),
    }

    def send_mail(self, template_prefix, email, context):
        """Render the email here, send it from the task worker.

        A reset for a known address and one for an unknown address both render one email and
        enqueue it, so neither the answer nor its timing says whether an account exists.
        """
        request = context.get("request")
        context = {"email": email, "current_site": _site(request), **context}
        msg = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, mimetype in getattr(msg, "alternatives", ())
                if mimetype == "text/html"
            ),
            "",
        )
        send_email.enqueue(
            subject=msg.subject,
            body=msg.body,
            to=list(msg.to),
            from_email=msg.from_email,
            html=html,
        )

    def get_signup_redirect_url(self, request):
        # The same page whether the address was new or already had an account (accounts/signup.py).
        return reverse("account_email_verification_sent")

    def get_client_ip(self, request):
        # The same address the rest of the app counts under: X-Forwarded-For only from our proxy.
        return client_ip_address(request) or "unknown"

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        if user.email and not has_verified_email(user):
            messages.info(
                request,
                _(
                    "Please confirm your email address: reminders and share links wait for it. "
                    "You can send the link again from Settings > Email."
                ),
            )
        return response


class MFAAdapter(DefaultMFAAdapter):
    def get_totp_label(self, user):
        return user.get_username()


def _site(request):
    from django.contrib.sites.requests import RequestSite

    return RequestSite(request) if request is not None else None
