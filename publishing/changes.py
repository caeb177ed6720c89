"""What changed between two versions of a page, as staff read it: rich text turned into lines of readable text
(headings, list items, table rows), then compared word by word. Used by the compare view and by the history
comments (publishing.admin.history), so both agree on what counts as a change: whitespace never does."""

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from difflib import SequenceMatcher
from html.parser import HTMLParser

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst, get_text_list
from django_ckeditor_5.fields import CKEditor5Field

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Tags that start a new line of text; anything else (bold, links...) flows within the line.
BLOCKS = HEADINGS | {
    "p", "li", "ul", "ol", "blockquote", "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot",
    "tr", "div", "section", "article", "pre", "hr",
}
KIND_LABELS = {"heading": "Heading", "row": "Table row", "caption": "Caption", "quote": "Quote", "image": "Image"}
KIND_NAMES = {
    "paragraph": "a paragraph", "heading": "a heading", "item": "a list item", "row": "a table row",
    "caption": "a caption", "quote": "a quote", "image": "an image",
}
# A word, a run of spaces or one punctuation mark: "3–4" differs from "3" by "–4", not by the whole word.
TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
# Below this share of words in common, a line reads better as removed and added than as a patchwork.
SIMILAR = 0.5
SHORT_TEXT = 100  # characters at most: a fact, shown before and after rather than word by word
MISSING = object()  # a field of an inline item that did not exist in one of the versions


@dataclass(frozen=True)
class Line:
    """One line of readable text: a paragraph, a heading, a list item, a table row (cells joined by "|")..."""

    kind: str
    text: str
    marker: str = ""  # "•" or "2." for list items: shown, never compared (renumbering is not a change of words)
    depth: int = 0

    @property
    def key(self):
        return self.kind, self.text, self.depth


class ReadableText(HTMLParser):
    """Rich text (sanitised editor HTML) as lines of text, plus its markup without the text (the "skeleton"),
    which tells formatting, link and image changes from no change at all."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.skeleton = [], []
        self.open = []  # open block tags, innermost last
        self.lists = []  # [tag, next number] of each open list
        self.marker = ""
        self.buffer = []
        self.row = self.cell = None

    def handle_starttag(self, tag, attrs):
        self.skeleton.append((tag, tuple(sorted((name, value or "") for name, value in attrs))))
        if self.cell is not None:  # inside a table cell everything is the cell's text
            if tag == "br" or tag in BLOCKS:
                self.cell.append(" ")
            return
        if tag == "img":
            self.flush()
            alt = " ".join((dict(attrs).get("alt") or "").split())
            self.lines.append(Line("image", alt or "(no text alternative)"))
        elif tag == "br":
            self.flush()
        elif tag == "tr":
            self.flush()
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in BLOCKS:
            self.flush()
            if tag in ("ul", "ol"):
                start = dict(attrs).get("start") or "1"
                self.lists.append([tag, int(start) if start.isdigit() else 1])
            elif tag == "li":
                kind, number = self.lists[-1] if self.lists else ("ul", 1)
                self.marker = f"{number}." if kind == "ol" else "•"
                if self.lists:
                    self.lists[-1][1] += 1
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.skeleton.append((f"/{tag}", ()))
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if any(self.row):
                self.lines.append(Line("row", " | ".join(self.row)))
            self.row = None
        elif tag in BLOCKS and self.cell is None:
            self.flush()
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]
            if tag in ("ul", "ol") and self.lists:
                self.lists.pop()

    def handle_data(self, data):
        (self.cell if self.cell is not None else self.buffer).append(data)

    def flush(self):
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if not text:
            return
        kind, depth = "paragraph", max(0, len(self.lists) - 1)
        for tag in reversed(self.open):
            if tag in HEADINGS:
                kind = "heading"
                break
            if tag in ("figcaption", "caption"):
                kind = "caption"
                break
            if tag == "li":
                kind = "item"
                break
            if tag == "blockquote":
                kind = "quote"
                break
        marker, self.marker = (self.marker, "") if kind == "item" else ("", self.marker)
        self.lines.append(Line(kind, text, marker, depth if kind == "item" else 0))

    def close(self):
        super().close()
        self.flush()


def read_rich_text(html):
    reader = ReadableText()
    reader.feed(html or "")
    reader.close()
    return reader.lines, reader.skeleton


def rich_text_lines(html):
    return read_rich_text(html)[0]


def readable_text(html):
    """`html` as plain text, one line per paragraph, heading, list item, table row or image."""
    return "\n".join(
        " ".join(filter(None, [line.marker, "Image:" if line.kind == "image" else "", line.text]))
        for line in rich_text_lines(html)
    )


def plain_paragraphs(text):
    """Plain text (a summary, an FAQ answer) as paragraphs (a blank line starts one), each a tuple of its
    non-empty lines, spacing tidied."""
    paragraphs, lines = [], []
    for raw in str(text or "").splitlines():
        if line := " ".join(raw.split()):
            lines.append(line)
        elif lines:
            paragraphs.append(tuple(lines))
            lines = []
    return [*paragraphs, tuple(lines)] if lines else paragraphs


def plain_lines(text):
    return [Line("paragraph", line) for paragraph in plain_paragraphs(text) for line in paragraph]


# Word and line differences.

@dataclass
class Row:
    """A line of the compare view: changed (word by word), added, removed, or a gap of unchanged lines."""

    status: str
    kind: str = "paragraph"
    marker: str = ""
    depth: int = 0
    segments: list = field(default_factory=list)  # ("equal" | "del" | "ins", text)
    note: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, "")

    @property
    def html(self):
        return format_html_join("", "{}", ((segment_html(op, text),) for op, text in self.segments))


def segment_html(op, text):
    if op == "equal":
        return format_html("{}", text)
    return format_html("<{tag}>{text}</{tag}>", tag=op, text=text)


def word_diff(old, new):
    """(op, text) segments turning `old` into `new`, word by word. Changes separated only by a space are joined
    into one ("<del>red car</del><ins>blue bike</ins>"), which reads better than a patchwork."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    codes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    merged = []
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        previous = merged[-1] if merged and merged[-1][0] != "equal" else None
        next_is_change = index + 1 < len(codes) and codes[index + 1][0] != "equal"
        between_changes = tag == "equal" and not "".join(a[i1:i2]).strip() and next_is_change
        if previous and (tag != "equal" or between_changes):
            merged[-1] = ("replace", previous[1], i2, previous[3], j2)
        else:
            merged.append((tag, i1, i2, j1, j2))
    groups = []  # ["equal", text] or ["change", [[op, text], ...]]
    for tag, i1, i2, j1, j2 in merged:
        if tag == "equal":
            groups.append(["equal", "".join(a[i1:i2])])
        else:
            groups.append(["change", [[op, "".join(tokens)] for op, tokens in (("del", a[i1:i2]), ("ins", b[j1:j2]))
                                      if tokens]])
    return tidied(groups)


