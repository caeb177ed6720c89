from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from clinic_site.backup import backup_write


class Command(BaseCommand):
    help = "Write one archive with the whole database and every uploaded file. Restore it with `restore`."

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", help="Where to write it (default: var/backups/clinic-<date-time>.tar.gz)."
        )

    def handle(self, *args, path=None, **options):
        if path is None:
            folder = Path(__file__).resolve().parents[3] / "var" / "backups"
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            path = folder / f"clinic-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        objects, files = backup_write(path)
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}: {objects} database objects, {files} files."))
