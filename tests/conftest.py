import pytest
from django.core.cache import cache
from django.test import Client

from clinic.models import ClinicDetails
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
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


@pytest.fixture
def editor(db):
    """A staff superuser: sees drafts, uses the admin."""
    return UserFactory(is_staff=True, is_superuser=True, username="editor")


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client
