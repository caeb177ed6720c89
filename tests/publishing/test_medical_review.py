"""A medical review covers the content it read: changed medical content needs a new review before it is
published, and the public review line never outlives the content it reviewed."""

import json
import re
from datetime import date
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from publishing.models import Status
from publishing.review import fingerprint
from tests.factories import ArticleFactory, ClinicianFactory, FAQFactory, TreatmentFactory
from tests.publishing.test_roles import member_of, review
from tests.publishing.test_working_drafts import PUBLISH, change_url, version_in_form
from tests.treatments.test_admin import treatment_form
from treatments.models import FAQ

pytestmark = pytest.mark.django_db
REVIEW_LINE = '">Dr Amira Shah</a></strong>'  # "Medically reviewed by <strong><a href="/team/…">Dr Amira Shah…"


@pytest.fixture(autouse=True)
def reviews_required(settings):
    settings.CLINIC_REVIEW_REQUIRED_FOR = ["articles.article", "treatments.treatment"]


@pytest.fixture
def botox():
    reviewer = ClinicianFactory(name="Dr Amira Shah")
    # The same medical content as treatment_form() posts, so only what a test changes differs.
    return TreatmentFactory(slug="botox", title="Botox", body="<p>Relaxes muscles.</p>", procedure_time="15 minutes",
                            risks="<p>Bruising.</p>", reviewed_by=reviewer, last_reviewed=date(2026, 10, 1))


def publish(client, page, **changes):
    form = treatment_form(**{"risks": page.risks, "status": Status.PUBLISHED, **changes, **PUBLISH})
    form["edit_version"] = version_in_form(client, page)
    return client.post(change_url(page), form)


def structured_reviewer(html):
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    page = next(node for node in data["@graph"] if node["@type"] == "MedicalWebPage")
    return page.get("reviewedBy", {}).get("name")


def test_a_changed_risks_section_is_kept_as_a_draft_until_it_is_reviewed(editor_client, client, botox):
    response = publish(editor_client, botox, risks="<p>Bruising, and rarely a drooping eyelid.</p>")
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("was not published" in m and "medical review" in m for m in messages)
    public = client.get("/treatments/botox/").content.decode()
    assert "drooping eyelid" not in public and REVIEW_LINE in public  # the reviewed page stays live


def test_a_reviewer_reviews_the_draft_and_then_it_can_be_published(editor_client, client, botox):
    publish(editor_client, botox, risks="<p>Bruising, and rarely a drooping eyelid.</p>")
    reviewer, user = member_of("Clinical reviewer")
    clinician = ClinicianFactory(name="Dr Tom Reyes", user=user)
    today = timezone.localdate()
    reviewed = review(reviewer, botox, reviewed_by=clinician.pk, last_reviewed=today.strftime("%d/%m/%Y"))
    assert reviewed.status_code == 302
    assert REVIEW_LINE in client.get("/treatments/botox/").content.decode()  # the live page: old review
    assert publish(editor_client, botox, risks="<p>Bruising, and rarely a drooping eyelid.</p>").status_code == 302
    public = client.get("/treatments/botox/").content.decode()
    profile = clinician.get_absolute_url()
    assert "drooping eyelid" in public
    assert f'Medically reviewed by <strong><a href="{profile}">Dr Tom Reyes</a>' in public
    assert structured_reviewer(public) == "Dr Tom Reyes"


def test_an_editor_may_publish_without_a_new_review_with_a_reason_and_the_review_line_goes(
        editor_client, client, botox):
    refused = publish(editor_client, botox, risks="<p>Bruising; stop if you are pregnant.</p>",
                      publish_without_review="on")
    assert refused.status_code == 200
    assert ('<ul class="errorlist" id="id_review_override_reason_error"><li>Say why this cannot wait for a medical '
            'review; it is recorded.</li></ul>') in refused.content.decode()  # beside the reason, in full

    publish(editor_client, botox, risks="<p>Bruising; stop if you are pregnant.</p>", publish_without_review="on",
            review_override_reason="Safety warning from the manufacturer, reviewer away until Monday.")
    public = client.get("/treatments/botox/").content.decode()
    assert "stop if you are pregnant" in public
    assert "Medically reviewed by" not in public and structured_reviewer(public) is None
    comments = [v.revision.comment for v in Version.objects.get_for_object(botox)]
    assert any("reviewer away until Monday" in comment for comment in comments)
    admin_page = editor_client.get(change_url(botox)).content.decode()
    assert "it needs a new review" in admin_page