def tidied(groups):
    """Segments from groups of equal text and changes, with the spaces at the edges of a change shown outside
    it ("feel <ins>only</ins> a", not "feel<ins> only</ins> a"): HTML shows one space either way."""
    for index, (kind, parts) in enumerate(groups):
        if kind != "change":
            continue
        before = groups[index - 1] if index and groups[index - 1][0] == "equal" else None
        after = groups[index + 1] if index + 1 < len(groups) and groups[index + 1][0] == "equal" else None
        if all(text[:1].isspace() and text.strip() for _, text in parts):
            for part in parts:
                part[1] = part[1].lstrip()
            if before and not before[1][-1:].isspace():
                before[1] += " "
        if all(text[-1:].isspace() and text.strip() for _, text in parts):
            for part in parts:
                part[1] = part[1].rstrip()
            if after and not after[1][:1].isspace():
                after[1] = " " + after[1]
    segments = []
    for kind, parts in groups:
        segments += [("equal", parts)] if kind == "equal" else [(op, text) for op, text in parts]
    return [(op, text) for op, text in segments if text]


def words(text):
    return [token for token in TOKEN.findall(text) if not token.isspace()]


def likeness(old, new):
    """How alike two lines are (0 to 1), and how much of the shorter one the other keeps (a word added to a
    short line keeps all of it)."""
    a, b = words(old), words(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    return matcher.ratio(), kept / max(1, min(len(a), len(b)))


def changed_row(old, new):
    segments = word_diff(old.text, new.text)
    if old.text != new.text and likeness(old.text, new.text)[1] < SIMILAR:
        segments = [("del", old.text), ("equal", " "), ("ins", new.text)]
    note = ""
    if old.kind != new.kind:
        note = f"was {KIND_NAMES[old.kind]}, now {KIND_NAMES[new.kind]}"
    elif old.depth != new.depth:
        note = "moved to another level of the list"
    return Row("changed", new.kind, new.marker, new.depth, segments, note)


def added_row(line):
    return Row("added", line.kind, line.marker, line.depth, [("ins", line.text)])


def removed_row(line):
    return Row("removed", line.kind, line.marker, line.depth, [("del", line.text)])


def paired_rows(old, new):
    """Rows for a run of old lines replaced by new ones: the most alike pair is compared word by word, and the
    lines before and after it are paired in the same way (as difflib.Differ does)."""
    if not old or not new or len(old) * len(new) > 400:
        return [*map(removed_row, old), *map(added_row, new)]
    if len(old) == len(new) == 1:
        return [changed_row(old[0], new[0])]  # one line rewritten: one row, however much changed
    best, at = SIMILAR, None
    for i, old_line in enumerate(old):
        for j, new_line in enumerate(new):
            if (ratio := likeness(old_line.text, new_line.text)[0]) > best or (ratio == best and at is None):
                best, at = ratio, (i, j)
    if at is None:
        return [*map(removed_row, old), *map(added_row, new)]
    i, j = at
    return [*paired_rows(old[:i], new[:j]), changed_row(old[i], new[j]), *paired_rows(old[i + 1:], new[j + 1:])]


def line_rows(old, new):
    """The rows that changed between two lists of Lines; unchanged lines are left out, a gap row marks where."""
    rows, gap = [], False
    matcher = SequenceMatcher(None, [line.key for line in old], [line.key for line in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            gap = bool(rows)
            continue
        if gap:
            rows.append(Row("gap"))
            gap = False
        rows += paired_rows(old[i1:i2], new[j1:j2])
    return rows


# Fields and inline items.

@dataclass
class FieldChange:
    """One field's change: rows of text compared word by word, a value before and after, or items of a list
    (categories, clinicians) added and removed. `before`/`after` are None when an inline item did not exist."""

    label: str
    rows: list = field(default_factory=list)
    before: str | None = None
    after: str | None = None
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    note: str = ""

    @property
    def kind(self):
        if self.rows or self.note:
            return "text"
        return "list" if self.added or self.removed else "value"


@dataclass
class ItemChange:
    """An inline item (an FAQ, a gallery pair) added, removed or changed, named as staff know it."""

    name: str
    what: str  # "added", "removed", "answer changed"...
    fields: list

    @property
    def title(self):
        return f"{self.name} — {self.what}"


def compared_fields(model, names):
    """The fields of `model` staff edit, in the order of `names` (the form's), then any others. Fields staff never
    edit (computed or internal: reading time, the review fingerprint, timestamps, image sizes) are left out."""
    fields = {
        model_field.name: model_field for model_field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if model_field.editable and not model_field.primary_key
    }
    return [fields[name] for name in names if name in fields] + [f for name, f in fields.items() if name not in names]


def is_rich_text(model_field):
    return isinstance(model_field, CKEditor5Field) or model_field.name in getattr(
        model_field.model, "rich_text_fields", ())


def is_text(model_field):
    """Text compared word by word: sentences. Short facts ("3–4 months", a consent reference) read better as
    before and after."""
    if isinstance(model_field, models.CharField):
        return not model_field.choices and (model_field.max_length or 0) > SHORT_TEXT
    return isinstance(model_field, models.TextField)


def shown_value(model_field, value):
    """A field's value as staff would read it ("Published", "Dr Eleanor Hart", "27 November 2026, 14:05")."""
    if value is None or str(value).strip() == "":
        return "not set"
    if isinstance(value, str) and not model_field.choices:
        return " ".join(value.split())
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(model_field, models.ForeignKey):
        related = model_field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else f"a deleted {model_field.related_model._meta.verbose_name}"
    if isinstance(model_field, models.FileField):
        return os.path.basename(str(value))
    return str(value)


def field_change(model_field, old, new):
    """How `model_field` changed from `old` to `new` (stored values; MISSING where an inline item did not
    exist), or None if staff would see no change."""
    label = capfirst(model_field.verbose_name)
    if isinstance(model_field, models.ManyToManyField):
        return many_to_many_change(model_field, label, old, new)
    if is_rich_text(model_field) or is_text(model_field):
        read = read_rich_text if is_rich_text(model_field) else plain_text_read
        old_lines, old_layout = read(old) if old is not MISSING else ([], None)
        new_lines, new_layout = read(new) if new is not MISSING else ([], None)
        note = ""
        if old_lines == new_lines and MISSING not in (old, new) and old_layout != new_layout:
            note = ("Only the formatting, links or images changed; the words are the same." if read is read_rich_text
                    else "Only the paragraph breaks changed; the words are the same.")
        rows = line_rows(old_lines, new_lines)
        return FieldChange(label, rows, note=note) if rows or note else None
    before = shown_value(model_field, old) if old is not MISSING else None
    after = shown_value(model_field, new) if new is not MISSING else None
    return FieldChange(label, before=before, after=after) if before != after else None


def plain_text_read(text):
    return plain_lines(text), plain_paragraphs(text)


def many_to_many_change(model_field, label, old, new):
    old_pks = {str(pk) for pk in (old if old not in (MISSING, None) else [])}
    new_pks = {str(pk) for pk in (new if new not in (MISSING, None) else [])}
    if old_pks == new_pks:
        return None
    related = model_field.related_model._default_manager.filter(pk__in=old_pks | new_pks)
    names = {str(obj.pk): str(obj) for obj in related}
    deleted = f"a deleted {model_field.related_model._meta.verbose_name}"
    return FieldChange(
        label,
        removed=sorted(names.get(pk, deleted) for pk in old_pks - new_pks),
        added=sorted(names.get(pk, deleted) for pk in new_pks - old_pks),
    )


def fields_changes(model_fields, old, new):
    """FieldChanges for the fields in `model_fields` that differ between two field_dicts (MISSING: no item)."""
    changes = []
    for model_field in model_fields:
        before = old.get(model_field.attname) if old is not MISSING else MISSING
        after = new.get(model_field.attname) if new is not MISSING else MISSING
        if (change := field_change(model_field, before, after)) is not None:
            changes.append(change)
    return changes


def item_changes(model, fk, model_fields, page_pk, version1, version2):
    """ItemChanges for the inline items of `model` (linked to the page by the foreign key `fk`) between two
    versions of the page, in the order staff see the items."""
    def items(version):
        return {
            item.object_id: item for item in version.revision.version_set.get_for_model(model)
            if str(item.field_dict.get(fk.attname)) == str(page_pk)
        }

    old, new = items(version1), items(version2)
    ordering = [name for name in model._meta.ordering if name.lstrip("-") != "id"]

    def position(pk):
        data = (new.get(pk) or old.get(pk)).field_dict
        return [data.get(model._meta.get_field(name).attname) or 0 for name in ordering], int(pk) if pk.isdigit() else 0

    changes = []
    for pk in sorted(old.keys() | new.keys(), key=position):
        before = old[pk].field_dict if pk in old else MISSING
        after = new[pk].field_dict if pk in new else MISSING
        if not (fields := fields_changes(model_fields, before, after)):
            continue
        name = f"{capfirst(model._meta.verbose_name)} “{(new.get(pk) or old.get(pk)).object_repr}”"
        if before is MISSING:
            what = "added"
        elif after is MISSING:
            what = "removed"
        else:
            what = f"{get_text_list([change.label.lower() for change in fields], 'and')} changed"
        changes.append(ItemChange(name, what, fields))
    return changes


def saved_value(model_field, value):
    """A field's value reduced to what staff see, for telling whether a save changed it: spacing in text and
    HTML, microseconds and the form of a reference (object or key) do not count."""
    if isinstance(model_field, models.ManyToManyField):
        return {str(getattr(item, "pk", item)) for item in value or ()}
    if isinstance(model_field, models.ForeignKey):
        return getattr(value, "pk", value)
    if is_rich_text(model_field):
        return read_rich_text(value)
    if isinstance(value, str):
        return plain_paragraphs(value)
    if isinstance(model_field, models.FileField):
        return str(value or "")
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    return value


def saved_changes(form, names):
    """The fields among `names` (a model form's changed_data) whose saved value differs from what the form
    showed. Fields that are not the model's (overrides, reasons) are kept as the form reports them."""
    changed = []
    for name in names:
        try:
            model_field = form._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            changed.append(name)
            continue
        shown = form.get_initial_for_field(form.fields[name], name) if name in form.fields else None
        if saved_value(model_field, shown) != saved_value(model_field, model_field.value_from_object(form.instance)):
            changed.append(name)
    return changed
