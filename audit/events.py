"""The audit log, from the records the site already keeps: django-axes (sign-ins, failures, lockouts), the admin's
LogEntry and django-reversion's revisions (who saved, published, reviewed what), claim overrides, the enquiry
access log, and backup runs. One UNION query orders and pages them all in the database; only the records on
the page shown are then read and described, with a query or so per source (never one per row)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time, timedelta

import reversion
from axes.models import AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q, Value
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from reversion.models import Revision, Version

from claims.models import ClaimOverride
from enquiries.models import Enquiry, EnquiryAccess
from publishing.models import page_types
from publishing.review import CHANGES_REQUESTED, REVIEW_OVERRIDDEN, REVIEW_RECORDED, SUBMITTED_FOR_REVIEW

from .models import BackupRun


class Kind(models.TextChoices):
    SIGN_IN = "sign-in", "Sign-in"
    FAILED_SIGN_IN = "failed-sign-in", "Failed sign-in"
    LOCKOUT = "lockout", "Lockout"
    CHANGE = "change", "Change or publishing"
    REVIEW = "review", "Medical review"
    OVERRIDE = "override", "Rule override"
    ENQUIRY = "enquiry", "Enquiry access"
    BACKUP = "backup", "Backup or restore"


@dataclass(frozen=True)
class Source:
    """The records of one model that make events of one kind."""

    model: type
    kind: str
    at: str  # the time field
    person: str  # the username, as a lookup
    only: Q = Q()

    def events(self, person, since, until):
        records = self.model._default_manager.filter(self.only)
        if person:
            records = records.filter(**{f"{self.person}__iexact": person})
        if since:
            records = records.filter(**{f"{self.at}__gte": since})
        if until:
            records = records.filter(**{f"{self.at}__lt": until})
        return records.order_by().values(
            event_at=F(self.at), event_kind=Value(self.kind), event_source=Value(self.model._meta.label_lower),
            event_id=F("pk"),
        )


def sources():
    reviewed, overridden = Q(comment__startswith=REVIEW_RECORDED), Q(comment__contains=REVIEW_OVERRIDDEN)
    # An admin save of a versioned model (a page, a clinician) is also a revision, which says more (the override
    # reason, say): its LogEntry is left out. Deletions make no revision, so theirs are kept.
    versioned = ContentType.objects.get_for_models(*reversion.get_registered_models()).values()
    mirrored = Q(content_type__in=[content_type.pk for content_type in versioned]) & ~Q(action_flag=DELETION)
    # Submitting for review and asking for changes save nothing, so only the admin's log has them.
    workflow = Q(change_message__startswith=SUBMITTED_FOR_REVIEW) | Q(change_message__startswith=CHANGES_REQUESTED)
    return [
        Source(AccessLog, Kind.SIGN_IN, "attempt_time", "username"),
        Source(AccessFailureLog, Kind.FAILED_SIGN_IN, "attempt_time", "username", Q(locked_out=False)),
        Source(AccessFailureLog, Kind.LOCKOUT, "attempt_time", "username", Q(locked_out=True)),
        Source(LogEntry, Kind.CHANGE, "action_time", "user__username", ~mirrored),
        Source(LogEntry, Kind.REVIEW, "action_time", "user__username", mirrored & workflow),
        Source(Revision, Kind.CHANGE, "date_created", "user__username", ~reviewed & ~overridden),
        Source(Revision, Kind.REVIEW, "date_created", "user__username", reviewed),
        Source(Revision, Kind.OVERRIDE, "date_created", "user__username", overridden & ~reviewed),
        Source(ClaimOverride, Kind.OVERRIDE, "created_at", "overridden_by__username"),
        Source(EnquiryAccess, Kind.ENQUIRY, "at", "user__username"),
        Source(BackupRun, Kind.BACKUP, "at", "run_by"),
    ]


def find(person="", since=None, until=None, kind=""):
    """Rows (event_at, event_kind, event_source, event_id), newest first: `person` is a username (any case),
    `since` and `until` are dates in the site's time zone (both included), `kind` a Kind."""
    start = day_start(since) if since else None
    end = day_start(until + timedelta(days=1)) if until else None
    first, *rest = [source.events(person, start, end) for source in sources() if not kind or source.kind == kind]
    return (first.union(*rest, all=True) if rest else first).order_by("-event_at", "-event_id")


def day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass
class Event:
    at: datetime
    person: str
    what: str
    person_note: str = ""
    target: tuple = None  # (content type id, object id) of what it was done to
    object_label: str = ""
    object_url: str = ""
    address: str = ""
    kind: Kind = None


def describe(rows):
    """Events for one page of rows from find()."""
    ids = defaultdict(list)
    for row in rows:
        ids[row["event_source"]].append(row["event_id"])
    records = {}
    for label, pks in ids.items():
        model = apps.get_model(label)
        records[label] = model._default_manager.all()
        if related := DESCRIBE[model][1]:
            records[label] = records[label].select_related(*related)
        records[label] = records[label].in_bulk(pks)
    with_main_versions(records.get("reversion.revision", {}))
    events = []
    for row in rows:
        record = records[row["event_source"]][row["event_id"]]
        event = DESCRIBE[type(record)][0](record)
        event.kind = Kind(row["event_kind"])
        events.append(event)
    link_objects(events)
    note_unknown_usernames(events)
    return events


