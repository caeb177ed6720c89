from django.core.management.base import BaseCommand

from publishing.media import sync_public_copies


class Command(BaseCommand):
    help = (
        "Put the public copies of images in step with what patients may see: a copy of every image a live page "
        "shows, none of any other. Run it once after upgrading to a version that keeps files privately (it first "
        "keeps a private copy of every file found only in DJANGO_MEDIA_ROOT), and after copying media by hand. "
        "`restore` and `rebuild_renditions` run it themselves."
    )

    def add_arguments(self, parser):
        parser.add_argument("--replace", action="store_true", help="Copy public images again even where a copy exists.")

    def handle(self, *args, replace, **options):
        adopted, shown, withdrawn = sync_public_copies(replace=replace)
        if adopted:
            self.stdout.write(f"Kept a private copy of {adopted} file(s) found only among the public ones.")
        self.stdout.write(self.style.SUCCESS(
            f"{shown} image(s) shown on pages patients can see are public; {withdrawn} other image(s) are no longer."
        ))
