"""Keeping derived data in step with content: the search index, and (see cache.py) cached pages."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Article
from treatments.models import FAQ, Treatment

from .models import SearchDocument


def index_page(page):
    SearchDocument.objects.update_or_create(
        kind=page._meta.model_name,
        object_id=page.pk,
        defaults={
            "title": page.title,
            "body_text": page.search_text(),
            "status": page.status,
            "publish_at": page.publish_at,
        },
    )


@receiver(post_save, sender=Article)
@receiver(post_save, sender=Treatment)
def index_saved_page(sender, instance, raw=False, **kwargs):
    if not raw:
        index_page(instance)


@receiver(post_delete, sender=Article)
@receiver(post_delete, sender=Treatment)
def unindex_deleted_page(sender, instance, **kwargs):
    SearchDocument.objects.filter(kind=sender._meta.model_name, object_id=instance.pk).delete()


@receiver(post_save, sender=FAQ)
@receiver(post_delete, sender=FAQ)
def reindex_treatment_of_faq(sender, instance, raw=False, **kwargs):
    if not raw and Treatment.objects.filter(pk=instance.treatment_id).exists():
        index_page(instance.treatment)
