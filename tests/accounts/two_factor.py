"""Helpers for tests that drive two-factor and passkey flows as a person would."""

import base64
import hashlib
import hmac
import re
import struct
import time

from django.urls import reverse

from tests.factories import PASSWORD


def totp(secret, at=None, period=30, digits=6):
    """The code an authenticator app shows for this base32 secret (RFC 6238), computed here."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // period)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def log_in_with_password(client, user, password=PASSWORD):
    return client.post(reverse("login"), {"login": user.username, "password": password})


def confirm_password(client, password=PASSWORD):
    return client.post(reverse("account_reauthenticate"), {"password": password})


def activate_totp(client):
    """Set up an authenticator app from the settings pages; returns (secret, response)."""
    page = client.get(reverse("mfa_activate_totp"))
    if page.status_code == 302:
        confirm_password(client)
        page = client.get(reverse("mfa_activate_totp"))
    html = page.content.decode()
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', html).group(1)
    response = client.post(reverse("mfa_activate_totp"), {"code": totp(secret)})
    return secret, response


def recovery_codes(client):
    html = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    return re.findall(r"\b[0-9a-f]{8}\b", html)
