"""What page forms show: rich text on read-only forms as text, not HTML source; no label for a hidden field."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article
from clinicians.models import Clinician
from publishing.forms import ReviewForm
from tests.factories import ArticleFactory, ClinicianFactory, TreatmentFactory
from tests.treatments.test_admin import treatment_form

from .test_roles import change_url, member_of
from .test_working_drafts import draft_form

pytestmark = pytest.mark.django_db

BODY = "<h2>Benefits</h2><ul><li>Softens frown lines.</li></ul><p>Results last <strong>3–4 months</strong>.</p>"


def test_clinical_reviewer_reads_rich_text_as_text_not_html_tags():
    client, _ = member_of("Clinical reviewer")
    treatment = TreatmentFactory(body=BODY, risks="<p>Bruising and <em>swelling</em>.</p>")
    html = client.get(change_url(treatment)).content.decode()
    assert '<div class="rich-text-read"><h2>Benefits</h2><ul><li>Softens frown lines.</li></ul>' in html
    assert "<p>Bruising and <em>swelling</em>.</p>" in html
    assert "&lt;h2&gt;" not in html and "&lt;p&gt;" not in html
    assert "Side effects and risks:" in html  # each section keeps its label
    assert 'name="body"' not in html  # and stays read-only


def test_author_reads_a_scheduled_page_as_text():
    client, _ = member_of("Author")
    scheduled = ArticleFactory(body=BODY, publish_at=timezone.now() + timedelta(days=2))
    html = client.get(change_url(scheduled)).content.decode()
    assert "<h2>Benefits</h2>" in html and "&lt;h2&gt;" not in html and 'name="body"' not in html


def test_read_only_rich_text_is_sanitised_whatever_was_stored():
    client, _ = member_of("Clinical reviewer")
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(body='<p onclick="steal()">Hi</p><script>alert(1)</script>')
    html = client.get(change_url(article)).content.decode()
    assert "<p>Hi</p>" in html and "alert(1)" not in html and "steal()" not in html


def test_empty_rich_text_shows_a_dash():
    client, _ = member_of("Clinical reviewer")
    html = client.get(change_url(TreatmentFactory(aftercare=""))).content.decode()
    aftercare = html[html.index("field-aftercare"):html.index("field-aftercare") + 600]
    assert '<div class="readonly">-</div>' in aftercare


def test_editors_still_get_the_editor_for_rich_text(editor_client):
    html = editor_client.get(change_url(TreatmentFactory(body=BODY))).content.decode()
    assert 'name="body"' in html and 'class="rich-text-read"' not in html


@pytest.mark.parametrize("url_name", ["admin:articles_article_add", "admin:treatments_treatment_add"])
def test_the_hidden_edit_version_has_no_label(editor_client, url_name):
    html = editor_client.get(reverse(url_name)).content.decode()
    assert 'type="hidden" name="edit_version"' in html and 'for="id_edit_version"' not in html
    page = ArticleFactory()
    html = editor_client.get(change_url(page)).content.decode()
    assert f'name="edit_version" value="{page.updated_at.isoformat()}"' in html
    assert 'for="id_edit_version"' not in html


# Written for the mutants mutation testing found alive in publishing/forms.py (docs/testing.md): what the forms say,
# and beside which field.

def test_a_review_of_content_that_changed_since_is_refused_with_what_to_do():
    reviewer = ClinicianFactory()
    today = timezone.localdate()
    data = {"reviewed_by": reviewer.pk, "last_reviewed": today.strftime("%d/%m/%Y"), "content": "fingerprint"}
    assert ReviewForm(data=data, current_content="fingerprint").is_valid()
    assert Clinician.objects.count() == 1
    changed = ReviewForm(data=data, current_content="another fingerprint")
    assert changed.errors == {"content": [
        "The page’s medical content changed after you opened this form: read it again (the preview shows it as it "
        "is now), then record the review."]}
    future = ReviewForm(data={**data, "last_reviewed": (today + timedelta(days=1)).strftime("%d/%m/%Y")},
                        current_content="fingerprint")
    assert future.errors == {"last_reviewed": ["A review date cannot be in the future."]}


def test_a_stale_save_by_an_unknown_editor_names_someone_and_when(editor_client):
    article = ArticleFactory(status="draft")
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - timedelta(hours=2))  # saved two hours ago
    article.refresh_from_db()
    form = draft_form(article, status="draft", edit_version=(article.updated_at - timedelta(hours=1)).isoformat())
    html = editor_client.post(change_url(article), form).content.decode()
    when = date_format(timezone.localtime(article.updated_at), "DATETIME_FORMAT")
    assert (f"Someone saved this page on {when}, after you opened it, so your changes were not saved (saving "
            "them would overwrite theirs). Everything you typed is still in the form below: copy what you need, "
            "open the page again in a new tab, and make your changes there.") in html


def test_a_schedule_without_a_time_is_explained_beside_the_time(editor_client):
    article = ArticleFactory()
    html = editor_client.post(change_url(article), draft_form(article, _schedule_changes="Schedule changes")).content
    assert ('<ul class="errorlist" id="id_changes_go_live_at_error"><li>Choose when the changes go live: a date and '
            'time in the future.</li></ul>') in html.decode()


def test_a_draft_may_be_saved_with_what_would_stop_it_being_published(editor_client):
    treatment = TreatmentFactory(slug="botox", status="draft")
    data = treatment_form(edit_version=treatment.updated_at.isoformat(), risks="", body="<p>Guaranteed results.</p>")
    assert editor_client.post(change_url(treatment), data).status_code == 302
    treatment.refresh_from_db()
    assert treatment.risks == "" and treatment.status == "draft"
