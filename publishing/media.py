"""Which image files the public may fetch, kept in step with what patients may see (images/storage.py says where
files live).

An image has a public copy only while a page patients can see shows it: a live page's hero and body images, and
the photos of a gallery pair with consent, marked to be shown, on a live treatment page. Anything else (drafts,
scheduled and expired pages, working drafts, preview links, history, withdrawn or deleted pairs) stays private:
private_media() shows it to staff who may view the page it belongs to and to holders of a preview link showing it.

Kept in step when image-holding rows are saved or deleted (once the transaction commits: the rolled-back save
that makes a working draft changes nothing), and by the first request after a page goes live or expires by
itself (publish_due_images(), from the page cache middleware, as scheduled changes are). A file that no row,
working draft, preview link, kept typing or revision refers to any more is deleted with its renditions."""

import mimetypes
import re
from datetime import timedelta
from functools import partial
from urllib.parse import quote, unquote

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.db.models.signals import post_delete, post_save, pre_save
from django.http import FileResponse, HttpResponseNotFound
from django.utils import timezone
from django.views.decorators.cache import never_cache
from reversion.models import Version

from images.fields import CleanImageField
from images.rich_text import body_image_names
from images.storage import (
    delete_image,
    image_key,
    public_storage,
    publish_image,
    stored_files,
    withdraw_image,
)

from .drafts import child_models
from .models import Autosave, ContentVersion, MediaCheck, PageDraft, PreviewLink, Status, page_types
from .previews import links_shown
from .uploads import user_may_upload


def image_fields(model):
    return [field.name for field in model._meta.concrete_fields if isinstance(field, CleanImageField)]


def library_fields(model):
    """Fields choosing a library image (a page's hero and share images): the page shows that image's file."""
    return [field.name for field in model._meta.concrete_fields
            if field.many_to_one and field.related_model._meta.label == "images.Image"]


def image_models():
    """Models whose rows hold images: in image fields, or in rich-text bodies."""
    return [model for model in apps.get_models() if image_fields(model) or getattr(model, "rich_text_fields", ())]


def names_held(obj):
    """Stored names of the images `obj` holds itself."""
    names = {getattr(obj, field).name for field in image_fields(type(obj)) if getattr(obj, field)}
    names |= {getattr(obj, field).file.name for field in library_fields(type(obj)) if getattr(obj, field)}
    for field in getattr(obj, "rich_text_fields", ()):
        names |= body_image_names(getattr(obj, field))
    return names


def names_shown_with(page):
    """The images of a page and of its inline items (a treatment's gallery): they go public and private together."""
    names = names_held(page)
    for model in child_models(type(page)):
        if image_fields(model):
            fk = next(f.name for f in model._meta.concrete_fields if f.many_to_one and f.related_model is type(page))
            for item in model._default_manager.filter(**{fk: page.pk}):
                names |= names_held(item)
    return names


def owner_of(model):
    """The model whose view permission shows a row's images: a gallery pair's treatment, or the model itself."""
    types = page_types()
    return next((f.related_model for f in model._meta.concrete_fields if f.many_to_one and f.related_model in types),
                model)


def shown_publicly(model):
    """Rows of `model` patients may see (a clinician's profile, say). A model that does not say has none."""
    queryset = model._default_manager.all()
    return queryset.shown_publicly() if hasattr(queryset, "shown_publicly") else queryset.none()


def holding(model, names, exact=True, field=None):
    """The condition for rows of `model` holding any of `names` in an image field (or, not `exact`, an image whose
    name starts so: needles()) or in a rich-text field; or mentioning one in the text `field` (JSON records)."""
    condition = Q(pk__in=[])
    for name in names:
        for image_field in image_fields(model):
            condition |= Q(**{image_field: name}) if exact else Q(**{f"{image_field}__startswith": name})
        for text_field in [field] if field else getattr(model, "rich_text_fields", ()):
            for written in {name, quote(name)}:  # as stored, and as a web address in a body
                condition |= Q(**{f"{text_field}__contains": written})
    return condition


def public_names(names):
    """Which of `names` a row patients may see shows (asked name by name: an image many pages show is found at once)."""
    models = image_models()
    return {name for name in names
            if any(shown_publicly(model).filter(holding(model, [name])).exists() for model in models)}


def needles(name):
    """What text referring to image `name` (or to the image a rendition was made from) contains: its name without
    the extension, then the dot, as stored and as written in a web address."""
    key = image_key(name)
    return {f"{key}.", f"{quote(key)}."}


