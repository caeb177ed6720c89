from django.conf import settings
from django.core.management.base import BaseCommand

from enquiries.models import Enquiry


class Command(BaseCommand):
    help = (
        "Delete consultation enquiries older than CLINIC_ENQUIRY_RETENTION_DAYS "
        f"(now {settings.CLINIC_ENQUIRY_RETENTION_DAYS} days). Schedule it daily; see the README."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say how many would be deleted; delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        due = Enquiry.objects.older_than_retention()
        count = due.count()
        days = settings.CLINIC_ENQUIRY_RETENTION_DAYS
        if dry_run:
            self.stdout.write(
                f"Dry run: {count} enquir{'y' if count == 1 else 'ies'} older than {days} days would be deleted."
            )
            return
        due.delete()
        self.stdout.write(
            self.style.SUCCESS(f"Deleted {count} enquir{'y' if count == 1 else 'ies'} older than {days} days.")
        )
