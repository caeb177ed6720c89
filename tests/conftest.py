import os
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.test import Client

from claims.checker import rules_for
from clinic.models import ClinicDetails
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # public copies
    settings.CLINIC_PRIVATE_MEDIA_ROOT = tmp_path / "private-media"  # every upload
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Most tests are not about medical review; tests/publishing/test_medical_review.py turns it on.
    settings.CLINIC_REVIEW_REQUIRED_FOR = []
    # Most tests are not about the second sign-in step either; tests/accounts/ and the staff journey turn it on.
    settings.CLINIC_REQUIRE_TWO_FACTOR = False
    # Tests run in production mode but without collectstatic's manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Each test starts from the same content version: nothing cached by another test may be served.
    cache.clear()  # the rate limits' database cache is emptied with the test's transaction
    ClinicDetails._remembered = None  # versions repeat between tests, whose transactions are rolled back


@pytest.fixture(autouse=True)
def fresh_rule_packs():
    """Under mutation testing (scripts/mutation) each run is forked from a process that has compiled the claims rule
    packs already, and rules_for() keeps them: compile them again, so a bug planted in compiling takes effect."""
    if "MUTANT_UNDER_TEST" in os.environ:
        rules_for.cache_clear()


@pytest.fixture
def editor(db):
    """A staff superuser: sees drafts, uses the admin."""
    return UserFactory(is_staff=True, is_superuser=True, username="editor")


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def committed(django_capture_on_commit_callbacks, caplog):
    """`with committed(): ...` runs what waits for the transaction to commit (images' public copies are made or
    taken away then): each test runs inside a transaction that never commits. What fails there fails the test
    (the site only logs it: the save itself has been made)."""

    @contextmanager
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        failures = [record for record in caplog.records if record.getMessage().startswith("Error calling")]
        assert not failures, failures[0].exc_text

    return run


@pytest.fixture
def serve_media(settings):
    """Django answers /media/ as the web server in front does in production: public copies to everyone, the
    private files through the app."""
    settings.SERVE_MEDIA = True