def library_references(name):
    """How serialised pages (working drafts, preview links, revisions) refer to the library image whose file (or
    rendition) is `name`: by its number, in a field choosing a library image."""
    from images.models import Image

    pks = Image.objects.filter(file__startswith=f"{image_key(name)}.").values_list("pk", flat=True)
    fields = {field for model in page_types() for field in library_fields(model)}
    return {f'"{field}": {pk}{end}' for pk in pks for field in fields for end in (",", "}")}


def drafts_using(image):
    """(page, how) for pages whose working draft chooses the library `image` (images.models.usage_finders): deleting
    it would leave the draft pointing at nothing when it is published."""
    condition = holding(PageDraft, library_references(image.file.name), field="data")
    found = []
    for content_type, object_id in PageDraft.objects.filter(condition).values_list("content_type", "object_id"):
        model = ContentType.objects.get_for_id(content_type).model_class()
        if model is not None and (page := model._default_manager.filter(pk=object_id).first()):
            found.append((page, "in its unpublished changes"))
    return found


def record_needles(name):
    return needles(name) | library_references(name)


def holders(name):
    """The models (a page type, say) of the rows, working drafts, preview links, kept typing and revisions that refer
    to image `name`, or to the image a rendition `name` was made from: cheapest first, as they are found (callers
    stop at the first that answers; the history is read last)."""
    found = needles(name)
    for model in image_models():
        if model._default_manager.filter(holding(model, found, exact=False)).exists():
            yield owner_of(model)
    found = record_needles(name)
    records = [
        (PageDraft.objects.all(), "data"),
        (PreviewLink.objects.all(), "data"),
        (Autosave.objects.annotate(text=Cast("fields", TextField())), "text"),
        (Version.objects.all(), "serialized_data"),
    ]
    for queryset, field in records:
        condition = holding(queryset.model, found, field=field)
        for content_type in queryset.filter(condition).values_list("content_type", flat=True).distinct():
            if model := ContentType.objects.get_for_id(content_type).model_class():
                yield owner_of(model)


def update_public_copies(names, replace=False):
    """Give the images among `names` that patients may see now a public copy, and take it from the others."""
    names = {name for name in names if name}
    shown = public_names(names) if names else set()
    for name in names:
        if name in shown:
            publish_image(name, replace=replace)
        else:
            withdraw_image(name)


def images_changed(names, dropped=()):
    update_public_copies(names)
    for name in dropped:
        if not any(holders(name)):
            delete_image(name)
    publish_due_images()  # what went live or expired by itself meanwhile: so no page's time is left behind


def remember_stored_names(sender, instance, **kwargs):
    """The images the row held before this save: those it no longer holds may lose their public copy, or go."""
    stored = sender._default_manager.filter(pk=instance.pk).first() if instance.pk is not None else None
    instance._stored_image_names = names_held(stored) if stored else set()


def row_saved(sender, instance, **kwargs):
    before = instance.__dict__.pop("_stored_image_names", set())
    now = names_held(instance)
    shown = names_shown_with(instance) if sender in page_types() else now
    transaction.on_commit(partial(images_changed, before | shown, dropped=before - now), robust=True)


def row_deleted(sender, instance, **kwargs):
    names = names_held(instance)
    transaction.on_commit(partial(images_changed, names, dropped=names), robust=True)


def connect():
    from images.models import usage_finders

    if drafts_using not in usage_finders:
        usage_finders.append(drafts_using)
    for model in image_models():
        uid = model._meta.label
        pre_save.connect(remember_stored_names, sender=model, dispatch_uid=f"media-before-save-{uid}")
        post_save.connect(row_saved, sender=model, dispatch_uid=f"media-saved-{uid}")
        post_delete.connect(row_deleted, sender=model, dispatch_uid=f"media-deleted-{uid}")


def publish_due_images():
    """Public copies for the images of pages that went live by themselves since the last look, and none for those
    of pages that expired. Returns how many pages changed so (their cached copies and lists are then stale)."""
    now = timezone.now()
    check, created = MediaCheck.objects.get_or_create(pk=1, defaults={"checked_until": now})
    if created:
        return 0
    changed = Q(publish_at__gt=check.checked_until, publish_at__lte=now) | Q(
        unpublish_at__gt=check.checked_until, unpublish_at__lte=now
    )
    pages = [page for model in page_types() for page in model.objects.filter(changed, status=Status.PUBLISHED)]
    update_public_copies(set().union(*map(names_shown_with, pages)))
    # Another server may have looked meanwhile; either way everything up to `now` has been seen to.
    MediaCheck.objects.filter(pk=1, checked_until__lt=now).update(checked_until=now)
    if pages:
        ContentVersion.bump()
    return len(pages)


