"""Keeping the search index in step with every page type, and with what its pages show (`shown_with`:
a treatment's FAQs are searched as part of the treatment page)."""

from django.db.models.signals import post_delete, post_save

from publishing.models import ContentVersion, page_type_related_models, page_types

from .models import SearchDocument, Synonym


def index_page(page):
    SearchDocument.objects.update_or_create(
        kind=page._meta.model_name,
        object_id=page.pk,
        defaults={
            "title": page.title,
            "body_text": page.search_text(),
            "status": page.status,
            "publish_at": page.publish_at,
            "unpublish_at": page.unpublish_at,
        },
    )


def index_saved_page(sender, instance, raw=False, **kwargs):
    if not raw:
        index_page(instance)


def unindex_deleted_page(sender, instance, **kwargs):
    SearchDocument.objects.filter(kind=sender._meta.model_name, object_id=instance.pk).delete()


def reindex_pages_showing(sender, instance, raw=False, **kwargs):
    """A FAQ (say) changed: index again the page it belongs to, unless that page is being deleted."""
    if raw:
        return
    for field in sender._meta.concrete_fields:
        if field.many_to_one and field.related_model in page_types():
            if page := field.related_model.objects.filter(pk=getattr(instance, field.attname)).first():
                index_page(page)


def synonyms_changed(sender, **kwargs):
    ContentVersion.bump()  # search pages already kept show the new wording at once


def connect():
    post_save.connect(synonyms_changed, sender=Synonym, dispatch_uid="search-synonym-saved")
    post_delete.connect(synonyms_changed, sender=Synonym, dispatch_uid="search-synonym-deleted")
    for model in page_types():
        post_save.connect(index_saved_page, sender=model, dispatch_uid=f"search-index-{model._meta.label}")
        post_delete.connect(unindex_deleted_page, sender=model, dispatch_uid=f"search-unindex-{model._meta.label}")
    for model in page_type_related_models():
        for signal in (post_save, post_delete):
            signal.connect(reindex_pages_showing, sender=model, dispatch_uid=f"search-reindex-{model._meta.label}")
