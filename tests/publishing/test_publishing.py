"""The publishing rules shared by articles and treatment pages."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from publishing.models import Status
from tests.factories import ArticleFactory, TreatmentFactory
from tests.imagefiles import png_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("factory", [ArticleFactory, TreatmentFactory])
def test_published_pages_go_live_exactly_at_publish_time(factory):
    go_live = timezone.now() + timedelta(days=2)
    page = factory(publish_at=go_live)
    model = type(page)
    with time_machine.travel(go_live - timedelta(seconds=1)):
        assert not model.objects.published().filter(pk=page.pk).exists()
        assert model.objects.scheduled().filter(pk=page.pk).exists()
        assert not page.is_published() and page.is_scheduled()
    with time_machine.travel(go_live + timedelta(seconds=1)):
        assert model.objects.published().filter(pk=page.pk).exists()
        assert page.is_published() and not page.is_scheduled()


@pytest.mark.parametrize("factory", [ArticleFactory, TreatmentFactory])
def test_drafts_are_never_published_whatever_the_date(factory):
    page = factory(status=Status.DRAFT, publish_at=timezone.now() - timedelta(days=30))
    assert not type(page).objects.published().filter(pk=page.pk).exists()
    assert "Draft" in page.publication_state()


def test_scheduled_state_tells_staff_when_it_goes_live():
    page = ArticleFactory(publish_at=timezone.make_aware(timezone.datetime(2030, 3, 4, 9, 30)))
    assert "Scheduled" in page.publication_state()
    assert "2030" in page.publication_state()


def test_database_refuses_an_unknown_status():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        ArticleFactory(status="archived")


def test_renaming_a_live_page_redirects_old_addresses_including_earlier_ones():
    from publishing.models import Redirect

    article = ArticleFactory(slug="first")
    article.slug = "second"
    article.save()
    article.slug = "third"
    article.save()
    assert dict(Redirect.objects.values_list("old_path", "new_path")) == {
        "/blog/first/": "/blog/third/",
        "/blog/second/": "/blog/third/",
    }


def test_renaming_back_removes_the_redirect_loop():
    from publishing.models import Redirect

    article = ArticleFactory(slug="a")
    article.slug = "b"
    article.save()
    article.slug = "a"
    article.save()
    assert dict(Redirect.objects.values_list("old_path", "new_path")) == {"/blog/b/": "/blog/a/"}


@pytest.mark.parametrize("state", [{"status": Status.DRAFT}, {"publish_at": timezone.now() + timedelta(days=1)}])
def test_renaming_a_page_that_is_not_live_makes_no_redirect(state):
    from publishing.models import Redirect

    article = ArticleFactory(slug="working-title", **state)
    article.slug = "final-title"
    article.save()
    assert not Redirect.objects.exists()


def test_redirect_gives_way_to_a_live_page_at_the_old_address(client):
    moved = ArticleFactory(slug="botox-guide")
    moved.slug = "botox-guide-2026"
    moved.save()
    assert client.get("/blog/botox-guide/").status_code == 301
    ArticleFactory(slug="botox-guide", title="A new page here")
    assert "A new page here" in client.get("/blog/botox-guide/").content.decode()


def test_hero_image_needs_alt_text():
    article = ArticleFactory.build(author=ArticleFactory().author, hero_image=SimpleUploadedFile("a.png", png_bytes()))
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "hero_image_alt" in error.value.message_dict


def test_treatment_cannot_be_published_without_risks():
    treatment = TreatmentFactory.build(risks="", status=Status.PUBLISHED)
    with pytest.raises(ValidationError) as error:
        treatment.full_clean()
    assert "risks" in error.value.message_dict["risks"][0].lower()
    treatment.status = Status.DRAFT
    treatment.full_clean()


def test_article_slug_may_not_shadow_the_feed():
    article = ArticleFactory.build(slug="feed", author=ArticleFactory().author)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "slug" in error.value.message_dict


def test_reading_time_counts_words_in_the_body():
    assert ArticleFactory(body="<p>" + "word " * 50 + "</p>").reading_time == 1
    assert ArticleFactory(body="<p>" + "word " * 1000 + "</p>").reading_time == 5


