"""Production mode is hardened; staff sign-in is protected."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from tests.clinic_site.test_settings import SHOW, run_python
from tests.factories import UserFactory

PRODUCTION = {
    "DJANGO_SECRET_KEY": "k" * 30 + "Zx9!q2Lm7#Wv4$Tp8&Rb6*Hn3^Gd5",
    "DJANGO_ALLOWED_HOSTS": "clinic.example",
    "DJANGO_SMTP_HOST": "smtp.clinic.example",
}


def test_check_deploy_reports_nothing_in_production_mode():
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_defaults_are_https_only():
    result = run_python(
        SHOW.format("s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
                    "s.SESSION_COOKIE_HTTPONLY, getattr(s, 'SECURE_PROXY_SSL_HEADER', None)"),
        **PRODUCTION,
    )
    assert result.stdout.split() == ["True", "31536000", "True", "True", "True", "None"]


def test_turning_off_the_redirect_trusts_the_proxy_header():
    result = run_python(
        SHOW.format("s.SECURE_SSL_REDIRECT, s.SECURE_PROXY_SSL_HEADER, s.SECURE_HSTS_SECONDS"),
        DJANGO_SECURE_SSL_REDIRECT="0", **PRODUCTION,
    )
    assert result.stdout.strip() == "False ('HTTP_X_FORWARDED_PROTO', 'https') 31536000"


@pytest.mark.django_db
def test_plain_http_is_redirected_and_proxied_https_is_served(client):
    with override_settings(SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")):
        redirect = client.get("/treatments/")
        assert redirect.status_code == 301 and redirect["Location"] == "https://testserver/treatments/"
        assert client.get("/treatments/", headers={"x-forwarded-proto": "https"}).status_code == 200


@pytest.mark.django_db
def test_public_pages_send_every_security_header(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "script-src 'self'" in policy and "style-src 'self'" in policy


def attempt(client, username, password):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password})


@pytest.mark.django_db
def test_repeated_failed_logins_lock_the_account_until_reset(settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="nurse", is_staff=True, password="a-long-test-password")
    client = Client()
    for _ in range(2):
        assert "Please enter the correct username" in attempt(client, "nurse", "wrong").content.decode()
    assert attempt(client, "nurse", "wrong").status_code == 429  # the third failure locks
    locked = attempt(client, "nurse", "a-long-test-password")
    assert locked.status_code == 429
    assert "Sign-in temporarily locked" in locked.content.decode()
    assert "axes_reset_username" in locked.content.decode()
    call_command("axes_reset_username", "nurse")
    assert attempt(client, "nurse", "a-long-test-password").status_code == 302


@pytest.mark.django_db
def test_one_address_guessing_many_usernames_is_locked_out(settings):
    settings.CLINIC_SIGNIN_ADDRESS_LIMIT = 3
    UserFactory(username="victim", is_staff=True, password="a-long-test-password")
    client = Client(REMOTE_ADDR="203.0.113.5")
    for name in ["a", "b", "c"]:
        attempt(client, name, "guess")
    assert attempt(client, "victim", "a-long-test-password").status_code == 429
    assert attempt(Client(REMOTE_ADDR="198.51.100.1"), "victim", "a-long-test-password").status_code == 302


@pytest.fixture
def behind_nginx(settings):
    """Every request arrives from the proxy on 127.0.0.1, which appends the client's address."""
    settings.CLINIC_TRUSTED_PROXIES = 1
    settings.AXES_FAILURE_LIMIT = 5

    def from_address(address, forged=""):
        return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"{forged}, {address}" if forged else address)

    return from_address


@pytest.mark.django_db
def test_strangers_elsewhere_never_lock_a_real_user_out(behind_nginx):
    UserFactory(username="nurse", is_staff=True, password="a-long-test-password")
    attacker = behind_nginx("203.0.113.5")
    for _ in range(5):
        attempt(attacker, "nurse", "guess")
    assert attempt(attacker, "nurse", "a-long-test-password").status_code == 429
    assert attempt(behind_nginx("198.51.100.7"), "nurse", "a-long-test-password").status_code == 302


@pytest.mark.django_db
def test_a_forged_forwarded_address_does_not_escape_the_lock(behind_nginx):
    UserFactory(username="nurse", is_staff=True, password="a-long-test-password")
    for n in range(5):
        attempt(behind_nginx("203.0.113.5", forged=f"10.0.0.{n}"), "nurse", "guess")
    assert attempt(behind_nginx("203.0.113.5", forged="10.9.9.9"), "nurse", "a-long-test-password").status_code == 429


@pytest.mark.django_db
def test_signing_in_to_one_account_clears_no_other_accounts_failures(behind_nginx):
    UserFactory(username="editor2", is_staff=True, password="a-long-test-password")
    UserFactory(username="frontdesk", is_staff=True, password="another-long-password")
    attacker = behind_nginx("203.0.113.5")
    for _ in range(4):
        attempt(attacker, "editor2", "guess")
    assert attempt(attacker, "frontdesk", "another-long-password").status_code == 302
    attacker = behind_nginx("203.0.113.5")  # signed out again
    attempt(attacker, "editor2", "guess")  # the fifth
    assert attempt(attacker, "editor2", "a-long-test-password").status_code == 429


@pytest.mark.django_db
def test_the_lockout_page_names_the_clinic_and_says_how_long_in_words(behind_nginx, settings):
    UserFactory(username="nurse", is_staff=True, password="a-long-test-password")
    client = behind_nginx("203.0.113.5")
    for _ in range(5):
        attempt(client, "nurse", "guess")
    html = attempt(client, "nurse", "a-long-test-password").content.decode()
    assert settings.CLINIC_NAME in html
    assert "for about 1\xa0hour" in html and "PT1H" not in html


@pytest.mark.django_db
def test_admin_session_ends_after_idle_time(settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    UserFactory(username="editor2", is_staff=True, is_superuser=True, password="a-long-test-password")
    client = Client()
    assert attempt(client, "editor2", "a-long-test-password").status_code == 302
    with time_machine.travel(timezone.now() + timedelta(minutes=25)):
        assert client.get("/admin/").status_code == 200  # activity keeps the session alive
    with time_machine.travel(timezone.now() + timedelta(minutes=25 + 31)):
        assert client.get("/admin/")["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("password", ["password123", "clinic2026", "12345678901234", "short"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)
