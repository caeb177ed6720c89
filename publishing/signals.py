"""Cached pages go stale when anything patients can see changes: every page type, what its pages show
(`shown_with`), the links between them, and redirects. See cache.py."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import ContentVersion, Redirect, page_type_related_models, page_types


def content_changed(sender, raw=False, **kwargs):
    if not raw:
        ContentVersion.bump()


def connect():
    for model in {*page_types(), *page_type_related_models(), Redirect}:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"content-changed-save-{model._meta.label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-changed-delete-{model._meta.label}")
    for page_type in page_types():
        for field in page_type._meta.many_to_many:
            through = field.remote_field.through
            uid = f"content-changed-m2m-{through._meta.label}"
            m2m_changed.connect(content_changed, sender=through, dispatch_uid=uid)
