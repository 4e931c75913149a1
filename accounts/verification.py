"""One rule: reminders and share links wait until the person has confirmed their email."""

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef


def has_verified_email(user):
    """True when the address on the account is one the person confirmed by its link."""
    if not user.is_authenticated or not user.email:
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def with_verified_email(users):
    """Narrow a queryset of users to those whose email is confirmed (one query, no N+1)."""
    confirmed = EmailAddress.objects.filter(
        user=OuterRef("pk"), email__iexact=OuterRef("email"), verified=True
    )
    return users.filter(Exists(confirmed))
