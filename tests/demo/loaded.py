from tempfile import TemporaryDirectory

from django.core.management import call_command
from django.test import TestCase, override_settings


class LoadedDemoTestCase(TestCase):
    """The demo content loaded once for the class (drawing and encoding its pictures takes seconds); each test
    runs in a transaction rolled back to it. Its pictures stay in a temporary folder for the class's tests."""

    @classmethod
    def setUpClass(cls):
        media = TemporaryDirectory()
        cls.addClassCleanup(media.cleanup)
        cls.media = {"MEDIA_ROOT": f"{media.name}/media", "CLINIC_PRIVATE_MEDIA_ROOT": f"{media.name}/private-media"}
        cls.enterClassContext(override_settings(**cls.media))
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=None)

    def setUp(self):
        super().setUp()
        self.enterContext(override_settings(**self.media))  # tests/conftest.py gives each test its own
