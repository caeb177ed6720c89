"""History, revert, recover and compare obey the same roles as the change form: no one gets round
them through a page's history (attacks found by a security tester).

Refusals may answer 403 or redirect with a message, so the tests assert what people would notice:
the public page, its FAQs, and what a response shows. Every forged POST carries the form exactly as
the history page would show it, so without protection it would go through."""

import re

import pytest
import reversion
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from publishing.models import Status
from search.engine import search_site
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, FAQFactory, TreatmentFactory, UserFactory
from tests.publishing.test_roles import member_of
from tests.treatments.test_admin import treatment_form

pytestmark = pytest.mark.django_db

SECRET = "Unannounced price rise to 499 pounds"


def recorded(page, **changes):
    """Save `page` (with `changes`) as a new revision, as the admin does; return that version."""
    for name, value in changes.items():
        setattr(page, name, value)
    with reversion.create_revision():
        page.save()  # a treatment's FAQs are followed into the same revision
    return Version.objects.get_for_object(page).first()


def add_faq(treatment, question):
    with reversion.create_revision():
        FAQFactory(treatment=treatment, question=question)
        treatment.save()
    return Version.objects.get_for_object(treatment).first()


def faqs_in(version):
    return [
        (int(v.object_id), v.field_dict["question"], v.field_dict["answer"], v.field_dict["order"])
        for v in version.revision.version_set.all() if v.content_type.model == "faq"
    ]


def form_of(version, **overrides):
    """The revert/recover form for `version`, posted back as shown: valid, so only a permission check stops it."""
    fields = version.field_dict
    if version.content_type.model == "article":
        data = article_form(author=fields["author_id"] or "")
    else:
        data = treatment_form(existing_faqs=faqs_in(version))
    for name in list(data):
        if name in fields:
            data[name] = "" if fields[name] is None else str(fields[name])
    publish_at = timezone.localtime(fields["publish_at"])
    data.update(
        publish_at_0=publish_at.strftime("%d/%m/%Y"), publish_at_1=publish_at.strftime("%H:%M:%S"),
        edit_version=fields["updated_at"].isoformat(),
    )
    return {**data, **overrides}


def revert_url(version, object_id=None, model=None):
    model = model or version.content_type.model_class()
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_revision"
    return reverse(name, args=[object_id or version.object_id, version.pk])


def recover_url(version, model=None):
    model = model or version.content_type.model_class()
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_recover", args=[version.pk])


def public_html(page):
    response = Client().get(page.get_absolute_url())
    return response.content.decode() if response.status_code == 200 else None


def live_article_first_written_as_draft():
    """A live article whose history starts with an Author's draft wording."""
    article = ArticleFactory(title="Early draft title", body="<p>Draft wording.</p>", status=Status.DRAFT)
    draft_version = recorded(article)
    recorded(article, title="Approved title", body="<p>Approved wording.</p>", status=Status.PUBLISHED)
    return article, draft_version


def live_treatment_with_two_faqs(**fields):
    """A live treatment whose oldest version is a draft with one FAQ (and another title)."""
    treatment = TreatmentFactory(title="Early treatment title", status=Status.DRAFT, **fields)
    FAQFactory(treatment=treatment, question="Does it hurt?")
    old_version = recorded(treatment)
    recorded(treatment, title="Approved treatment title", status=Status.PUBLISHED)
    add_faq(treatment, "How long does it last?")
    return treatment, old_version


def assert_live_and_unchanged(page, title, questions=()):
    html = public_html(page)
    assert html is not None, "the live page is gone from the public site"
    assert title in html
    for question in questions:
        assert question in html
    page.refresh_from_db()
    assert (page.status, page.title) == (Status.PUBLISHED, title)


# 1. Recover is for deleted pages, not a back door to change existing ones.

# "Save as new" is not offered, but a forged one made the view roll the page back before adding the copy.
FORGERIES = pytest.mark.parametrize(
    "forgery", [{}, {"_saveasnew": "1", "slug": "a-copy"}], ids=["plain", "save-as-new"]
)


@FORGERIES
def test_author_cannot_recover_a_page_an_editor_unpublished_back_to_live(forgery):
    editor, _ = member_of("Editor")
    author, _ = member_of("Author")
    article = ArticleFactory(title="Withdrawn advice", body="<p>Outdated dosage advice.</p>")
    live_version = recorded(article)
    editor.post(reverse("admin:articles_article_changelist"), {"action": "unpublish", "_selected_action": [article.pk]})
    assert public_html(article) is None

    author.post(recover_url(live_version), form_of(live_version, **forgery))

    assert public_html(article) is None
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_author_cannot_recover_an_old_draft_over_a_live_article():
    author, _ = member_of("Author")
    article, draft_version = live_article_first_written_as_draft()

    author.post(recover_url(draft_version), form_of(draft_version))

    assert_live_and_unchanged(article, "Approved title")
    assert "Draft wording." not in public_html(article)


def test_author_recovering_an_old_version_of_a_live_treatment_keeps_its_faqs():
    author, _ = member_of("Author")
    treatment, old_version = live_treatment_with_two_faqs()

    author.post(recover_url(old_version), form_of(old_version))

    assert_live_and_unchanged(treatment, "Approved treatment title", ["Does it hurt?", "How long does it last?"])
    assert treatment.faqs.count() == 2


# 2-4. Revert obeys the Author's limits: drafts only, never publish or unpublish.

def test_author_reverting_a_live_article_to_an_old_draft_leaves_it_live_and_unchanged():
    author, _ = member_of("Author")
    article, draft_version = live_article_first_written_as_draft()

    author.post(revert_url(draft_version), form_of(draft_version))

    assert_live_and_unchanged(article, "Approved title")
    assert "Approved wording." in public_html(article)


