"""One-file backups of everything: the database (as Django's portable JSON) and every uploaded file (the private
storage holds them all; the public copies are made again from it on restore)."""

import io
import json
import os
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from images.storage import public_storage, stored_files
from publishing.media import sync_public_copies
from publishing.models import ContentVersion

# Rebuilt or worthless after a restore: sessions, login-failure records, the search index.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes", "admin.logentry", "search.searchdocument"]
DATA_NAME = "data.json"
# Archives written before the models moved out of clinic_site name them by their old labels.
MOVED_MODELS = {
    "clinic_site.redirect": "publishing.redirect",
    "clinic_site.contentversion": "publishing.contentversion",
}
MEDIA_DIR = "media"


def backup_write(path):
    """Write the archive at `path`; returns (objects, files) counts. The data is read in one snapshot."""
    data = io.StringIO()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            connection.cursor().execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        call_command(
            "dumpdata", natural_foreign=True, natural_primary=True, exclude=EXCLUDED, stdout=data, verbosity=0
        )
    payload = data.getvalue().encode()
    files = 0
    # Readable by the owner only: it holds patient enquiries and password hashes.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # also when it replaces an older file
    with os.fdopen(descriptor, "wb") as file, tarfile.open(fileobj=file, mode="w:gz") as archive:
        add_bytes(archive, DATA_NAME, payload)
        for storage, name in every_file():
            with storage.open(name, "rb") as file:
                add_bytes(archive, f"{MEDIA_DIR}/{name}", file.read())
            files += 1
        manifest = {"created": timezone.now().isoformat(), "database": connection.vendor, "files": files}
        add_bytes(archive, "manifest.json", json.dumps(manifest).encode())
    return len(json.loads(payload)), files


def every_file():
    """(storage, name) of every uploaded file: the private storage holds them all, besides files uploaded before
    files were kept privately and not yet taken in by `sync_media` (found only among the public copies)."""
    for name in stored_files():
        yield default_storage, name
    public = public_storage()
    for name in stored_files(public):
        if not default_storage.exists(name):
            yield public, name


def add_bytes(archive, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(content))


def backup_restore(path):
    """Load the archive at `path` into this (empty, migrated) database and media storage."""
    with tarfile.open(path, "r:gz") as archive, tempfile.TemporaryDirectory() as scratch:
        data_file = Path(scratch) / DATA_NAME
        data = json.loads(archive.extractfile(DATA_NAME).read())
        for item in data:
            item["model"] = MOVED_MODELS.get(item["model"], item["model"])
        data_file.write_text(json.dumps(data))
        with transaction.atomic():
            call_command("loaddata", str(data_file), verbosity=0)
        files = 0
        for member in archive.getmembers():
            parts = PurePosixPath(member.name).parts
            if not member.isfile() or parts[0] != MEDIA_DIR or ".." in parts:
                continue
            name = str(PurePosixPath(*parts[1:]))
            if default_storage.exists(name):
                default_storage.delete(name)
            default_storage.save(name, ContentFile(archive.extractfile(member).read()))
            files += 1
    call_command("rebuild_search_index", verbosity=0, stdout=io.StringIO())
    sync_public_copies()  # public copies of what live pages show; none of the rest
    ContentVersion.bump()
    return files
