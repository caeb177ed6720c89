"""Working drafts of live pages (Wagtail's model: a live version and a latest draft).

A draft is made by the admin's own form and inlines: inside a transaction the page is saved as edited,
then written down here and the transaction rolled back, so the live page never changes. Applying a draft
does the reverse, inside a transaction that is rolled back (to show or preview it) or committed (to
publish it)."""

import reversion
from django.core import serializers
from django.db import connection, transaction
from django.utils import timezone

from .models import PageDraft, page_type_related_models_of


def child_models(page_type):
    """The models shown with a page type that belong to one page (FAQs, gallery pairs): drafts carry them."""
    return [
        model for model in page_type_related_models_of(page_type)
        if any(f.many_to_one and f.related_model is page_type for f in model._meta.concrete_fields)
    ]


def inline_items(page, inline_models):
    """The rows of each inline model (FAQs, gallery pairs) that belong to `page`."""
    items = []
    for model in inline_models:
        fk = next(f for f in model._meta.concrete_fields if f.many_to_one and f.related_model is type(page))
        items += model.objects.filter(**{fk.name: page}).order_by("pk")
    return items


def snapshot(page, inline_models, live_keys):
    """The page and its inline items as stored now, serialised, and the keys of items the live page does
    not have (new FAQs, say): the caller reserves those once the transaction is rolled back, so the
    draft's items keep their keys each time it is applied, and no other row can take them."""
    items = inline_items(page, inline_models)
    new_keys = [(type(item), item.pk) for item in items if (item._meta.label_lower, item.pk) not in live_keys]
    return serializers.serialize("json", [page, *items]), new_keys


def reserve_keys(new_keys):
    """Keys handed out inside a rolled-back transaction stay handed out. PostgreSQL never gives a sequence
    value twice; SQLite's AUTOINCREMENT counter was rolled back with the rest, so move it on."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for model, pk in new_keys:
            table = model._meta.db_table
            cursor.execute("UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s", [pk, table])
            if not cursor.rowcount:
                cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, pk])


def live_keys(page, inline_models):
    return {(item._meta.label_lower, item.pk) for item in inline_items(page, inline_models)}


def apply(draft, page, inline_models):
    """Write `draft` over `page` and its inline items (call inside a transaction)."""
    kept = set()
    for entry in serializers.deserialize("json", draft.data):
        entry.save()
        kept.add((entry.object._meta.label_lower, entry.object.pk))
    for item in inline_items(page, inline_models):
        if (item._meta.label_lower, item.pk) not in kept:
            item.delete()


def draft_of(page):
    return PageDraft.objects.for_page(page).select_related("updated_by").first() if page and page.pk else None


def publish_due_changes():
    """Publish the working drafts whose scheduled time has come: called on requests, so nothing needs a
    timer. Each draft is taken by one server only (its row is locked; others skip it)."""
    due = PageDraft.objects.filter(go_live_at__lte=timezone.now())
    if not due.exists():
        return 0
    published = 0
    with transaction.atomic():
        for draft in due.select_for_update(skip_locked=True, of=("self",)).select_related("content_type", "updated_by"):
            page_type = draft.content_type.model_class()
            page = page_type.objects.filter(pk=draft.object_id).first()
            if page is not None:
                apply(draft, page, child_models(page_type))
                page.refresh_from_db()
                page.updated_by = draft.updated_by
                with reversion.create_revision():
                    page.save()
                    reversion.set_user(draft.updated_by)
                    reversion.set_comment("The scheduled changes were published.")
                published += 1
            draft.delete()
    return published
