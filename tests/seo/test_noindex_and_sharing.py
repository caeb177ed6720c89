"""Staff can hide a page from search engines, and choose the picture shown when it is shared; a share image is public
exactly when its page is live, as a hero image is."""

import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage

from publishing.models import Status
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, ImageFactory, TreatmentFactory
from tests.imagefiles import image_bytes
from tests.publishing.test_working_drafts import change_url
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db


def picture(name="card.jpg", size=(1200, 630)):
    return SimpleUploadedFile(name, image_bytes("JPEG", size))


def og_image(html):
    return re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)


@pytest.mark.parametrize("factory, prefix", [(ArticleFactory, "/blog/"), (TreatmentFactory, "/treatments/")])
def test_a_hidden_page_asks_search_engines_not_to_list_it_and_leaves_the_sitemap(client, factory, prefix):
    factory(slug="listed")
    factory(slug="offer-by-email", noindex=True)
    hidden = client.get(f"{prefix}offer-by-email/")
    assert hidden.status_code == 200  # patients with the link still read it
    assert hidden["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in hidden.content.decode()
    listed = client.get(f"{prefix}listed/")
    assert "X-Robots-Tag" not in listed and 'name="robots"' not in listed.content.decode()
    text = sitemap_text(client)
    assert f"http://testserver{prefix}listed/" in text and "offer-by-email" not in text


def test_a_hidden_page_is_still_found_by_the_sites_own_search(client):
    ArticleFactory(slug="offer", title="Spring offer on peels", noindex=True)
    assert "Spring offer on peels" in client.get("/search/?q=peels").content.decode()


def test_the_sitemap_index_counts_only_listed_pages(client):
    ArticleFactory(noindex=True)
    text = client.get("/sitemap.xml").content.decode()
    assert "sitemap-articles.xml" in text
    assert "<url>" not in client.get("/sitemap-articles.xml").content.decode()


def test_staff_tick_hide_from_search_engines_in_the_form(editor_client, client):
    response = editor_client.post(reverse("admin:articles_article_add"), article_form(
        status=Status.PUBLISHED, noindex="on", slug="quiet-page"))
    assert response.status_code == 302
    assert client.get("/blog/quiet-page/")["X-Robots-Tag"] == "noindex"


def test_the_share_card_falls_back_from_share_image_to_hero_image_to_the_clinics_card(client, committed):
    ArticleFactory(slug="plain")
    with committed():
        with_hero = ArticleFactory(slug="with-hero", hero_image=picture("hero.jpg", (1000, 600)),
                                   hero_image_alt="A treatment room")
        with_both = ArticleFactory(slug="with-both", hero_image=picture("hero.jpg", (1000, 600)),
                                   hero_image_alt="A treatment room", share_image=picture(),
                                   share_image_alt="Smiling patient after a peel")
    assert og_image(client.get("/blog/plain/").content.decode()).endswith("/static/img/share-default.png")
    hero = client.get("/blog/with-hero/").content.decode()
    assert og_image(hero).endswith(with_hero.hero_image.share_crop_url) and 'content="A treatment room"' in hero
    both = client.get("/blog/with-both/").content.decode()
    assert og_image(both).endswith(with_both.share_image.share_crop_url)
    assert '<meta property="og:image:width" content="1200">' in both
    assert '<meta property="og:image:alt" content="Smiling patient after a peel">' in both


def test_a_live_pages_share_image_is_public_and_a_drafts_is_not(client, committed, serve_media):
    with committed():
        live = ArticleFactory(slug="live", share_image=picture(), share_image_alt="Smiling patient after a peel")
        draft = ArticleFactory(slug="draft", status=Status.DRAFT, share_image=picture(),
                               share_image_alt="Smiling patient after a peel")
    patient = Client()
    assert patient.get(live.share_image.file.url).status_code == 200
    assert patient.get(draft.share_image.file.url).status_code == 404
    assert og_image(client.get("/blog/live/").content.decode()) == f"http://testserver{live.share_image.share_crop_url}"
    assert patient.get(live.share_image.share_crop_url).status_code == 200
    with committed():
        draft.status = Status.PUBLISHED
        draft.save()
    assert patient.get(draft.share_image.file.url).status_code == 200  # public once the page goes live


def test_a_share_image_needs_a_description_and_is_cropped_to_the_share_size(editor_client, editor):
    article = ArticleFactory(status=Status.DRAFT)
    undescribed = ImageFactory(file=picture("IMG_2231.jpg", (1600, 1200)), alt_text="")
    form = article_form(author=article.author_id, slug=article.slug, edit_version=article.updated_at.isoformat())
    response = editor_client.post(change_url(article), {**form, "share_image": undescribed.pk})
    assert response.status_code == 200
    assert "Describe the share image" in response.content.decode()
    response = editor_client.post(change_url(article), {
        **form, "share_image": undescribed.pk, "share_image_alt": "A patient smiling after a peel"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.share_image == undescribed and "IMG_2231" not in article.share_image.file.name
    with default_storage.open(article.share_image.share_crop_name(), "rb") as file, PILImage.open(file) as crop:
        assert crop.size == (1200, 630)
