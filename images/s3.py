"""The private bucket (settings: DJANGO_S3_PRIVATE_BUCKET). Imported only when S3 is configured (django-storages)."""

from django.core.files.storage import storages
from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """Every uploaded file. Addresses are the public bucket's: a page links where the public copy is (or will be);
    the front falls through to the app for files without one (README "Media files")."""

    def url(self, name, *args, **kwargs):
        return storages["public"].url(name)
