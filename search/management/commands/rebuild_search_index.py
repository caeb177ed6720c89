from django.core.management.base import BaseCommand
from django.db import transaction

from publishing.models import page_types
from search.models import SearchDocument
from search.signals import index_page


class Command(BaseCommand):
    help = "Rebuild the full-text search index from every public page type (after a bulk import, say)."

    @transaction.atomic
    def handle(self, *args, **options):
        SearchDocument.objects.all().delete()
        count = 0
        for model in page_types():
            for page in model.objects.all().iterator(chunk_size=500):
                index_page(page)
                count += 1
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} page(s)."))
