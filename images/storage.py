"""Where image files live. Every file is kept in the private storage (STORAGES["default"]: CLINIC_PRIVATE_MEDIA_ROOT,
or a private bucket), which nothing serves to the public. Images patients may see also have a copy in the public
storage (STORAGES["public"]: DJANGO_MEDIA_ROOT, or the public bucket), which the web server serves directly.

Both answer at the same address (MEDIA_URL + name): a file without a public copy falls through to the app, which
shows it only to staff and preview-link holders (publishing.media). So pages, stored bodies and caches never change
when an image is published or withdrawn; only the public copy comes and goes."""

import re

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.utils.functional import cached_property

from .pipeline import RENDITIONS_DIR

# Width renditions (`ab12-480.webp`) and crops around a focal point (`ab12-crop30x40-1200x630.jpg`).
RENDITION = re.compile(rf"{RENDITIONS_DIR}/(?P<key>.+?)(?:-crop\d+x\d+-\d+x\d+|-\d+)\.\w+")


class PrivateFileSystemStorage(FileSystemStorage):
    """Files in CLINIC_PRIVATE_MEDIA_ROOT, addressed under MEDIA_URL (where their public copy is, if any)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.CLINIC_PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "CLINIC_PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


def public_storage():
    return storages["public"]


def image_key(name):
    """What an image and all its renditions have in common: the original's name without its extension
    (`heroes/2026/11/ab12` for `heroes/2026/11/ab12.jpg` and `renditions/heroes/2026/11/ab12-480.webp`)."""
    if match := RENDITION.fullmatch(name):
        return match["key"]
    return name.rpartition(".")[0] or name


def renditions_of(storage, name):
    """The renditions of image `name` that `storage` holds (looked up, so widths configured since count too)."""
    folder, _, stem = f"{RENDITIONS_DIR}/{image_key(name)}".rpartition("/")
    try:
        files = storage.listdir(folder)[1]
    except FileNotFoundError:
        return []
    pattern = re.compile(rf"{re.escape(stem)}(?:-crop\d+x\d+-\d+x\d+|-\d+)\.\w+")
    return [f"{folder}/{file}" for file in files if pattern.fullmatch(file)]


def crops_of(storage, name):
    return [file for file in renditions_of(storage, name) if "-crop" in file.rpartition("/")[2]]


def with_renditions(storage, name):
    return [name, *renditions_of(storage, name)]


def publish_image(name, replace=False):
    """Give image `name` and its renditions a public copy (kept as they are unless `replace`)."""
    if not default_storage.exists(name):  # lost, or restored from a backup later: nothing to show
        return
    public = public_storage()
    for file in with_renditions(default_storage, name):
        if replace or not public.exists(file):
            with default_storage.open(file, "rb") as content:
                public.save(file, content)  # the public storage overwrites: the copy keeps the name


def withdraw_image(name):
    """Take away the public copy of image `name` and its renditions; the private file stays (one uploaded before
    files were kept privately is taken in first, so nothing is lost)."""
    public = public_storage()
    for file in with_renditions(public, name):
        if public.exists(file) and not default_storage.exists(file):
            with public.open(file, "rb") as content:
                default_storage.save(file, content)
        public.delete(file)


def delete_image(name):
    """Delete image `name` and its renditions everywhere."""
    withdraw_image(name)
    for file in with_renditions(default_storage, name):
        default_storage.delete(file)


def stored_files(storage=None, directory=""):
    """Every file name in `storage` (the private one unless said), walking its folders."""
    storage = storage or default_storage
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # no upload yet
        return
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for sub in directories:
        yield from stored_files(storage, f"{directory}/{sub}" if directory else sub)
