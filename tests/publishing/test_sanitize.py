"""Whatever is pasted into the editor, the public only ever gets safe HTML."""

import pytest

from publishing.sanitize import sanitize_html
from tests.factories import ArticleFactory, TreatmentFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    ('<p>Hi</p><script>alert("x")</script>', "<script", "alert"),
    ('<img src="/media/a.jpg" onerror="alert(1)" alt="a">', "onerror", "alert"),
    ('<a href="javascript:alert(1)">click</a>', "javascript:", None),
    ('<a href=" JaVaScRiPt:alert(1)">click</a>', "javascript", None),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', "data:", None),
    ('<svg onload="alert(1)"><circle r="5"/></svg>', "<svg", "onload"),
    ('<iframe src="https://evil.example/"></iframe>', "<iframe", "evil"),
    ('<p style="position:fixed;top:0">cover</p>', "style=", "position"),
    ('<div onclick="steal()">x</div>', "onclick", "steal"),
    ('<object data="x.swf"></object><embed src="x.swf">', "<object", "<embed"),
    ('<form action="https://evil.example"><input name="card"></form>', "<form", "<input"),
    ("<!-- <script>alert(1)</script> -->", "<!--", "alert"),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "javascript", "<math"),
]


@pytest.mark.parametrize(("html", "forbidden", "also_forbidden"), HOSTILE)
def test_hostile_html_is_removed_when_saved(html, forbidden, also_forbidden):
    article = ArticleFactory(body=f"<p>Safe text.</p>{html}")
    article.refresh_from_db()
    stored = article.body.lower()
    assert forbidden.lower() not in stored
    if also_forbidden:
        assert also_forbidden.lower() not in stored
    assert "<p>Safe text.</p>" in article.body


def test_every_treatment_section_is_sanitised():
    treatment = TreatmentFactory(
        how_it_works="<p>How</p><script>x()</script>",
        risks='<p onmouseover="x()">Risks</p>',
        aftercare='<a href="javascript:x()">After</a>',
    )
    treatment.refresh_from_db()
    assert "<script" not in treatment.how_it_works
    assert "onmouseover" not in treatment.risks
    assert "javascript" not in treatment.aftercare


def test_editor_formatting_survives():
    body = (
        "<h2>Heading</h2><h3>Sub</h3><p><strong>Bold</strong> <em>it</em></p><ul><li>one</li></ul>"
        "<ol><li>two</li></ol><blockquote><p>quote</p></blockquote>"
        '<figure class="table"><table><tbody><tr><td>cell</td></tr></tbody></table></figure>'
        '<figure class="image"><img src="/media/editor/a.png" alt="A clinic room">'
        "<figcaption>Room</figcaption></figure>"
    )
    article = ArticleFactory(body=body)
    article.refresh_from_db()
    assert article.body == body


def test_links_to_other_sites_get_noopener_noreferrer():
    article = ArticleFactory(body='<p><a href="https://www.nhs.uk/" target="_blank">NHS</a></p>')
    article.refresh_from_db()
    assert 'rel="noopener noreferrer"' in article.body
    assert "target" not in article.body


def test_sanitised_body_is_what_the_public_sees(client):
    article = ArticleFactory(body='<p>Read this</p><img src="x" onerror="alert(1)">')
    response = client.get(article.get_absolute_url())
    assert b"onerror" not in response.content
    assert b"Read this" in response.content


@pytest.mark.parametrize(("dirty", "clean"), [
    ('<p dir="rtl" id="x" class="y" style="color:red">Bonjour</p>', "<p>Bonjour</p>"),
    ('<a href="ftp://files.example/x">x</a>', '<a rel="noopener noreferrer">x</a>'),  # only http(s), mailto, tel
    ('<a href="https://nhs.uk/">NHS</a>', '<a href="https://nhs.uk/" rel="noopener noreferrer">NHS</a>'),
    ("<p>Seen.<!-- a note for staff --></p>", "<p>Seen.</p>"),
    ("<p>Kept.</p><iframe>framed words</iframe><svg><text>drawn words</text></svg>", "<p>Kept.</p>"),
])
def test_the_allowlist_is_ours(dirty, clean):
    assert sanitize_html(dirty) == clean


@pytest.mark.parametrize("srcset", [
    "/media/a-480.jpg 480w, /media/a-960.jpg 960w",
    "https://cdn.example/a.jpg 1x, https://cdn.example/a@2x.jpg 2x",
])
def test_safe_srcsets_are_kept(srcset):
    assert f'srcset="{srcset}"' in sanitize_html(f'<img src="/media/a.jpg" alt="Room" srcset="{srcset}">')


def test_a_hostile_srcset_candidate_without_spaces_is_caught():
    assert "srcset" not in sanitize_html('<img src="/a.jpg" alt="x" srcset="/a.jpg 1x,javascript:alert(1) 2x">')
