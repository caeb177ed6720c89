"""The one place that decides which HTML from the rich-text editor the public may see."""

import html
from urllib.parse import urlsplit

import nh3

# What CKEditor 5's semantic toolbar produces, and nothing else. No h1: the page title is the h1.
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "a", "ul", "ol", "li", "blockquote",
    "figure", "figcaption", "img", "picture", "source",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "source": {"srcset", "sizes", "type", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed"},
}
# CKEditor wraps images and tables in <figure class="image|table">; other classes are dropped.
ALLOWED_CLASSES = {"figure": {"image", "table", "image-style-side", "image_resized"}}
# Removed together with everything inside them, not just unwrapped.
DROP_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "svg", "math", "noscript"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def safe_srcset(tag, attribute, value):
    """nh3 checks href and src but not srcset: keep a srcset only if every address in it is safe."""
    if attribute != "srcset":
        return value
    for candidate in value.split(","):
        scheme = urlsplit(candidate.strip().split(" ")[0]).scheme.lower()
        if scheme and scheme not in URL_SCHEMES:
            return None
    return value


def sanitize_html(html):
    """Return `html` reduced to the allowlist: no scripts, handlers, styles, frames or unsafe URLs."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=safe_srcset,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def has_text(rich_text):
    """Whether `rich_text` says anything once sanitised: "<p>&nbsp;</p>" and empty tags do not."""
    return bool(html.unescape(nh3.clean(sanitize_html(rich_text), tags=set())).split())
