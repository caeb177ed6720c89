"""Stored rich text as patients see it: links chosen with "Link to a page" point at the page's address of today,
and videos wait for a press of "Play" before anything is loaded from YouTube or Vimeo.

Why links keep a reference (`<a href="/treatments/botox/" data-page="treatments.treatment:7">`) rather than only
the address: a slug can change before a page is first published (no redirect is made then, as nothing public
pointed at it), and a redirect costs patients a round trip; the reference is resolved as the page is shown, so
the link always goes straight to where the page is now. The stored address stays a working fallback (the slug
redirects cover it once the page is live), and a link to a page patients cannot see (a draft, an expired or deleted
page) shows its words without the link, rather than a link to "not found"."""

import html
import re
from collections import defaultdict

from django.db.models import CharField, Value
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import page_types
from .sanitize import PAGE_REFERENCE, VIDEO
from .videos import video_at

# Stored text is nh3's output: attributes in double quotes, with < and > in values escaped.
LINK = re.compile(r'<a((?:\s+[a-z-]+="[^"]*")*)\s*>(.*?)</a>', re.DOTALL)
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
REFERENCE = re.compile(r'data-page="(' + PAGE_REFERENCE.pattern + ')"')
VIDEO_URL = re.compile(r'<oembed url="([^"]+)">')


def page_references(page):
    """The pages `page`'s rich text links to, by reference ("treatments.treatment:7")."""
    return {ref for field in page.rich_text_fields for ref in REFERENCE.findall(getattr(page, field) or "")}


def link_targets(references, user=None, all_pages=False):
    """{reference: address} of the pages `references` name that `user` may see: published ones, and any page of a
    type the user may view (staff previewing), or every one. One query, however many pages and page types."""
    wanted = defaultdict(set)
    for reference in references:
        label, pk = reference.split(":")
        wanted[label].add(int(pk))
    types = {model._meta.label_lower: model for model in page_types() if model._meta.label_lower in wanted}
    queries = []
    for label, model in types.items():
        pages = model.objects.filter(pk__in=wanted[label])
        if not (all_pages or user and user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")):
            pages = pages.published()
        queries.append(pages.order_by().annotate(label=Value(label, CharField())).values_list("label", "pk", "slug"))
    if not queries:
        return {}
    found = queries[0].union(*queries[1:], all=True).order_by() if len(queries) > 1 else queries[0]
    return {f"{label}:{pk}": types[label].path_for_slug(slug) for label, pk, slug in found}


def page_videos(page):
    """The videos in `page`'s rich text, in order."""
    found = []
    for field in page.rich_text_fields:
        for address in VIDEO_URL.findall(getattr(page, field) or ""):
            if video := video_at(html.unescape(address)):
                found.append(video)
    return found


def with_current_addresses(rich_text):
    """`rich_text` with each chosen link's stored address made the page's address of today (when saved): the
    editor shows it, and it is the fallback wherever the text is used without being resolved."""
    if not (references := set(REFERENCE.findall(rich_text or ""))):
        return rich_text
    targets = link_targets(references, all_pages=True)

    def update(match):
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        if attributes.get("data-page") not in targets:
            return match.group(0)  # a deleted page: patients see the words only (with_current_links)
        return link_to(targets[attributes["data-page"]], attributes, match.group(2))

    return LINK.sub(update, rich_text)


def link_to(address, attributes, words):
    """An <a> with `attributes` (as stored: escaped already) going to `address`."""
    attributes = {**attributes, "href": escape(address)}
    return "<a " + " ".join(f'{key}="{value}"' for key, value in attributes.items()) + f">{words}</a>"


def with_current_links(rich_text, targets):
    def link(match):
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        reference = attributes.pop("data-page", None)
        if reference is None:
            return match.group(0)
        if reference not in targets:
            return match.group(2)  # the words, without a link patients could not follow
        return link_to(targets[reference], attributes, match.group(2))

    return LINK.sub(link, rich_text)


def click_to_load(match):
    """A video as a link to it: a small script (static/js/video.js) turns it into the player when pressed; without
    the script the link opens the video on its own site. Either way nothing is fetched from there before."""
    video = video_at(html.unescape(VIDEO_URL.search(match.group(0)).group(1)))
    if video is None:
        return ""
    return (
        f'<figure class="video"><a class="video__play" href="{escape(video.url)}" '
        f'data-player="{escape(video.player_url)}"><span class="video__icon" aria-hidden="true"></span>'
        f'Play the video ({video.provider})</a><figcaption>This video is on {video.provider}: nothing is loaded '
        f"from {video.provider} until you press play, and {video.provider} may then set cookies.</figcaption></figure>"
    )


def render(rich_text, targets):
    """Sanitised `rich_text` ready for a public page (marked safe: it was sanitised when saved)."""
    return mark_safe(VIDEO.sub(click_to_load, with_current_links(rich_text or "", targets)))
