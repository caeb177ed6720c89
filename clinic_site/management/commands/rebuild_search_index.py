from django.core.management.base import BaseCommand
from django.db import transaction

from articles.models import Article
from clinic_site.models import SearchDocument
from clinic_site.signals import index_page
from treatments.models import Treatment


class Command(BaseCommand):
    help = "Rebuild the full-text search index from every article and treatment (after a bulk import, say)."

    @transaction.atomic
    def handle(self, *args, **options):
        SearchDocument.objects.all().delete()
        count = 0
        for queryset in (Treatment.objects.prefetch_related("faqs"), Article.objects.all()):
            for page in queryset.iterator(chunk_size=500):
                index_page(page)
                count += 1
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} page(s)."))
