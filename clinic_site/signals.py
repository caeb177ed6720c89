"""Keeping derived data in step with content: the search index, and (see cache.py) cached pages."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from articles.models import Article, Category
from clinicians.models import Clinician
from treatments.models import FAQ, BeforeAfterPair, Treatment

from .models import ContentVersion, Redirect, SearchDocument

# Everything patients can see on some page: a change to any of them makes cached pages stale.
VISIBLE_MODELS = [Article, Treatment, FAQ, Category, Clinician, BeforeAfterPair, Redirect]


def content_changed(sender, raw=False, **kwargs):
    if not raw:
        ContentVersion.bump()


for model in VISIBLE_MODELS:
    post_save.connect(content_changed, sender=model, dispatch_uid=f"content-changed-save-{model.__name__}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-changed-delete-{model.__name__}")
for through in (Article.categories.through, Article.related_treatments.through):
    m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"content-changed-m2m-{through.__name__}")


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
