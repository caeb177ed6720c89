"""The search and sharing panel on the change form shows the values the public page uses, with counts and advice."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from publishing.admin.seo_panel import advice
from publishing.models import Status
from tests.factories import ArticleFactory, TreatmentFactory
from tests.imagefiles import image_bytes
from tests.publishing.test_roles import member_of
from tests.publishing.test_working_drafts import change_url

pytestmark = pytest.mark.django_db
CLINIC = "Harbour Aesthetics Clinic"


def panel(client, page):
    html = client.get(change_url(page)).content.decode()
    return html[html.index("data-seo-panel"):html.index("</section>", html.index("seo-card-heading"))]


def shown(html, key):
    return re.search(rf'data-seo="{key}"[^>]*>([^<]*)<', html).group(1)


def advice_shown(html):
    return set(re.findall(r'<li data-advice="([\w-]+)">', html))


def test_without_seo_fields_the_panel_shows_the_title_summary_and_the_clinics_card(editor_client):
    article = ArticleFactory(status=Status.DRAFT, title="Peels", slug="peels", summary="What a chemical peel does.")
    html = panel(editor_client, article)
    assert shown(html, "search-title") == f"Peels | {CLINIC}"
    assert shown(html, "share-title") == "Peels"
    assert shown(html, "description") == "What a chemical peel does."
    assert shown(html, "path") == "blog › peels"
    assert 'src="/static/img/share-default.png"' in html
    assert advice_shown(html) == {"title-ok", "description-short", "description-from-summary", "image-default"}


def test_seo_fields_and_a_share_image_take_over_as_on_the_public_page(editor_client, committed):
    with committed():
        treatment = TreatmentFactory(
            status=Status.DRAFT, slug="botox", title="Botox", seo_title="Botox anti-wrinkle injections in Harbourside",
            meta_description="Anti-wrinkle injections " + "x" * 132, noindex=True,
            hero_image=SimpleUploadedFile("h.jpg", image_bytes("JPEG", (900, 500))), hero_image_alt="A clinic room",
            share_image=SimpleUploadedFile("s.jpg", image_bytes("JPEG", (1200, 630))),
            share_image_alt="A patient smiling after treatment",
        )
    html = panel(editor_client, treatment)
    assert shown(html, "search-title") == f"Botox anti-wrinkle injections in Harbourside | {CLINIC}"
    assert shown(html, "path") == "treatments › botox"
    assert f'src="{treatment.share_image.share_crop_url}"' in html
    assert advice_shown(html) == {"title-suffix-cut", "description-long", "image-share", "noindex"}
    assert "seo-panel--hidden" in html
    counts = dict(re.findall(r'data-seo-count="(\w+)">(\d+)<', html))
    title = f"Botox anti-wrinkle injections in Harbourside | {CLINIC}"
    assert counts == {"title": str(len(title)), "description": "156"}


def test_a_hero_image_is_the_share_card_until_a_share_image_is_chosen(editor_client, committed):
    with committed():
        article = ArticleFactory(status=Status.DRAFT, hero_image=SimpleUploadedFile("h.jpg", image_bytes("JPEG")),
                                 hero_image_alt="A clinic room")
    html = panel(editor_client, article)
    assert f'src="{article.hero_image.share_crop_url}"' in html and advice_shown(html) >= {"image-hero"}


@pytest.mark.parametrize("title, seo_title, expected", [
    ("", "", "title-missing"),
    ("Short", "", "title-ok"),
    ("A title of forty characters, give or take", "", "title-suffix-cut"),
    ("x" * 61, "", "title-long"),
    ("x" * 61, "A short SEO title", "title-ok"),
])
def test_title_advice_follows_what_search_results_show(title, seo_title, expected):
    page = ArticleFactory.build(title=title, seo_title=seo_title)
    assert expected in advice(page, CLINIC)


def test_the_panel_is_on_the_add_form_and_for_authors_too(editor_client):
    html = editor_client.get(reverse("admin:articles_article_add")).content.decode()
    assert "data-seo-panel" in html and "title-missing" in html
    author, _ = member_of("Author")
    assert "data-seo-panel" in author.get(change_url(ArticleFactory(status=Status.DRAFT))).content.decode()
