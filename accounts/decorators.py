from allauth.account.decorators import reauthentication_required
from allauth.account.internal.flows.reauthentication import get_reauthentication_flows


def _can_confirm(request):
    # Someone with no way to confirm (an imported account before its first reset) is not
    # asked for what they do not have; they had to reset the password to log in at all.
    return bool(get_reauthentication_flows(request.user))


def identity_confirmed(view=None, *, allow_get=False):
    """A sensitive action (deleting the account, an export, a share link) asks for the
    password, a passkey or a code again unless given in the last REAUTHENTICATION_MINUTES.

    allauth's re-authentication page is rate limited (ACCOUNT_RATE_LIMITS["reauthenticate"])
    and resumes the request afterwards.
    """
    decorator = reauthentication_required(allow_get=allow_get, enabled=_can_confirm)
    return decorator(view) if view is not None else decorator