def test_author_save_as_new_from_a_live_treatments_history_does_not_roll_it_back():
    author, _ = member_of("Author")
    treatment = TreatmentFactory(title="First live title", body="<p>First live body.</p>")
    FAQFactory(treatment=treatment, question="Does it hurt?")
    old_version = recorded(treatment)  # live, one FAQ
    recorded(treatment, title="Current live title", body="<p>Current live body.</p>")
    add_faq(treatment, "How long does it last?")

    author.post(revert_url(old_version), form_of(old_version, _saveasnew="1", slug="a-copy"))

    assert_live_and_unchanged(treatment, "Current live title", ["Does it hurt?", "How long does it last?"])
    assert "Current live body." in public_html(treatment)
    assert treatment.faqs.count() == 2


@FORGERIES
def test_author_reverting_a_draft_to_a_published_version_does_not_publish_it(forgery):
    editor, _ = member_of("Editor")
    author, _ = member_of("Author")
    article = ArticleFactory(title="Once live")
    live_version = recorded(article)
    editor.post(reverse("admin:articles_article_changelist"), {"action": "unpublish", "_selected_action": [article.pk]})

    author.post(revert_url(live_version), form_of(live_version, **forgery))

    assert Client().get(article.get_absolute_url()).status_code == 404
    article.refresh_from_db()
    assert article.status == Status.DRAFT


# 5-6. A version belongs to one page: it cannot be used on another page or page type.

def test_recover_refuses_a_version_of_another_page_type():
    editor, _ = member_of("Editor")
    treatment, old_version = live_treatment_with_two_faqs()

    editor.post(recover_url(old_version, model=Article), form_of(old_version))

    assert not Article.objects.exists()
    assert_live_and_unchanged(treatment, "Approved treatment title", ["Does it hurt?", "How long does it last?"])


@pytest.mark.parametrize("other", ["another article", "a treatment with the same id"])
def test_revert_refuses_a_version_of_another_page(other):
    editor, _ = member_of("Editor")
    article = ArticleFactory(title="Article A")
    recorded(article)
    if other == "another article":
        page = ArticleFactory(title="Article B")
        foreign_version = recorded(page)
        data = form_of(foreign_version)
        current_title = "Article B"
    else:
        page, foreign_version = live_treatment_with_two_faqs(id=article.pk)
        data = form_of(
            Version.objects.get_for_object(article).first(), title="Article B",
            edit_version=article.updated_at.isoformat(),  # a version keeps milliseconds only
        )
        current_title = "Approved treatment title"

    editor.post(revert_url(foreign_version, object_id=article.pk, model=Article), data)

    assert_live_and_unchanged(article, "Article A")
    assert_live_and_unchanged(page, current_title)


# 7. Drafts stay private to those who may read pages.

@pytest.mark.parametrize("who", ["Front desk", "staff without permissions"])
@pytest.mark.parametrize("view", ["compare", "history", "revert form"])
def test_history_views_do_not_show_draft_text_to_staff_without_page_rights(who, view):
    if who == "Front desk":
        client, _ = member_of("Front desk")
    else:
        client = Client()
        client.force_login(UserFactory(username="no-rights", is_staff=True))
    article = ArticleFactory(status=Status.DRAFT, body="<p>Plans.</p>")
    first = recorded(article)
    latest = recorded(article, body=f"<p>Plans. {SECRET}.</p>")
    url = {
        "compare": reverse("admin:articles_article_compare", args=[article.pk])
        + f"?version_id1={first.pk}&version_id2={latest.pk}",
        "history": reverse("admin:articles_article_history", args=[article.pk]),
        "revert form": revert_url(latest),
    }[view]

    response = client.get(url, follow=True)

    assert SECRET not in response.content.decode()


# 8. Reverting deletes FAQs that the old version did not have: the form says so before anyone confirms.

def test_revert_form_warns_which_faqs_will_be_deleted():
    editor, _ = member_of("Editor")
    treatment = TreatmentFactory(title="Lip filler")
    FAQFactory(treatment=treatment, question="Does it hurt?")
    one_faq = recorded(treatment)
    add_faq(treatment, "Can it be dissolved?")

    response = editor.get(revert_url(one_faq))

    assert response.status_code == 200
    # One sentence names the FAQ and says it goes ("deleted", "removed", "deletes"...).
    sentences = re.findall(r"[^<>.]*Can it be dissolved\?[^<>]*", response.content.decode())
    assert any(re.search(r"delet|remov", sentence, re.IGNORECASE) for sentence in sentences)
    assert treatment.faqs.count() == 2  # looking is not reverting


# 9. Reverting a live page makes a draft; publishing it is a normal save: the public page and search follow.

def test_editor_revert_shows_the_old_title_on_the_site_and_in_search():
    editor, _ = member_of("Editor")
    article = ArticleFactory(title="Rhinoplasty recovery week by week", body="<p>Swelling settles.</p>")
    old_version = recorded(article)
    recorded(article, title="Nose surgery healing")
    assert "Rhinoplasty recovery" not in public_html(article)

    response = editor.post(revert_url(old_version), form_of(old_version))

    assert response.status_code == 302  # the old version is now the live page's draft
    assert "Rhinoplasty recovery" not in public_html(article)
    change = reverse("admin:articles_article_change", args=[article.pk])
    assert 'value="Rhinoplasty recovery week by week"' in editor.get(change).content.decode()
    assert editor.post(change, form_of(old_version, _publish="Publish changes")).status_code == 302
    assert "Rhinoplasty recovery week by week" in public_html(article)
    assert [page.title for page in search_site("rhinoplasty")] == ["Rhinoplasty recovery week by week"]