def test_search_descriptions_and_layout_changes_need_no_new_review(editor_client, client, botox):
    response = publish(editor_client, botox, risks="<p>Bruising.</p>\n\n", seo_title="Botox in London",
                       meta_description="Anti-wrinkle injections, explained.")
    assert response.status_code == 302
    public = client.get("/treatments/botox/").content.decode()
    assert "<title>Botox in London" in public and REVIEW_LINE in public


def test_the_publish_action_refuses_unreviewed_pages(editor_client, client):
    article = ArticleFactory(slug="unreviewed", status=Status.DRAFT)
    response = editor_client.post(reverse("admin:articles_article_changelist"),
                                  {"action": "publish", "_selected_action": [article.pk]}, follow=True)
    assert "was not published" in response.content.decode()
    assert client.get("/blog/unreviewed/").status_code == 404


def test_a_page_type_can_be_published_without_reviews_when_the_clinic_says_so(editor_client, client, settings):
    settings.CLINIC_REVIEW_REQUIRED_FOR = ["treatments.treatment"]
    article = ArticleFactory(slug="news", status=Status.DRAFT)
    editor_client.post(reverse("admin:articles_article_changelist"),
                       {"action": "publish", "_selected_action": [article.pk]})
    assert client.get("/blog/news/").status_code == 200


def test_a_review_covers_only_what_the_reviewer_read(editor_client, client, botox):
    """The reviewer opens the form; the author then changes the draft; the review is refused."""
    publish(editor_client, botox, risks="<p>Version the reviewer reads.</p>")
    reviewer, user = member_of("Clinical reviewer")
    clinician = ClinicianFactory(name="Dr Tom Reyes", user=user)
    url = reverse("admin:treatments_treatment_review", args=[botox.pk])
    opened = reviewer.get(url).content.decode()
    assert reverse("admin:treatments_treatment_draft_preview", args=[botox.pk]) in opened  # read the draft
    read = opened.split('name="content" value="')[1].split('"')[0]
    form = treatment_form(risks="<p>Version written later, never read.</p>", status=Status.PUBLISHED)
    form["edit_version"] = version_in_form(editor_client, botox)
    editor_client.post(change_url(botox), form)
    refused = reviewer.post(url, {"reviewed_by": clinician.pk, "content": read,
                                  "last_reviewed": timezone.localdate().strftime("%d/%m/%Y")})
    assert refused.status_code == 200 and "changed after you opened this form" in refused.content.decode()
    assert publish(editor_client, botox, risks="<p>Version written later, never read.</p>").status_code == 302
    assert "never read" not in client.get("/treatments/botox/").content.decode()  # still needs its review


def test_formatting_alone_does_not_need_a_new_review(botox):
    botox.risks = "<p><strong>Bruising.</strong></p>\n"
    botox.save()
    assert botox.review_is_current()
    botox.risks = "<p>Bruising and swelling.</p>"
    assert not botox.review_is_current()


def test_reordering_faqs_keeps_the_review_but_a_changed_answer_needs_a_new_one(botox):
    first = FAQFactory(treatment=botox, question="Does it hurt?", answer="A little.", order=1)
    second = FAQFactory(treatment=botox, question="How long does it last?", answer="Three to four months.", order=2)
    botox.record_review(botox.reviewed_by, date(2026, 10, 1))
    botox.save()
    first.order, second.order = 3, 1
    FAQ.objects.bulk_update([first, second], ["order"])
    assert botox.review_is_current()
    second.answer = "Up to a year."
    second.save()
    assert not botox.review_is_current()


def test_reviews_stay_as_current_as_they_were_when_faq_order_stopped_counting(botox):
    """The migration re-keeps fingerprints taken with FAQs in page order: a current review stays current, an
    out-of-date one stays out of date."""
    from treatments.migrations import __name__ as migrations
    upgrade = import_module(f"{migrations}.0012_faq_order_outside_reviews").faqs_in_any_order
    stale = TreatmentFactory(reviewed_by=botox.reviewed_by, last_reviewed=date(2026, 10, 1))
    for page in (botox, stale):
        FAQFactory(treatment=page, question="Zinc?", answer="No.", order=1)
        FAQFactory(treatment=page, question="Alcohol?", answer="Not on the day.", order=2)
        in_page_order = fingerprint([*[str(getattr(page, f) or "") for f in page.clinical_fields],
                                     "Zinc? No.", "Alcohol? Not on the day."])
        type(page).objects.filter(pk=page.pk).update(reviewed_content=in_page_order)
    FAQ.objects.filter(treatment=stale, question="Zinc?").update(answer="Yes.")  # changed since its review
    upgrade(django_apps, None)
    botox.refresh_from_db()
    stale.refresh_from_db()
    assert botox.review_is_current()
    assert not stale.review_is_current()
