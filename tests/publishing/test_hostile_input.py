"""Hostile input: a corpus of rich-text attacks, fuzzed public forms, and absurd addresses."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from enquiries.models import Enquiry
from publishing.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, PAGE_REFERENCE, URL_SCHEMES, sanitize_html
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script>/*</script><script>*/alert(1)</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)>",
    "<img src=x OnErRoR=alert(1)>",
    '<img src="x" onerror="alert(1)"//>',
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<body onload=alert(1)>",
    "<p onmouseover='alert(1)'>hover</p>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
    "<a href=\"  javascript:alert(1)\">x</a>",
    "<a href=\"java&#x09;script:alert(1)\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
    "<img srcset=\"javascript:alert(1) 1x\">",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<object data=\"evil.swf\"></object>",
    "<embed src=\"evil.swf\">",
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math href=\"javascript:alert(1)\">x</math>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<div style=\"width:expression(alert(1))\">x</div>",
    "<link rel=stylesheet href=\"https://evil.example/x.css\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"https://evil.example/\">",
    "<form action=\"https://evil.example\"><input name=card></form>",
    "<button formaction=\"javascript:alert(1)\">x</button>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<template><script>alert(1)</script></template>",
    "<table><td background=\"javascript:alert(1)\">x</td></table>",
    "<a href=\"https://ok.example\" target=\"_blank\" rel=\"opener\">x</a>",
    "<p>unclosed <b>bold <i>italic <a href='javascript:alert(1)'>link",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<img src=`x`onerror=alert(1)>",
    "<div id=\"x\" class=\"evil\" data-x=\"1\" aria-hidden=\"true\">x</div>",
    # Videos: only YouTube and Vimeo, only as CKEditor's <figure class="media"><oembed url="…">, never a frame.
    '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" allow="camera; microphone; autoplay" '
    'allowfullscreen></iframe>',
    '<iframe src="https://player.vimeo.com/video/76979871" srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></iframe>',
    '<figure class="media"><oembed url="javascript:alert(1)"></oembed></figure>',
    '<figure class="media"><oembed url="data:text/html,<script>alert(1)</script>"></oembed></figure>',
    '<figure class="media"><oembed url="https://evil.example/watch?v=dQw4w9WgXcQ"></oembed></figure>',
    '<figure class="media"><oembed url="https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ"></oembed></figure>',
    '<figure class="media"><oembed url="https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ"></oembed></figure>',
    '<figure class="media"><oembed url="https://www.youtube.com/watch?v=dQw4w9WgXcQ&quot; onload=&quot;alert(1)">'
    '</oembed></figure>',
    '<figure class="media" onclick="alert(1)" style="x"><oembed url="https://vimeo.com/76979871" '
    'srcdoc="<script>alert(1)</script>" allow="camera" onload="alert(1)"></oembed></figure>',
    '<oembed url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>alert(1)</script><img src=x onerror=alert(1)>'
    '</oembed>',
    '<div data-oembed-url="https://evil.example"><iframe src="https://evil.example"></iframe></div>',
    '<video src="https://evil.example/v.mp4" autoplay onplay="alert(1)"></video>',
    # Links to the site's pages carry a reference, never anything else in it.
    '<a href="javascript:alert(1)" data-page="treatments.treatment:1">x</a>',
    '<a href="/blog/x/" data-page="javascript:alert(1)">x</a>',
    '<a href="/blog/x/" data-page="treatments.treatment:1&quot; onclick=&quot;alert(1)">x</a>',
]
URL_ATTRIBUTES = {"href", "src", "srcset"}
VIDEO_ADDRESS = re.compile(r"https://(?:www\.youtube\.com/watch\?v=[\w-]{11}(?:&t=\d+)?|vimeo\.com/\d+(?:/[0-9a-f]+)?)")
# A video as patients get it (publishing.rich_text): a link to the video and the player's address, nothing else.
PUBLIC_VIDEO = re.compile(
    r'<figure class="video"><a class="video__play" href="(?P<href>[^"]+)" data-player="(?P<player>[^"]+)">'
    r'<span class="video__icon" aria-hidden="true"></span>Play the video \((?:YouTube|Vimeo)\)</a>'
    r"<figcaption>[^<]*</figcaption></figure>"
)
PLAYER_ADDRESS = re.compile(
    r"https://(?:www\.youtube-nocookie\.com/embed/[\w-]{11}\?autoplay=1(?:&amp;start=\d+)?"
    r"|player\.vimeo\.com/video/\d+\?dnt=1&amp;autoplay=1(?:&amp;h=[0-9a-f]+)?)"
)


class Inspector(HTMLParser):
    """Everything in a piece of HTML that could run code: what the allowlist must never let through."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()) | {"class", "rel"}:
                self.problems.append(f"attribute {name} on <{tag}>")
            elif tag == "oembed" and not VIDEO_ADDRESS.fullmatch(value or ""):
                self.problems.append(f"video address {value}")
            elif name == "data-page" and not PAGE_REFERENCE.fullmatch(value or ""):
                self.problems.append(f"page reference {value}")
            elif name in URL_ATTRIBUTES and value:
                for url in (value.split(",") if name == "srcset" else [value]):
                    scheme = urlsplit(url.strip().split(" ")[0]).scheme.lower()
                    if scheme and scheme not in URL_SCHEMES:
                        self.problems.append(f"{scheme}: URL in {name}")


