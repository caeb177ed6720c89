"""Blocking findings stop publishing (not saving a draft) until an Editor overrides them with a reason."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from articles.models import Article
from claims.models import ClaimOverride
from publishing.models import Status
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db
BAD = "<p>A completely safe, risk-free treatment.</p>"


@pytest.fixture(autouse=True)
def us_rules(settings):
    settings.CLINIC_JURISDICTION = "us"


def signed_in(group):
    user = UserFactory(username=group.lower(), is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client, user


def test_a_draft_with_blocking_findings_saves_and_shows_them(editor_client, editor):
    response = editor_client.post(reverse("admin:articles_article_add"), article_form(body=BAD))
    assert response.status_code == 302
    article = Article.objects.get()
    html = editor_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "Must fix" in html and "absolute-safety" in html and "CAP Code" in html


def test_publishing_is_refused_beside_the_field_with_the_rule_and_source(editor_client, editor):
    response = editor_client.post(
        reverse("admin:articles_article_add"), article_form(body=BAD, status=Status.PUBLISHED)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Every medical treatment carries some risk" in html and "absolute-safety" in html
    assert not Article.objects.exists()


def test_warnings_never_stop_publishing(editor_client, editor):
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_form(body="<p>The best care we can give.</p>", status=Status.PUBLISHED),
    )
    assert response.status_code == 302
    assert Article.objects.get().is_published()


def test_editor_overrides_with_a_reason_and_it_is_recorded():
    client, editor = signed_in("Editor")
    data = article_form(body=BAD, status=Status.PUBLISHED, override_rules=["absolute-safety"])
    response = client.post(reverse("admin:articles_article_add"), data)
    assert "Say why these rules do not apply" in response.content.decode()
    data["override_reason"] = "Quoted from a patient complaint we are answering, not our claim."
    assert client.post(reverse("admin:articles_article_add"), data).status_code == 302
    article = Article.objects.get()
    assert article.is_published()
    override = ClaimOverride.objects.get()
    assert (override.page, override.rule_id, override.overridden_by) == (article, "absolute-safety", editor)
    assert "patient complaint" in client.get(reverse("admin:claims_claimoverride_changelist")).content.decode()


def test_an_author_cannot_override(settings):
    client, author = signed_in("Author")
    client.post(reverse("admin:articles_article_add"), article_form(
        body=BAD, override_rules=["absolute-safety"], override_reason="Because.",
    ))
    assert not ClaimOverride.objects.exists()
    assert "override_rules" not in client.get(reverse("admin:articles_article_add")).content.decode()


def test_publish_action_refuses_pages_with_blocking_findings(editor_client):
    page = ArticleFactory(status=Status.DRAFT, title="Risky", body=BAD)
    response = editor_client.post(
        reverse("admin:articles_article_changelist"), {"action": "publish", "_selected_action": [page.pk]}, follow=True
    )
    assert "“Risky” was not published" in response.content.decode()
    page.refresh_from_db()
    assert page.status == Status.DRAFT


def test_audit_command_lists_findings_and_fails_on_live_blocks(capsys):
    ArticleFactory(title="Fine page", body="<p>The best care.</p>")
    call_command("check_claims")
    out = capsys.readouterr().out
    assert "[check] unqualified-superlative" in out and "0 blocking finding(s) live" in out
    Article.objects.update(body=BAD)  # a bad edit that reached a live page (e.g. an import)
    with pytest.raises(CommandError) as error:
        call_command("check_claims")
    assert error.value.returncode == 1
    assert "[MUST FIX] absolute-safety" in capsys.readouterr().out


def test_demo_content_passes_the_default_rules_but_not_the_uk_ones(capsys):
    call_command("load_demo_content")
    call_command("check_claims")
    assert "0 blocking finding(s) live" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("check_claims", "--jurisdiction", "uk")
    out = capsys.readouterr().out
    assert "[MUST FIX] prescription-only-medicine in Title: Botox" in out
