"""Whatever is pasted into the editor, the public only ever gets safe HTML."""

import pytest

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
