"""Links to the site's own pages: found by title in the editor's chooser (staff who write pages only, drafts only of
the page types they may view), stored with the page's reference, and shown to patients at the page's address of
today, so renaming a slug never breaks them."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from publishing.models import Redirect, Status
from tests.factories import ArticleFactory, TreatmentFactory, UserFactory
from tests.publishing.test_roles import member_of
from treatments.models import Treatment

pytestmark = pytest.mark.django_db
CHOOSER = reverse("editor-page-links")


def titles(client, query=""):
    response = client.get(CHOOSER, {"q": query})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return [result["title"] for result in response.json()["results"]]


def link_to(page, words="Read more"):
    return f'<a href="{page.get_absolute_url()}" data-page="{page._meta.label_lower}:{page.pk}">{words}</a>'


@pytest.fixture
def pages():
    return {
        "live treatment": TreatmentFactory(title="Botox", slug="botox"),
        "draft treatment": TreatmentFactory(title="Botox for men", slug="botox-for-men", status=Status.DRAFT),
        "live article": ArticleFactory(title="Common Botox myths", slug="botox-myths"),
        "draft article": ArticleFactory(title="Botox and sport", slug="botox-sport", status=Status.DRAFT),
        "other": ArticleFactory(title="Choosing a surgeon", slug="choosing"),
    }


# The chooser.

def test_nobody_outside_the_writing_staff_may_search_pages(pages):
    anonymous = Client().get(CHOOSER, {"q": "botox"})
    assert anonymous.status_code == 403 and "results" not in anonymous.json()
    front_desk, _ = member_of("Front desk")
    assert front_desk.get(CHOOSER, {"q": "botox"}).status_code == 403
    reviewer, _ = member_of("Clinical reviewer")  # reads and reviews pages, does not write them
    assert reviewer.get(CHOOSER, {"q": "botox"}).status_code == 403
    patient_account = Client()
    patient_account.force_login(UserFactory(is_staff=False))
    assert patient_account.get(CHOOSER).status_code == 403


def test_it_answers_only_reads(pages):
    author, _ = member_of("Author")
    assert author.post(CHOOSER, {"q": "botox"}).status_code == 405


def test_an_author_finds_pages_by_any_words_of_their_title_drafts_included(pages):
    author, _ = member_of("Author")
    assert titles(author, "botox") == ["Botox", "Botox and sport", "Botox for men", "Common Botox myths"]
    assert titles(author, "MYTHS botox") == ["Common Botox myths"]
    assert titles(author, "liposuction") == []
    result = author.get(CHOOSER, {"q": "botox for"}).json()["results"][0]
    treatment = pages["draft treatment"]
    assert result == {"ref": f"treatments.treatment:{treatment.pk}", "title": "Botox for men", "kind": "Treatment",
                      "url": "/treatments/botox-for-men/", "state": "Draft", "live": False}


def test_with_nothing_typed_the_latest_changed_pages_come_first(pages):
    author, _ = member_of("Author")
    pages["other"].save()
    assert titles(author)[0] == "Choosing a surgeon"


def test_an_author_sees_another_page_types_drafts_only_if_allowed_to_view_them(pages):
    author, user = member_of("Author")
    user.groups.get().permissions.remove(*Permission.objects.filter(content_type__app_label="treatments"))
    assert titles(author, "botox") == ["Botox", "Botox and sport", "Common Botox myths"]  # not "Botox for men"
    assert "Botox for men" not in titles(author)


def test_a_writer_of_one_page_type_still_links_to_the_live_pages_of_all(pages):
    client = Client()
    user = UserFactory(is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_article", "change_article"]))
    client.force_login(user)
    assert titles(client, "botox") == ["Botox", "Botox and sport", "Common Botox myths"]


def test_the_chooser_is_on_the_toolbar_of_every_page_form(editor_client):
    for url in (reverse("admin:articles_article_add"), reverse("admin:treatments_treatment_add")):
        html = editor_client.get(url).content.decode()
        assert '"pageLink"' in html and '"pageLinks": {"url": "/admin/editor/pages/?q="}' in html
        assert "/static/js/admin-editor-tools.js" in html


# Links as patients follow them.

def test_a_renamed_live_page_keeps_its_links_working_and_they_go_straight_to_it(client, editor_client):
    treatment = TreatmentFactory(title="Botox", slug="botox")
    ArticleFactory(slug="guide", body=f"<p>See {link_to(treatment, 'our Botox page')}.</p>")
    treatment.slug = "anti-wrinkle-injections"
    treatment.save()
    html = client.get("/blog/guide/").content.decode()
    assert '<a href="/treatments/anti-wrinkle-injections/" rel="noopener noreferrer">our Botox page</a>' in html
    assert client.get("/treatments/anti-wrinkle-injections/").status_code == 200
    # The stored address still works too (for copies of the text elsewhere): the old address redirects.
    assert Redirect.objects.filter(old_path="/treatments/botox/").exists()
    assert client.get("/treatments/botox/").status_code == 301


def test_a_draft_renamed_before_it_goes_live_is_linked_at_its_new_address(client):
    draft = ArticleFactory(title="Sport", slug="sport-draft", status=Status.DRAFT)
    TreatmentFactory(slug="botox", body=f"<p>{link_to(draft, 'Botox and sport')}</p>")
    assert "Botox and sport</p>" in client.get("/treatments/botox/").content.decode()  # words, no link yet
    draft.slug, draft.status = "botox-and-sport", Status.PUBLISHED
    draft.save()
    assert not Redirect.objects.exists()  # nothing public pointed at the draft's address
    html = client.get("/treatments/botox/").content.decode()
    assert '<a href="/blog/botox-and-sport/" rel="noopener noreferrer">Botox and sport</a>' in html
    assert client.get("/blog/botox-and-sport/").status_code == 200


def test_links_to_pages_patients_cannot_see_show_their_words_only(client):
    expired = ArticleFactory(slug="old", status=Status.DRAFT)
    deleted = TreatmentFactory(slug="gone")
    body = f"<p>{link_to(expired, 'an old article')} and {link_to(deleted, 'a withdrawn treatment')}</p>"
    ArticleFactory(slug="guide", body=body)
    deleted.delete()
    html = client.get("/blog/guide/").content.decode()
    assert "<p>an old article and a withdrawn treatment</p>" in html


def test_staff_previewing_follow_links_to_drafts(client, editor_client):
    draft = TreatmentFactory(slug="new-treatment", status=Status.DRAFT)
    article = ArticleFactory(slug="guide", status=Status.DRAFT, body=f"<p>{link_to(draft, 'the new one')}</p>")
    staff_view = editor_client.get(article.get_absolute_url()).content.decode()
    assert '<a href="/treatments/new-treatment/" rel="noopener noreferrer">the new one</a>' in staff_view


def test_ordinary_links_are_left_alone(client):
    ArticleFactory(slug="guide", body='<p><a href="https://www.nhs.uk/">NHS</a> <a href="/visit/">visit</a></p>')
    html = client.get("/blog/guide/").content.decode()
    assert '<a href="https://www.nhs.uk/" rel="noopener noreferrer">NHS</a>' in html
    assert '<a href="/visit/" rel="noopener noreferrer">visit</a>' in html


def test_links_cost_one_query_however_many_pages_and_types_they_point_at(client):
    treatment = TreatmentFactory(slug="botox")
    plain = ArticleFactory(slug="plain")
    with CaptureQueriesContext(connection) as without_links:
        client.get("/treatments/botox/")
    targets = [TreatmentFactory() for _ in range(4)] + [ArticleFactory() for _ in range(4)] + [plain]
    Treatment.objects.filter(pk=treatment.pk).update(
        body="".join(f"<p>{link_to(target)}</p>" for target in targets),
        risks="".join(f"<p>{link_to(target)}</p>" for target in targets[:3]),
    )
    with CaptureQueriesContext(connection) as with_links:
        html = client.get("/treatments/botox/").content.decode()
    assert html.count(">Read more</a>") == 12
    assert len(with_links) == len(without_links) + 1


def test_saving_a_page_brings_the_addresses_of_its_chosen_links_up_to_date():
    """What the editor shows in the link's balloon, and the fallback wherever the text is used as stored."""
    draft = TreatmentFactory(slug="draft-name", status=Status.DRAFT)
    article = ArticleFactory(slug="guide", body=f"<p>{link_to(draft, 'the treatment')}</p>")
    draft.slug = "final-name"
    draft.save()
    article.save()
    reference = f'data-page="treatments.treatment:{draft.pk}"'
    assert f'<a href="/treatments/final-name/" {reference}' in article.body
    draft.delete()
    article.save()
    assert reference in article.body  # kept: patients see the words only, and a restored page links again
