from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from clinic_site import backup_encryption
from clinic_site.backup import backup_write


class Command(BaseCommand):
    help = (
        "Write one archive with the whole database and every uploaded file, encrypted when CLINIC_BACKUP_KEY "
        "is set. Restore it with `restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?",
            help="Where to write it (default: var/backups/clinic-<date-time>.tar.gz, .tar.gz.enc when encrypted).",
        )
        parser.add_argument(
            "--generate-key", action="store_true",
            help="Print a new random key for CLINIC_BACKUP_KEY and write no backup.",
        )

    def handle(self, *args, path=None, generate_key=False, **options):
        if generate_key:
            self.stdout.write(backup_encryption.generate_key())
            return
        encrypted = bool(settings.CLINIC_BACKUP_KEY)
        if path is None:
            folder = Path(__file__).resolve().parents[3] / "var" / "backups"
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            path = folder / f"clinic-{timezone.now():%Y%m%d-%H%M%S}.tar.gz{'.enc' if encrypted else ''}"
        try:
            objects, files = backup_write(path)
        except backup_encryption.BackupError as error:
            raise CommandError(str(error)) from error
        how = "encrypted with CLINIC_BACKUP_KEY" if encrypted else "not encrypted: CLINIC_BACKUP_KEY is not set"
        self.stdout.write(self.style.SUCCESS(
            f"Backup written to {path} ({how}): {objects} database objects, {files} files."
        ))
