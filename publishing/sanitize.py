"""The one place that decides which HTML from the rich-text editor the public may see."""

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

from .videos import canonical_video_url

# What CKEditor 5's semantic toolbar produces, and nothing else. No h1: the page title is the h1. A video is
# CKEditor's <figure class="media"><oembed url="…"></oembed></figure>, its address a YouTube or Vimeo one.
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "a", "ul", "ol", "li", "blockquote",
    "figure", "figcaption", "img", "picture", "source",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "oembed",
}
ALLOWED_ATTRIBUTES = {
    # data-page: the page a link chosen with "Link to a page" points at, whatever its address becomes.
    "a": {"href", "title", "data-page"},
    "oembed": {"url"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "source": {"srcset", "sizes", "type", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed"},
}
# CKEditor wraps images and tables in <figure class="image|table">; other classes are dropped.
ALLOWED_CLASSES = {"figure": {"image", "table", "media", "image-style-side", "image_resized"}}
# Removed together with everything inside them, not just unwrapped.
DROP_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "svg", "math", "noscript"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
PAGE_REFERENCE = re.compile(r"[a-z_]+\.[a-z_]+:\d{1,10}")  # "treatments.treatment:7"
VIDEO = re.compile(r'<figure class="media"><oembed url="[^"<>]+"></oembed></figure>')
STRAY_OEMBED = re.compile(r"</?oembed\b[^>]*>")
EMPTY_VIDEO = re.compile(r'<figure class="media">\s*</figure>')


def safe_attribute(tag, attribute, value):
    """What nh3 does not check itself: every address in a srcset, a video's address (YouTube or Vimeo, stored in
    one form), a link's page reference."""
    if attribute == "srcset":
        for candidate in value.split(","):
            scheme = urlsplit(candidate.strip().split(" ")[0]).scheme.lower()
            if scheme and scheme not in URL_SCHEMES:
                return None
    elif tag == "oembed" and attribute == "url":
        return canonical_video_url(value)
    elif attribute == "data-page":
        return value if PAGE_REFERENCE.fullmatch(value) else None
    return value


def only_known_videos(clean_html):
    """Videos only in the one known structure: any other <oembed> (no address left, loose in text, with
    something inside) goes, and so does a video figure left empty."""
    kept = []

    def keep(match):
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    clean_html = STRAY_OEMBED.sub("", VIDEO.sub(keep, clean_html))
    clean_html = EMPTY_VIDEO.sub("", clean_html)
    return re.sub(r"\x00(\d+)\x00", lambda match: kept[int(match.group(1))], clean_html)


def sanitize_html(html):
    """Return `html` reduced to the allowlist: no scripts, handlers, styles, frames or unsafe URLs."""
    if not html:
        return ""
    clean = nh3.clean(
        html.replace("\x00", ""),
        tags=ALLOWED_TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=safe_attribute,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return only_known_videos(clean).strip()


def has_text(rich_text):
    """Whether `rich_text` says anything once sanitised: "<p>&nbsp;</p>" and empty tags do not."""
    return bool(html.unescape(nh3.clean(sanitize_html(rich_text), tags=set())).split())


# What staff are told was removed when they save (publishing.admin.sanitised). Only what they could notice: a
# wrapper <span> or an id going is not worth a word, and neither is the aspect-ratio style CKEditor puts on images.
DROPPED_ELEMENTS = {
    "script": "a script", "style": "a style sheet", "template": "hidden code", "noscript": "hidden code",
    "object": "embedded content (object)", "embed": "embedded content (embed)", "svg": "a drawing (SVG)",
    "math": "a formula",
}
UNWRAPPED_ELEMENTS = {
    "u": "underlining", "ins": "underlining", "s": "strike-through", "strike": "strike-through",
    "del": "strike-through", "mark": "highlighting", "sub": "subscript and superscript",
    "sup": "subscript and superscript", "code": "code formatting", "pre": "code formatting", "kbd": "code formatting",
    "font": "fonts and text colours", "big": "text sizes", "small": "text sizes", "center": "alignment (centring)",
    "h1": "Heading 1 (the page title is the page's only one: use Heading 2), its words are kept",
    "h5": "headings smaller than Heading 4, their words are kept",
    "h6": "headings smaller than Heading 4, their words are kept", "hr": "horizontal lines", "video": "video players",
    "audio": "audio players", "form": "forms", "input": "form fields", "button": "buttons", "select": "form fields",
    "textarea": "form fields", "dl": "definition lists", "details": "expanding sections",
}
STYLES = {
    "color": "text colours", "background": "highlighting", "background-color": "highlighting",
    "text-align": "alignment (centring)", "font": "fonts and text sizes", "font-family": "fonts and text sizes",
    "font-size": "fonts and text sizes", "margin-left": "indentation", "padding-left": "indentation",
    "text-indent": "indentation", "border": "borders", "list-style-type": "list numbering styles",
}
CLASS_HINTS = {"marker-": "highlighting", "pen-": "highlighting", "text-": "fonts and text sizes",
               "image-style-": "image placement", "todo-list": "to-do lists"}
SILENT_STYLES = {"aspect-ratio", "width", "height"}


class RemovalReport(HTMLParser):
    """Reads HTML as the sanitiser will clean it and notes, in words staff know, what it will remove."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.removed = {}  # description -> None, in the order found
        self.dropping = []  # elements removed with everything inside them
        self.link = None  # [address, words] of a link whose address is removed

    def note(self, description):
        self.removed.setdefault(description, None)

    def handle_starttag(self, tag, attrs):
        if self.dropping:
            self.dropping.append(tag) if tag == self.dropping[0] else None
            return
        if tag in DROP_WITH_CONTENT:
            if tag == "iframe":
                self.note(iframe_description(dict(attrs).get("src") or ""))
            else:
                self.note(DROPPED_ELEMENTS.get(tag, f"<{tag}> elements"))
            self.dropping.append(tag)
            return
        if tag not in ALLOWED_TAGS and tag in UNWRAPPED_ELEMENTS:
            self.note(UNWRAPPED_ELEMENTS[tag])
        for name, value in attrs:
            self.attribute(tag, name, value or "")

    handle_startendtag = handle_starttag

    def attribute(self, tag, name, value):
        if name.startswith("on"):
            self.note("scripts attached to the text")
        elif name == "style":
            for declaration in value.split(";"):
                prop = declaration.split(":")[0].strip().lower()
                if prop and prop not in SILENT_STYLES:
                    self.note(STYLES.get(prop, "other styling"))
        elif name in ("align", "valign"):
            self.note("alignment (centring)")
        elif name in ("bgcolor", "color"):
            self.note("text colours" if name == "color" else "highlighting")
        elif name == "class" and tag not in ALLOWED_CLASSES:
            for hint, description in CLASS_HINTS.items():
                if any(word.startswith(hint) for word in value.split()):
                    self.note(description)
        elif tag == "a" and name == "href" and not safe_address(value):
            self.link = [value, []]
        elif tag in ("img", "source") and name in ("src", "srcset") and safe_attribute(tag, name, value) is None \
                or tag == "img" and name == "src" and not safe_address(value):
            self.note("pictures that were not uploaded (pasted from another document): add them with "
                      "“Upload image”")
        elif tag == "oembed" and name == "url" and canonical_video_url(value) is None:
            self.note(f"a video from {urlsplit(value).hostname or value[:40]} (only YouTube and Vimeo videos can be "
                      "shown)")

    def handle_endtag(self, tag):
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag == "a" and self.link:
            address, words = self.link
            text = " ".join("".join(words).split())
            self.note(f"the address of the link “{text[:60]}” ({address.strip()[:60]}; links can go to web pages, "
                      "email addresses, phone numbers and this site's pages), its words are kept")
            self.link = None

    def handle_data(self, data):
        if self.link and not self.dropping:
            self.link[1].append(data)


def safe_address(address):
    """Whether nh3 keeps `address` in an href or src: no scheme (a page of this site) or an allowed one."""
    address = re.sub(r"[\x00-\x20]", "", address)
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", address)
    return scheme is None or scheme.group(1).lower() in URL_SCHEMES


def iframe_description(src):
    if canonical_video_url(src):
        return "a video pasted as embed code: paste the video's address (from its Share button) instead"
    return f"an embedded frame{' from ' + urlsplit(src).hostname if urlsplit(src).hostname else ''}"


def removed_when_sanitised(rich_text):
    """What sanitize_html() removes from `rich_text` that staff could notice, in their words, in order."""
    if not rich_text:
        return []
    report = RemovalReport()
    report.feed(rich_text)
    report.close()
    return list(report.removed)
