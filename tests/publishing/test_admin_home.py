"""The admin home puts each member of staff's own work first, and the site's technical sections last or nowhere."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from publishing.models import PageDraft, ReviewRequest, Status
from tests.factories import ArticleFactory, ClinicianFactory, TreatmentFactory, UserFactory

from .test_roles import member_of

pytestmark = pytest.mark.django_db

HOME = reverse("admin:index")


def home(client):
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def section(html, heading):
    """The text of one section of the home page, found by its heading."""
    start = html.index(f">{heading}</h2>")
    return html[start:html.index("</section>", start)]


def request_review(page, state, submitted_by, answered_by=None, comment=""):
    return ReviewRequest.objects.create(
        content_type=ContentType.objects.get_for_model(page), object_id=page.pk, state=state,
        submitted_by=submitted_by, answered_by=answered_by, comment=comment,
    )


def test_sign_in_page_carries_the_clinic_name(client, settings):
    html = client.get(reverse("admin:login")).content.decode()
    assert f"{settings.CLINIC_NAME}: content" in html and f"<title>Log in | {settings.CLINIC_NAME} admin" in html


def test_writing_buttons_and_content_come_before_technical_sections(editor_client):
    html = home(editor_client)
    assert "Write an article" in html and "New treatment page" in html
    assert html.index("Write an article") < html.index("New treatment page")
    order = ["My drafts", 'section">Blog<', 'section">Treatments<', "Site tools", ">Redirects<", ">Synonyms<",
             "Administration", "Audit log", 'section">Authentication and Authorization<', 'section">Axes<']
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)


def test_editor_sees_redirects_and_synonyms_lower_down_and_no_users_sign_ins_or_audit():
    client, _ = member_of("Editor")
    html = home(client)
    positions = [html.index(text) for text in ['section">Blog<', "Site tools", ">Redirects<", ">Synonyms<"]]
    assert positions == sorted(positions)
    for hidden in ["Authentication and Authorization", ">Users<", ">Groups<", ">Axes<", "Access attempts",
                   "Audit log", "Administration", "Enquiry access log"]:
        assert hidden not in html


def test_front_desk_sees_only_enquiries():
    client, _ = member_of("Front desk")
    ArticleFactory(title="A live article")
    html = home(client)
    main = html[html.index('id="content-main"'):html.index('id="content-related"')]
    assert ">Enquiries<" in main and "Consultation enquiries" in main
    for hidden in ["Write an article", "New treatment page", "My drafts", "Scheduled", "Recently published",
                   "A live article", ">Articles<", ">Treatments<", ">Redirects<", "Site tools", "Content<"]:
        assert hidden not in main
    assert "<h1>Home</h1>" in html and "Write, schedule and publish" not in html


def test_author_sees_own_drafts_and_changes_asked_of_them_but_reviews_are_not_theirs_to_do():
    client, author = member_of("Author")
    colleague = UserFactory(username="colleague")
    mine = ArticleFactory(title="My lip filler draft", status=Status.DRAFT, updated_by=author)
    ArticleFactory(title="Someone else's draft", status=Status.DRAFT, updated_by=colleague)
    sent_back = ArticleFactory(title="Sent back", status=Status.DRAFT, updated_by=author)
    reviewer = UserFactory(username="dr-reviewer", first_name="Amira", last_name="Shah")
    request_review(sent_back, ReviewRequest.State.CHANGES_REQUESTED, author, reviewer, "Add the bruising risk.")
    live = TreatmentFactory(title="Botox")
    PageDraft.objects.create(content_type=ContentType.objects.get_for_model(live), object_id=live.pk, data="[]",
                             updated_by=author)
    html = home(client)
    drafts = section(html, "My drafts")
    assert "My lip filler draft" in drafts and "Someone else" not in drafts
    assert "Botox" in drafts and "changes to the live page" in drafts
    assert "changes requested" in drafts  # where the sent-back draft stands
    asked = section(html, "Changes requested")
    assert "Sent back" in asked and "Amira Shah" in asked and "Add the bruising risk." in asked
    assert f'href="{mine.get_admin_url()}"' in drafts
    assert "Waiting for my review" not in html


def test_clinical_reviewer_sees_pages_waiting_for_review_and_writes_nothing():
    client, _ = member_of("Clinical reviewer")
    author = UserFactory(username="writer", first_name="Sam", last_name="Patel")
    draft = ArticleFactory(title="Lip filler: what to expect", status=Status.DRAFT, updated_by=author)
    request_review(draft, ReviewRequest.State.IN_REVIEW, author)
    sent_back = ArticleFactory(title="Already answered", status=Status.DRAFT)
    request_review(sent_back, ReviewRequest.State.CHANGES_REQUESTED, author)
    html = home(client)
    waiting = section(html, "Waiting for my review")
    assert "Lip filler: what to expect" in waiting and "Sam Patel" in waiting and "Already answered" not in waiting
    for absent in ["Write an article", "New treatment page", "My drafts", "Changes requested"]:
        assert absent not in html


def test_scheduled_pages_and_scheduled_changes_show_their_dates(editor_client):
    when = timezone.make_aware(timezone.datetime(2030, 1, 2, 9, 0))
    ArticleFactory(title="Coming soon", publish_at=when)
    live = TreatmentFactory(title="Botox")
    PageDraft.objects.create(content_type=ContentType.objects.get_for_model(live), object_id=live.pk, data="[]",
                             go_live_at=when + timedelta(days=1))
    scheduled = section(home(editor_client), "Scheduled")
    assert "Coming soon" in scheduled and "goes live" in scheduled and "2 Jan 2030, 09:00" in scheduled
    assert "Botox" in scheduled and "changes go live" in scheduled and "3 Jan 2030, 09:00" in scheduled
    assert scheduled.index("Coming soon") < scheduled.index("Botox")  # soonest first


def test_reviews_due_are_reviews_past_their_date_and_live_pages_never_reviewed_not_drafts(editor_client, settings):
    settings.CLINIC_REVIEW_MAX_AGE_DAYS = 365
    reviewer = ClinicianFactory()
    long_ago = timezone.localdate() - timedelta(days=400)
    TreatmentFactory(title="Stale review", reviewed_by=reviewer, last_reviewed=long_ago)
    TreatmentFactory(title="Fresh review", reviewed_by=reviewer, last_reviewed=timezone.localdate())
    TreatmentFactory(title="Live, never reviewed")
    ArticleFactory(title="New draft", status=Status.DRAFT, updated_by=UserFactory(username="editor"))
    html = home(editor_client)
    due = section(html, "Medical reviews due")
    assert "Stale review" in due and "past its date" in due
    assert "Live, never reviewed" in due and "live, never reviewed" in due
    assert "Fresh review" not in due and "New draft" not in due and "overdue" not in due.lower()
    assert "New draft" in section(html, "My drafts") and "not yet reviewed" in section(html, "My drafts")


def test_recently_published_lists_live_pages_newest_first(editor_client):
    ArticleFactory(title="Older", publish_at=timezone.now() - timedelta(days=3))
    TreatmentFactory(title="Newer", publish_at=timezone.now() - timedelta(hours=1))
    ArticleFactory(title="Not yet", publish_at=timezone.now() + timedelta(days=1))
    ArticleFactory(title="Still a draft", status=Status.DRAFT)
    recent = section(home(editor_client), "Recently published")
    assert recent.index("Newer") < recent.index("Older")
    assert "Not yet" not in recent and "Still a draft" not in recent


def test_the_home_page_costs_the_same_queries_however_many_pages(editor, editor_client):
    def add_pages(count):
        for n in range(count):
            ArticleFactory(status=Status.DRAFT, updated_by=editor)
            TreatmentFactory(publish_at=timezone.now() + timedelta(days=n + 1))
            request_review(ArticleFactory(status=Status.DRAFT), ReviewRequest.State.IN_REVIEW, editor)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            home(editor_client)
        return len(captured)

    add_pages(1)
    few = queries()
    add_pages(15)
    assert queries() == few


def test_review_filter_tells_due_from_not_yet_reviewed(editor_client, settings):
    settings.CLINIC_REVIEW_MAX_AGE_DAYS = 365
    reviewer = ClinicianFactory()
    TreatmentFactory(title="Draft never reviewed", status=Status.DRAFT)
    TreatmentFactory(title="Live never reviewed")
    TreatmentFactory(title="Old review", reviewed_by=reviewer, last_reviewed=timezone.localdate() - timedelta(days=400))
    TreatmentFactory(title="Recent review", reviewed_by=reviewer, last_reviewed=timezone.localdate())
    url = reverse("admin:treatments_treatment_changelist")

    def listed(review):
        html = editor_client.get(url, {"review": review}).content.decode()
        return {title for title in ["Draft never reviewed", "Live never reviewed", "Old review", "Recent review"]
                if f">{title}<" in html}

    assert listed("due") == {"Live never reviewed", "Old review"}
    assert listed("never") == {"Draft never reviewed", "Live never reviewed"}
    assert listed("current") == {"Recent review"}


def test_a_never_reviewed_draft_is_not_overdue():
    page = ArticleFactory(status=Status.DRAFT)
    assert not page.is_review_overdue()
    assert not Article.objects.review_overdue().exists() and not Article.objects.reviews_due().exists()
    assert list(Article.objects.not_yet_reviewed()) == [page]