def may_see(request, name):
    """Staff who may view the page an image belongs to (anyone who may upload, for an editor upload not yet saved
    with a page), and whoever holds a live preview link showing it."""
    user = request.user
    if user.is_active and user.is_staff:
        referred_to = False
        for model in holders(name):
            if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}"):
                return True
            referred_to = True
        if not referred_to and user_may_upload(user):
            return True
    return links_shown(request).filter(holding(PreviewLink, record_needles(name), field="data")).exists()


@never_cache  # the answer, 404 included: a file may go public (or private) at any moment
def private_media(request, name):
    """An image without a public copy (the web server in front passes these on): to those who may see it only.
    Nobody else learns whether it exists."""
    parts = name.split("/")
    if not name or ".." in parts or "" in parts or not may_see(request, name) or not default_storage.exists(name):
        return HttpResponseNotFound("Not found.", content_type="text/plain")
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# A path with an extension, as text refers to a stored file (a field's value, an address in a body or a revision).
PATH = re.compile(r"[\w.~%+-]+(?:/[\w.~%+-]+)*\.\w+")


def keys_in(text):
    """image_key()s of every file `text` may refer to: each path in it, from each of its folders on (an address
    `/media/editor/2026/11/ab12.png` gives `editor/2026/11/ab12`, among others)."""
    keys = set()
    for path in PATH.findall(unquote(text or "")):
        parts = path.split("/")
        keys.update(image_key("/".join(parts[start:])) for start in range(len(parts)))
    return keys


def referenced_keys():
    """image_key()s of what rows, working drafts, preview links, kept typing and revisions refer to: read once, so
    looking for unused files costs no query per file (each one found unused is then checked with holders())."""
    keys = set()
    for model in image_models():
        for field in image_fields(model):
            keys.update(map(image_key, model._default_manager.exclude(**{field: ""}).values_list(field, flat=True)))
        for field in getattr(model, "rich_text_fields", ()):
            for text in model._default_manager.values_list(field, flat=True).iterator():
                keys |= keys_in(text)
    records = [
        PageDraft.objects.values_list("data", flat=True),
        PreviewLink.objects.values_list("data", flat=True),
        Autosave.objects.annotate(text=Cast("fields", TextField())).values_list("text", flat=True),
        Version.objects.values_list("serialized_data", flat=True),
    ]
    for queryset in records:
        for text in queryset.iterator():
            keys |= keys_in(text)
    return keys


# An upload this recent may belong to a page someone is writing and has not saved yet.
UNUSED_AFTER = timedelta(days=1)


def unused_files():
    """(where, storage, name, size) of every stored file (renditions and public copies included) that nothing
    refers to and that is older than UNUSED_AFTER."""
    used = referenced_keys()
    cutoff = timezone.now() - UNUSED_AFTER
    confirmed = {}
    for where, storage in (("private", default_storage), ("public", public_storage())):
        for name in stored_files(storage):
            key = image_key(name)
            if key in used or storage.get_modified_time(name) > cutoff:
                continue
            if key not in confirmed:  # a reference the quick reading missed (an odd name): never delete it
                confirmed[key] = not any(holders(name))
            if confirmed[key]:
                yield where, storage, name, storage.size(name)


def sync_public_copies(replace=False):
    """Put the public storage in step with what patients may see: a copy of each image a row patients may see
    shows (`replace`: made again), none of anything else. A file found only in the public storage (uploaded before
    files were kept privately) is first copied into the private one. Returns (kept privately, public, withdrawn)."""
    public = public_storage()
    adopted = 0
    for name in stored_files(public):
        if not default_storage.exists(name):
            with public.open(name, "rb") as content:
                default_storage.save(name, content)
            adopted += 1
    shown = set()
    for model in image_models():
        rows = shown_publicly(model)
        for row in rows.select_related(*library_fields(model)) if library_fields(model) else rows:
            shown |= names_held(row)
    shown_keys = {image_key(name) for name in shown}
    withdrawn = {image_key(name) for name in stored_files(public) if image_key(name) not in shown_keys}
    for name in stored_files(public):
        if image_key(name) in withdrawn:
            public.delete(name)
    for name in shown:
        publish_image(name, replace=replace)
    MediaCheck.objects.update_or_create(pk=1, defaults={"checked_until": timezone.now()})
    return adopted, len(shown), len(withdrawn)