def dangerous_parts(html):
    inspector = Inspector()
    inspector.feed(html)
    return inspector.problems


def test_the_corpus_is_big_enough():
    assert len(HOSTILE) >= 60


def test_the_inspector_itself_catches_attacks():
    assert dangerous_parts(HOSTILE[0]) and dangerous_parts(HOSTILE[4]) and dangerous_parts(HOSTILE[10])


@pytest.mark.parametrize("snippet", HOSTILE)
def test_sanitiser_leaves_nothing_that_runs(snippet):
    assert dangerous_parts(sanitize_html(snippet)) == []


@pytest.mark.django_db
@pytest.mark.parametrize("snippet", HOSTILE)
def test_nothing_survives_an_admin_save_and_a_public_render(editor_client, editor, client, snippet):
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_form(status="published", body=f"<p>Intro.</p>{snippet}", slug="hostile"),
    )
    if response.status_code == 200:  # refused outright (an image with no text alternative): nothing stored
        assert "has no text alternative" in response.content.decode()
        assert client.get("/blog/hostile/").status_code == 404
        # Another path (an import, the shell) skips the form: what it stores must render safely too.
        ArticleFactory(slug="hostile", body=f"<p>Intro.</p>{snippet}")
    else:
        assert response.status_code == 302
    page = client.get("/blog/hostile/").content.decode()
    body = page.split('<div class="prose">', 1)[1].split("</div>", 1)[0]
    for video in PUBLIC_VIDEO.finditer(body):
        assert VIDEO_ADDRESS.fullmatch(video["href"].replace("&amp;", "&"))
        assert PLAYER_ADDRESS.fullmatch(video["player"])
    assert dangerous_parts(PUBLIC_VIDEO.sub("", body)) == []
    assert "<iframe" not in page
    # The only scripts: structured data, and the site's own video script on a page with a video.
    assert re.findall(r'<script(?![^>]*application/ld\+json)(?! src="/static/js/video\.js" defer>)', page) == []
    assert not re.search(r"\son\w+\s*=", page)


FUZZ = hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
any_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=300)


@pytest.mark.django_db
@FUZZ
@given(name=any_text, email=any_text, phone=any_text, message=any_text, method=any_text)
def test_enquiry_form_never_fails_on_any_input(client, name, email, phone, message, method):
    cache.clear()
    data = {"name": name, "email": email, "phone": phone, "message": message, "contact_method": method,
            "confirmed_adult": "on", "consent": "on"}
    response = client.post(reverse("enquiries:consultation"), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
        assert "Please check" in main  # the error summary says what to fix
        assert re.findall(r"<script", main) == []  # whatever was typed comes back as text


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<svg onload=x>"])
def test_a_hostile_name_on_a_refused_enquiry_comes_back_as_text(client, name):
    response = client.post(reverse("enquiries:consultation"), {"name": name, "email": "not an email"})
    main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    assert response.status_code == 200 and "Please check" in main
    assert name not in main and escape(name) in main


@pytest.mark.django_db
def test_stored_enquiry_payload_renders_as_text_for_staff(client, editor_client):
    payload = '<img src=x onerror=alert(1)><script>alert(2)</script>'
    client.post(reverse("enquiries:consultation"), {
        "name": payload, "email": "x@example.com", "contact_method": "email", "message": payload,
        "confirmed_adult": "on", "consent": "on",
    })
    enquiry = Enquiry.objects.get()
    html = editor_client.get(reverse("admin:enquiries_enquiry_change", args=[enquiry.pk])).content.decode()
    assert payload not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.fixture
def article(db):
    return ArticleFactory(title="Botox")


@FUZZ
@given(query=st.text(max_size=400))
def test_search_box_never_fails_on_any_input(client, article, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert html.count("<script") == html.count('<script type="application/ld+json">') <= 1  # only our structured data


@pytest.mark.django_db
@pytest.mark.parametrize("url", [
    "/blog/" + "a" * 300 + "/",
    "/treatments/" + "b" * 1000 + "/",
    "/blog/category/" + "c" * 500 + "/",
    "/blog/?page=999999999999999999999999",
    "/blog/?page=-1",
    "/blog/?page=1e9",
    "/blog/?category=" + "x" * 5000,
    "/blog/%00/",
    "/blog/?category=%00",
    "/blog/?category=a%00b",
    "/preview/" + "t" * 2000 + "/",
])
def test_absurd_addresses_get_a_clean_404(client, url):
    """(NUL bytes matter on PostgreSQL, which refuses them in queries.)"""
    response = client.get(url)
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()
