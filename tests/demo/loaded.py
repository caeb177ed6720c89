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
        cls.media_root = media.name
        cls.enterClassContext(override_settings(MEDIA_ROOT=cls.media_root))
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=None)

    def setUp(self):
        super().setUp()
        self.enterContext(override_settings(MEDIA_ROOT=self.media_root))  # tests/conftest.py gives each test its own
