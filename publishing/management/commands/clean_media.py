from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat

from publishing.media import unused_files


class Command(BaseCommand):
    help = (
        "Delete stored files nothing uses: no page, gallery pair, clinician, working draft, preview link, kept "
        "typing or revision refers to them (an image uploaded in the editor and never kept in a page, say), with "
        "their renditions and public copies. Files less than a day old are left alone. --dry-run lists them only."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be deleted, with sizes; delete nothing."
        )

    def handle(self, *args, dry_run, **options):
        count = total = 0
        for where, storage, name, size in unused_files():
            self.stdout.write(f"  {where:7}  {name}  {filesizeformat(size)}")
            if not dry_run:
                storage.delete(name)
            count, total = count + 1, total + size
        if not count:
            self.stdout.write(self.style.SUCCESS("No unused files."))
        elif dry_run:
            self.stdout.write(f"{count} unused file(s), {filesizeformat(total)}: nothing deleted (--dry-run).")
        else:
            self.stdout.write(self.style.SUCCESS(f"Deleted {count} unused file(s), {filesizeformat(total)}."))
