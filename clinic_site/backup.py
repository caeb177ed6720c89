"""One-file backups of everything: the database (as Django's portable JSON) and every uploaded file; encrypted
when CLINIC_BACKUP_KEY is set (backup_encryption)."""

import io
import json
import os
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from audit.models import BackupRun
from publishing.models import ContentVersion

from .backup_encryption import (
    MAGIC,
    NO_KEY,
    BackupError,
    DecryptingReader,
    EncryptingWriter,
    decrypted_chunks,
    parse_key,
)

# Rebuilt or worthless after a restore: sessions, login-failure records, the search index.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes", "admin.logentry", "search.searchdocument"]
DATA_NAME = "data.json"
# Archives written before the models moved out of clinic_site name them by their old labels.
MOVED_MODELS = {
    "clinic_site.redirect": "publishing.redirect",
    "clinic_site.contentversion": "publishing.contentversion",
}
MEDIA_DIR = "media"


def stored_files(storage=default_storage, directory=""):
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # no upload yet
        return
    for name in files:
        yield f"{directory}/{name}" if directory else name
    for sub in directories:
        yield from stored_files(storage, f"{directory}/{sub}" if directory else sub)


def backup_write(path):
    """Write the archive at `path`, encrypted when CLINIC_BACKUP_KEY is set; returns (objects, files) counts.
    The data is read in one snapshot. Memory: the database's JSON and one uploaded file at a time."""
    key = configured_key()
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
    with os.fdopen(descriptor, "wb") as file:
        target = EncryptingWriter(file, key) if key else file
        with tarfile.open(fileobj=target, mode="w|gz") as archive:
            add_bytes(archive, DATA_NAME, payload)
            for name in stored_files():
                with default_storage.open(name, "rb") as stored:
                    add_bytes(archive, f"{MEDIA_DIR}/{name}", stored.read())
                files += 1
            manifest = {"created": timezone.now().isoformat(), "database": connection.vendor, "files": files}
            add_bytes(archive, "manifest.json", json.dumps(manifest).encode())
        if key:
            target.close()
    objects = len(json.loads(payload))
    BackupRun.record(BackupRun.Action.BACKUP, path, encrypted=bool(key), objects=objects, files=files)
    return objects, files


def configured_key():
    """The backup key (bytes) from CLINIC_BACKUP_KEY, or None when backups are not encrypted."""
    return parse_key(settings.CLINIC_BACKUP_KEY) if settings.CLINIC_BACKUP_KEY else None


def add_bytes(archive, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(content))


def backup_restore(path):
    """Load the archive at `path` into this (empty, migrated) database and media storage; returns the number of
    files. An encrypted archive is checked whole before anything is restored from it."""
    with open(path, "rb") as file:
        encrypted, source = file.read(len(MAGIC)) == MAGIC, file
        file.seek(0)
        if encrypted:
            if not settings.CLINIC_BACKUP_KEY:
                raise BackupError(NO_KEY)
            key = configured_key()
            for _chunk in decrypted_chunks(file, key):
                pass
            file.seek(0)
            source = DecryptingReader(file, key)
        files = restore_from(source)
    call_command("rebuild_search_index", verbosity=0, stdout=io.StringIO())
    ContentVersion.bump()
    BackupRun.record(BackupRun.Action.RESTORE, path, encrypted=encrypted, files=files)
    return files


def restore_from(source):
    """Read the archive from `source` in one pass (so it can be decrypted as it is read)."""
    files, loaded = 0, False
    try:
        with tarfile.open(fileobj=source, mode="r|gz") as archive:
            for member in archive:
                parts = PurePosixPath(member.name).parts
                if member.name == DATA_NAME:
                    load_data(archive.extractfile(member).read())
                    loaded = True
                elif member.isfile() and parts[:1] == (MEDIA_DIR,) and ".." not in parts:
                    name = str(PurePosixPath(*parts[1:]))
                    if default_storage.exists(name):
                        default_storage.delete(name)
                    default_storage.save(name, ContentFile(archive.extractfile(member).read()))
                    files += 1
    except (tarfile.TarError, EOFError, zlib.error) as error:
        raise BackupError(f"This is not a backup archive, or it is damaged ({error}).") from error
    if not loaded:
        raise BackupError(f"This archive holds no {DATA_NAME}: it was not written by `manage.py backup`.")
    return files


def load_data(content):
    data = json.loads(content)
    for item in data:
        item["model"] = MOVED_MODELS.get(item["model"], item["model"])
    with tempfile.TemporaryDirectory() as scratch:
        data_file = Path(scratch) / DATA_NAME
        data_file.write_text(json.dumps(data))
        with transaction.atomic():
            call_command("loaddata", str(data_file), verbosity=0)
