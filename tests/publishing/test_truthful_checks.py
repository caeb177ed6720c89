"""Publishing checks judge what is stored, and staff are told the page's real state."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from publishing.models import Redirect, Status
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, TreatmentFactory
from tests.publishing.test_roles import member_of
from tests.treatments.test_admin import treatment_form
from treatments.models import Treatment

pytestmark = pytest.mark.django_db
EMPTY_EDITOR = ["", "<p>&nbsp;</p>", "<p> </p><p><br></p>", "<p><strong>\u00a0</strong></p>", "<script>x</script>"]


@pytest.mark.parametrize("risks", EMPTY_EDITOR)
def test_an_empty_risks_section_cannot_be_published_from_the_admin(editor_client, risks):
    response = editor_client.post(reverse("admin:treatments_treatment_add"),
                                  treatment_form(risks=risks, status=Status.PUBLISHED))
    assert response.status_code == 200
    assert "Add the side effects and risks before publishing" in response.content.decode()
    assert not Treatment.objects.exists()


@pytest.mark.parametrize("risks", EMPTY_EDITOR)
def test_an_empty_risks_section_cannot_be_published_from_the_shell_either(risks):
    with pytest.raises(ValidationError, match="side effects and risks"):
        TreatmentFactory(risks=risks, status=Status.PUBLISHED)
    assert not Treatment.objects.exists()
    TreatmentFactory(risks=risks, status=Status.DRAFT)  # a draft may be unfinished


def test_after_a_refused_publish_the_page_still_says_it_is_a_draft(editor_client):
    treatment = TreatmentFactory(slug="botox", status=Status.DRAFT)
    url = reverse("admin:treatments_treatment_change", args=[treatment.pk])
    response = editor_client.post(url, treatment_form(
        risks="<p>&nbsp;</p>", status=Status.PUBLISHED, edit_version=treatment.updated_at.isoformat()))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Draft: not published. Only staff can see this page." in html
    assert "Published: visible to everyone" not in html


def test_a_draft_written_days_ago_goes_live_when_it_is_published_not_backdated(editor_client):
    written = timezone.now() - timedelta(days=5)
    draft = ArticleFactory(status=Status.DRAFT, publish_at=written)
    editor_client.post(reverse("admin:articles_article_changelist"),
                       {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_published()
    assert timezone.now() - draft.publish_at < timedelta(minutes=1)


def test_a_chosen_future_time_is_kept_when_a_draft_is_scheduled():
    later = timezone.now() + timedelta(days=2)
    draft = ArticleFactory(status=Status.DRAFT, publish_at=timezone.now() - timedelta(days=5))
    draft.status, draft.publish_at = Status.PUBLISHED, later
    draft.save()
    draft.refresh_from_db()
    assert draft.publish_at == later and draft.is_scheduled()


def test_lists_name_scheduled_pages_as_scheduled(editor_client):
    ArticleFactory(title="Coming soon", publish_at=timezone.now() + timedelta(days=3))
    ArticleFactory(title="Out now")
    html = editor_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Scheduled for" in html and ">Live<" in html
    assert "icon-no.svg" not in html  # no red cross beside a page that is published, just not yet


def test_scheduling_a_page_at_an_old_address_keeps_the_redirect_until_it_goes_live(client):
    moved = ArticleFactory(slug="botox-guide")
    moved.slug = "botox-guide-2026"
    moved.save()
    assert client.get("/blog/botox-guide/").status_code == 301
    newcomer = ArticleFactory(slug="botox-guide", publish_at=timezone.now() + timedelta(days=1))
    assert client.get("/blog/botox-guide/")["Location"] == "/blog/botox-guide-2026/"
    newcomer.publish_at = timezone.now() - timedelta(minutes=1)
    newcomer.save()
    assert client.get("/blog/botox-guide/").status_code == 200
    assert not Redirect.objects.filter(old_path="/blog/botox-guide/").exists()


def test_publish_now_puts_a_draft_live_at_once(editor_client, client):
    draft = ArticleFactory(slug="fresh", status=Status.DRAFT, publish_at=timezone.now() + timedelta(days=3))
    form = article_form(author=draft.author_id, slug="fresh", status=Status.DRAFT,
                        edit_version=draft.updated_at.isoformat(), _publish_now="Publish now")
    html = editor_client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert 'value="Publish now"' in html
    assert editor_client.post(reverse("admin:articles_article_change", args=[draft.pk]), form).status_code == 302
    assert client.get("/blog/fresh/").status_code == 200


def test_authors_get_no_publish_now_and_a_forged_one_is_ignored(client):
    author, user = member_of("Author")
    draft = ArticleFactory(slug="fresh", status=Status.DRAFT)
    change = reverse("admin:articles_article_change", args=[draft.pk])
    assert 'value="Publish now"' not in author.get(change).content.decode()
    author.post(change, article_form(slug="fresh", edit_version=draft.updated_at.isoformat(),
                                     _publish_now="1"))
    assert client.get("/blog/fresh/").status_code == 404
