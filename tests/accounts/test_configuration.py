"""Email configuration is read from the environment when settings load, so each case runs a
fresh interpreter with its own environment."""

import json
import os
import subprocess
import sys

import pytest

PRINT_MAILERS = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({'mailers': settings.MAILERS, 'from': settings.DEFAULT_FROM_EMAIL}))"
)


def _settings_with(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DEFAULT_FROM"))}
    result = subprocess.run(
        [sys.executable, "-c", PRINT_MAILERS],
        env={**clean, "DJANGO_SETTINGS_MODULE": "midback.settings", "SECRET_KEY": "x", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    return result


def _loaded(**env):
    result = _settings_with(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_email_goes_to_the_console_by_default():
    loaded = _loaded()

    assert loaded["mailers"] == {
        "default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    }


def test_an_email_host_switches_to_smtp_with_tls():
    loaded = _loaded(
        EMAIL_HOST="smtp.example.com",
        EMAIL_HOST_USER="midback",
        EMAIL_HOST_PASSWORD="secret",
        DEFAULT_FROM_EMAIL="Midback <hello@example.com>",
    )

    mailer = loaded["mailers"]["default"]
    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] == {
        "host": "smtp.example.com",
        "port": 587,
        "username": "midback",
        "password": "secret",
        "use_tls": True,
        "use_ssl": False,
        "timeout": 10,
    }
    assert loaded["from"] == "Midback <hello@example.com>"


def test_ssl_uses_its_own_port_and_turns_tls_off():
    options = _loaded(EMAIL_HOST="smtp.example.com", EMAIL_USE_SSL="true")["mailers"]["default"][
        "OPTIONS"
    ]

    assert (options["port"], options["use_ssl"], options["use_tls"]) == (465, True, False)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"EMAIL_PORT": "smtp"}, "EMAIL_PORT must be a whole number"),
        ({"EMAIL_USE_TLS": "true", "EMAIL_USE_SSL": "true"}, "Set only one of EMAIL_USE_TLS"),
        ({"EMAIL_USE_TLS": "maybe"}, "EMAIL_USE_TLS must be true or false"),
    ],
)
def test_bad_email_settings_stop_start_up_with_a_message(env, message):
    result = _settings_with(EMAIL_HOST="smtp.example.com", **env)

    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize(
    "env",
    [{"LOGIN_FAILURE_LIMIT": "0"}, {"LOGIN_COOLOFF_MINUTES": "-5"}, {"LOGIN_FAILURE_LIMIT": "x"}],
)
def test_bad_lockout_settings_stop_start_up(env):
    result = _settings_with(**env)

    assert result.returncode != 0
    assert "LOGIN_" in result.stderr