def username(user):
    return user.get_username() if user else ""


def sign_in(record):
    what = "Signed in"
    if record.logout_time:
        what += f"; signed out {timezone.localtime(record.logout_time):%H:%M}"
    return Event(record.attempt_time, record.username or "", what + ".", address=record.ip_address or "")


def failed_sign_in(record):
    what = ("Sign-in refused and locked out: too many failed attempts." if record.locked_out
            else "Sign-in refused: wrong username or password.")
    return Event(record.attempt_time, record.username or "", what, address=record.ip_address or "")


ACTIONS = {ADDITION: "Added", CHANGE: "Changed", DELETION: "Deleted"}


def admin_change(record):
    message = record.get_change_message()
    what = f"{ACTIONS.get(record.action_flag, 'Changed')} {record.content_type.name if record.content_type else ''}"
    if message.startswith((SUBMITTED_FOR_REVIEW, CHANGES_REQUESTED)):
        what = message  # a workflow step changed nothing
    elif message:
        what += f": {message}"
    return Event(record.action_time, username(record.user), what,
                 target=(record.content_type_id, record.object_id), object_label=record.object_repr)


def revision(record):
    version = record.main_version
    return Event(record.date_created, username(record.user), record.get_comment() or "Saved.",
                 person_note="" if record.user_id else "the site itself",
                 target=(version.content_type_id, version.object_id) if version else None,
                 object_label=version.object_repr if version else "")


def claim_override(record):
    return Event(record.created_at, username(record.overridden_by),
                 f"Published despite advertising rule {record.rule_id}. Reason: {record.reason}",
                 target=(record.content_type_id, str(record.object_id)))


def enquiry_access(record):
    if record.action == EnquiryAccess.Action.EXPORTED:
        what = f"Exported {record.enquiry_count} enquiries to CSV."
    else:
        what = "Opened an enquiry." if record.enquiry_id else "Opened an enquiry, since deleted."
    # The patient's name stays out of the log: the enquiry's number is enough to find it.
    opened = record.action == EnquiryAccess.Action.VIEWED and record.enquiry_id
    return Event(record.at, username(record.user), what,
                 target=(ContentType.objects.get_for_model(Enquiry).pk, str(record.enquiry_id)) if opened else None,
                 object_label=f"Enquiry #{record.enquiry_id}" if opened else "")


def backup_run(record):
    encrypted = "encrypted" if record.encrypted else "not encrypted"
    return Event(record.at, record.run_by, f"{record.get_action_display()} ({encrypted}): {record.summary}.",
                 person_note="server account", object_label=record.path)


# For each model: how its record reads as an event, and what to read with it.
DESCRIBE = {
    AccessLog: (sign_in, []),
    AccessFailureLog: (failed_sign_in, []),
    LogEntry: (admin_change, ["user", "content_type"]),
    Revision: (revision, ["user"]),
    ClaimOverride: (claim_override, ["overridden_by"]),
    EnquiryAccess: (enquiry_access, ["user"]),
    BackupRun: (backup_run, []),
}


def with_main_versions(revisions):
    """Give each revision its main version: the page when a page was saved (its FAQs come with it), else the
    first."""
    page_type_ids = {content_type.pk for content_type in ContentType.objects.get_for_models(*page_types()).values()}
    main = {}
    for version in Version.objects.filter(revision__in=revisions.keys()).order_by("pk"):
        if version.revision_id not in main or (
            version.content_type_id in page_type_ids and main[version.revision_id].content_type_id not in page_type_ids
        ):
            main[version.revision_id] = version
    for revision_id, record in revisions.items():
        record.main_version = main.get(revision_id)


def link_objects(events):
    """Link each event to what it was done to, where that still exists (one query per kind of object)."""
    wanted = defaultdict(set)
    for event in events:
        if event.target:
            wanted[event.target[0]].add(event.target[1])
    found = {}
    for content_type_id, object_ids in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a model since removed from the code
            continue
        for obj in model._default_manager.filter(pk__in=object_ids):
            found[content_type_id, str(obj.pk)] = obj
    for event in events:
        if obj := found.get(event.target):
            event.object_label = event.object_label or str(obj)
            event.object_url = admin_url(obj)
        elif event.target and not event.object_label:
            event.object_label = "(deleted)"


def admin_url(obj):
    if not admin.site.is_registered(type(obj)):
        return ""
    try:
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[quote(obj.pk)])
    except NoReverseMatch:
        return ""


def note_unknown_usernames(events):
    """A failed sign-in names whatever was typed: say when no account has that name (someone guessing)."""
    failed = [event for event in events if event.kind in (Kind.FAILED_SIGN_IN, Kind.LOCKOUT) and event.person]
    if not failed:
        return
    typed = {event.person for event in failed}
    known = set(get_user_model()._default_manager.filter(username__in=typed).values_list("username", flat=True))
    for event in failed:
        if event.person not in known:
            event.person_note = "no such account"
