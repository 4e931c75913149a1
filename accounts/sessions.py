"""Ending a person's other sessions when their credentials change."""

from allauth.usersessions.models import UserSession


def end_other_sessions(request, user):
    """Log out every session of user except this request's; returns how many were ended."""
    ended = 0
    for session in UserSession.objects.purge_and_list(user):
        if session.session_key != request.session.session_key:
            session.end()
            ended += 1
    return ended


def _on_credentials_changed(sender, request, user, **kwargs):
    end_other_sessions(request, user)


def connect():
    from allauth.account.signals import password_changed, password_reset
    from allauth.mfa.signals import authenticator_added

    # A new password (the old one may be known to someone) or a new second factor (the
    # account is being secured, perhaps after a scare) leaves only this session logged in.
    for signal in (password_changed, password_reset, authenticator_added):
        signal.connect(_on_credentials_changed, dispatch_uid=f"end-other-sessions-{id(signal)}")
