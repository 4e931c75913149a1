import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def confirmed_identity(session, user):
    """Write into a session what allauth records when a person has just typed their password
    again and, for staff, used their second factor (set up here if they have none).

    Tests of other parts use it so that exports, share links and the admin open as they do
    for a person who went through those steps; tests/accounts drive the steps themselves.
    """
    now = time.time()
    records = [{"method": "password", "at": now, "username": user.get_username()}]
    records.append({"method": "password", "at": now, "reauthenticated": True})
    if user.is_staff:
        authenticator = (
            Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
            or TOTP.activate(user, generate_totp_secret()).instance
        )
        records.append({"method": "mfa", "at": now, "id": authenticator.pk, "type": "totp"})
    session["account_authentication_methods"] = records
    session["account_authentication_methods_user"] = str(user.pk)


def log_in(page, live_server, user):
    """Give the browser a logged-in session cookie, skipping the login form."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    confirmed_identity(session, user)
    session.save()
    page.context.add_cookies(
        [{"name": "sessionid", "value": session.session_key, "url": live_server.url}]
    )
