"""The admin home (templates/admin/index.html): each member of staff's own work first, the site's tools after."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.urls import reverse

from publishing.models import PageDraft, ReviewRequest, page_types

register = template.Library()

# The admin's apps, grouped on the home page in this order. Apps named nowhere (users, groups, sign-in records,
# two-factor devices...) are for administrators: the last group, and only superusers hold their permissions.
APP_GROUPS = [
    ("content", "Content", ["articles", "treatments", "images", "clinicians", "clinic", "claims"]),
    ("patients", "Patients", ["enquiries"]),
    ("tools", "Site tools", ["publishing", "search"]),
]


@dataclass
class Entry:
    """A line of the home page: a page, the date that matters in its section, and where it stands."""

    page: object
    when: datetime | None = None
    changes: bool = False  # about a live page's working draft, not the page patients see
    request: ReviewRequest | None = None


def perm(model, action):
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def changelists(models, query):
    """(name, address) of each type's list, filtered by `query`: the "all of them" links under a section."""
    return [
        (model._meta.verbose_name_plural.capitalize(),
         reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist") + query)
        for model in models
    ]


def with_pages(records, types):
    """(record, page) for records about pages (working drafts, review requests), each page fetched once per type;
    records whose page is gone are left out."""
    wanted = defaultdict(set)
    for record in records:
        wanted[record.content_type_id].add(record.object_id)
    pages = {
        (type_id, pk): page
        for type_id, ids in wanted.items() for pk, page in types[type_id].objects.in_bulk(ids).items()
    }
    return [(r, pages[r.content_type_id, r.object_id]) for r in records if (r.content_type_id, r.object_id) in pages]


@register.filter
def reads_pages(user):
    return any(user.has_perm(perm(model, "view")) for model in page_types())


@register.inclusion_tag("admin/includes/editorial_home.html", takes_context=True)
def editorial_home(context, limit=6):
    """Buttons to write, then: reviews waiting for me, changes asked of me, my drafts, what goes live next, medical
    reviews due and what went live last, for the page types this member of staff may read."""
    user = context["request"].user
    content_apps = APP_GROUPS[0][2]
    readable = sorted(
        (model for model in page_types() if user.has_perm(perm(model, "view"))),
        key=lambda model: (content_apps + [model._meta.app_label]).index(model._meta.app_label),
    )
    if not readable:
        return {"show": False}
    types = {ContentType.objects.get_for_model(model).pk: model for model in readable}
    writes = any(user.has_perm(perm(model, "change")) for model in readable)
    reviewable = [type_id for type_id, model in types.items() if user.has_perm(perm(model, "review"))]
    requests = {
        (r.content_type_id, r.object_id): r
        for r in ReviewRequest.objects.filter(content_type__in=types).select_related("submitted_by", "answered_by")
    }

    def entries(pages, when):
        return [Entry(page, getattr(page, when), request=requests.get((ContentType.objects.get_for_model(page).pk,
                                                                       page.pk)))
                for page in pages]

    def first(items, key, reverse=False):
        return sorted(items, key=key, reverse=reverse)[:limit]

    home = {"show": True, "links": {}}
    home["write_links"] = [
        (model.write_label or f"New {model._meta.verbose_name}", reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_add"))
        for model in readable if user.has_perm(perm(model, "add"))
    ]
    if reviewable:
        waiting = [r for r in requests.values()
                   if r.content_type_id in reviewable and r.state == ReviewRequest.State.IN_REVIEW]
        home["waiting_for_review"] = first(
            [Entry(page, r.updated_at, request=r) for r, page in with_pages(waiting, types)], key=lambda e: e.when)
    if writes:
        asked = [r for r in requests.values()
                 if r.submitted_by_id == user.pk and r.state == ReviewRequest.State.CHANGES_REQUESTED]
        home["changes_requested"] = first(
            [Entry(page, r.updated_at, request=r) for r, page in with_pages(asked, types)],
            key=lambda e: e.when, reverse=True)
        mine = [entry for model in readable
                for entry in entries(model.objects.drafts().filter(updated_by=user).order_by("-updated_at")[:limit],
                                     "updated_at")]
        working = PageDraft.objects.filter(content_type__in=types, updated_by=user).order_by("-updated_at")[:limit]
        mine += [Entry(page, draft.updated_at, changes=True, request=requests.get((draft.content_type_id, page.pk)))
                 for draft, page in with_pages(working, types)]
        home["my_drafts"] = first(mine, key=lambda e: e.when, reverse=True)
        home["links"]["drafts"] = changelists(readable, "?visibility=draft")
    scheduled = [entry for model in readable
                 for entry in entries(model.objects.scheduled().order_by("publish_at")[:limit], "publish_at")]
    changes = PageDraft.objects.filter(content_type__in=types, go_live_at__isnull=False).order_by("go_live_at")
    scheduled += [Entry(page, draft.go_live_at, changes=True) for draft, page in with_pages(changes[:limit], types)]
    home["scheduled"] = first(scheduled, key=lambda e: e.when)
    home["links"]["scheduled"] = changelists(readable, "?visibility=scheduled")
    due = [Entry(page, page.last_reviewed) for model in readable
           for page in model.objects.reviews_due().order_by(F("last_reviewed").asc(nulls_first=True), "title")[:limit]]
    home["reviews_due"] = first(due, key=lambda e: (e.when is not None, e.when))
    home["links"]["reviews_due"] = changelists(readable, "?review=due")
    recent = [entry for model in readable
              for entry in entries(model.objects.published().order_by("-publish_at")[:limit], "publish_at")]
    home["recently_published"] = first(recent, key=lambda e: e.when, reverse=True)
    home["links"]["recently_published"] = changelists(readable, "?visibility=live")
    return home


@register.simple_tag
def app_groups(app_list):
    """The admin's apps in the home page's groups, in order; empty groups are left out."""
    groups = [
        {"key": key, "name": name, "apps": [app for label in labels for app in app_list if app["app_label"] == label]}
        for key, name, labels in APP_GROUPS
    ]
    grouped = {label for _key, _name, labels in APP_GROUPS for label in labels}
    groups.append({
        "key": "administration", "name": "Administration",
        "apps": [app for app in app_list if app["app_label"] not in grouped],
    })
    return [group for group in groups if group["apps"]]
