from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from clinic_site.backup import backup_restore
from clinic_site.backup_encryption import BackupError
from enquiries.models import Enquiry
from publishing.models import page_types


class Command(BaseCommand):
    help = (
        "Restore an archive made by `backup` into an empty database: create the database, run "
        "`manage.py migrate`, then this command. Uploaded files go to the configured media storage. An "
        "encrypted archive needs CLINIC_BACKUP_KEY set to the key it was written with."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive written by `backup` (.tar.gz, or .tar.gz.enc when encrypted).")

    def handle(self, *args, path, **options):
        if not Path(path).is_file():
            raise CommandError(f"No backup archive at {path}.")
        if any(model.objects.exists() for model in [*page_types(), Enquiry]):
            raise CommandError(
                "This database already has content; restoring on top of it could mix two sites. Point "
                "DATABASE_URL at a new, empty database, run `manage.py migrate`, and restore there."
            )
        try:
            files = backup_restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        pages = ", ".join(f"{model.objects.count()} {model._meta.verbose_name_plural}" for model in page_types())
        self.stdout.write(self.style.SUCCESS(
            f"Restored {path}: {pages}, {Enquiry.objects.count()} enquiries, {files} files."
        ))
