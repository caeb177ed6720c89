"""Working drafts of live pages (Wagtail's model: a live version and a latest draft).

A draft is made by the admin's own form and inlines: inside a transaction the page is saved as edited,
then written down here and the transaction rolled back, so the live page never changes. Applying a draft
does the reverse, inside a transaction that is rolled back (to show or preview it) or committed (to
publish it)."""

import json

from django.core import serializers

from .models import PageDraft


def inline_items(page, inline_models):
    """The rows of each inline model (FAQs, gallery pairs) that belong to `page`."""
    items = []
    for model in inline_models:
        fk = next(f for f in model._meta.concrete_fields if f.many_to_one and f.related_model is type(page))
        items += model.objects.filter(**{fk.name: page}).order_by("pk")
    return items


def snapshot(page, inline_models, live_keys):
    """The page and its inline items as stored now, serialised. Items the live page does not have are
    written without their key, so applying the draft later makes them anew (a key given out inside a
    rolled-back transaction may be given out again)."""
    data = json.loads(serializers.serialize("json", [page, *inline_items(page, inline_models)]))
    for item in data[1:]:
        if (item["model"], item["pk"]) not in live_keys:
            item["pk"] = None
    return json.dumps(data)


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
