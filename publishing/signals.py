"""Cached pages go stale when anything patients can see changes: every page type, what its pages show
(`shown_with`), the links between them, and redirects (see cache.py). A deleted page takes its working
records with it."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import media
from .models import (
    Autosave,
    ContentVersion,
    PageDraft,
    PreviewLink,
    Redirect,
    ReviewRequest,
    page_type_related_models,
    page_types,
)


def content_changed(sender, raw=False, **kwargs):
    if not raw:
        ContentVersion.bump()


def schedule_changed(sender, instance, raw=False, **kwargs):
    """Cached pages must expire when scheduled changes go live: pages cached before the schedule was set do not
    know the time, so they are dropped now (scheduling is rare; a cache hit never looks for due changes)."""
    if not raw and instance.go_live_at is not None:
        ContentVersion.bump()


def forget_deleted_page(sender, instance, **kwargs):
    """A deleted page's draft, preview links, review request and kept typing go with it (a page brought
    back from the history starts clean; a shared link to it shows nothing)."""
    content_type = ContentType.objects.get_for_model(sender)
    for model in (PageDraft, PreviewLink, ReviewRequest, Autosave):
        model.objects.filter(content_type=content_type, object_id=instance.pk).delete()


def connect():
    media.connect()
    post_save.connect(schedule_changed, sender=PageDraft, dispatch_uid="schedule-changed")
    for model in {*page_types(), *page_type_related_models(), Redirect}:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"content-changed-save-{model._meta.label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-changed-delete-{model._meta.label}")
    for page_type in page_types():
        post_delete.connect(forget_deleted_page, sender=page_type, dispatch_uid=f"forget-{page_type._meta.label}")
        for field in page_type._meta.many_to_many:
            through = field.remote_field.through
            uid = f"content-changed-m2m-{through._meta.label}"
            m2m_changed.connect(content_changed, sender=through, dispatch_uid=uid)
