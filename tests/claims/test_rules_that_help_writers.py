"""Rules that help writers: every rule has a plain name, and every blocking finding shows at once, beside its
field, quoting the words at fault: on a new page, and on a live page's draft."""

import re
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from claims.checker import blocking_rules, find_claims, rule_name, rules_for
from publishing.models import PageDraft, Status
from tests.articles.test_admin import article_form
from tests.claims.test_workflow import signed_in
from tests.factories import ArticleFactory, TreatmentFactory
from tests.publishing.test_working_drafts import PUBLISH, change_url, draft_form
from tests.treatments.test_admin import treatment_form
from treatments.models import Treatment

pytestmark = pytest.mark.django_db
SEVERAL = "<p>A risk-free treatment, painless too.</p><p>Limited time offer: book now.</p>"


@pytest.fixture(autouse=True)
def us_rules(settings):
    settings.CLINIC_JURISDICTION = "us"


def errors_beside(html, field):
    """The error messages Django's admin shows in the form row of `field`."""
    row = html.split(f'class="form-row field-{field}', 1)[1].split('class="form-row', 1)[0]
    return [unescape(re.sub(r"<[^>]+>", "", item)) for item in re.findall(r"<li>(.*?)</li>", row.split("</ul>")[0])]


def test_every_rule_has_a_plain_name():
    rules = [rule for jurisdiction in ("us", "uk", "ie") for rule in rules_for(jurisdiction)]
    rules += [rule for model in (Article, Treatment) for rule in model.claim_rules]
    for rule in rules:
        rule_id, name = (rule["id"], rule["name"]) if isinstance(rule, dict) else (rule.id, rule.name)
        assert name and name != rule_id and "-" not in name.split()[0], rule_id
    assert rule_name("fair-balance") == "Benefits without their risks"
    assert rule_name("absolute-safety") == "Promises of no risk or no pain"


def test_a_finding_names_its_rule_in_plain_words():
    temporary = TreatmentFactory.build(results_last="")
    [finding] = [f for f in find_claims(temporary) if f.rule_id == "fair-balance"]
    assert finding.name == "Benefits without their risks"
    assert finding.problem().startswith("Results last — Benefits without their risks.")


def test_every_match_of_a_rule_is_quoted_not_only_the_first():
    [finding] = [f for f in find_claims(ArticleFactory.build(body=SEVERAL)) if f.rule_id == "absolute-safety"]
    assert finding.words == ("risk-free", "painless")
    assert "You wrote “risk-free”, “painless”." in finding.problem()


def test_publishing_a_new_page_shows_every_blocking_finding_beside_its_field_with_the_words(editor_client):
    data = article_form(status=Status.PUBLISHED, summary="Guaranteed results.", body=SEVERAL)
    html = editor_client.post(reverse("admin:articles_article_add"), data).content.decode()
    body_errors = errors_beside(html, "body")
    assert any("Promises of no risk or no pain. You wrote “risk-free”, “painless”." in e for e in body_errors)
    assert any("Pressure to book: deadlines and discounts. You wrote “Limited time”." in e for e in body_errors)
    assert any("Promised or permanent results. You wrote “Guaranteed”." in e for e in errors_beside(html, "summary"))
    assert not Article.objects.exists()


def test_a_live_pages_draft_shows_all_its_findings_at_once_and_publishing_it_is_refused_beside_each_field(
    editor_client, client
):
    article = ArticleFactory(slug="botox-aftercare", body="<p>Avoid exercise for a day.</p>")
    response = editor_client.post(change_url(article), draft_form(article, summary="Guaranteed results.", body=SEVERAL))
    assert response.status_code == 302 and PageDraft.objects.exists()  # a draft may hold them

    form = unescape(editor_client.get(change_url(article)).content.decode())
    findings = form.split('class="claim-findings"')[1].split("</div>")[0]
    for words in ("“risk-free”, “painless”", "“Limited time”", "“Guaranteed”"):
        assert words in findings  # what the draft says, not the live page
    assert findings.count("<strong>Must fix</strong>") == 3

    published = editor_client.post(
        change_url(article), {**draft_form(article, summary="Guaranteed results.", body=SEVERAL,
                                           edit_version=version_in(editor_client, article)), **PUBLISH}
    )
    html = published.content.decode()
    assert published.status_code == 200
    assert len([e for e in errors_beside(html, "body") if "You wrote" in e]) == 2
    assert len([e for e in errors_beside(html, "summary") if "You wrote" in e]) == 1
    assert "risk-free" not in client.get("/blog/botox-aftercare/").content.decode()


def version_in(client, page):
    return client.get(change_url(page)).content.decode().split('name="edit_version" value="')[1].split('"')[0]


def test_a_treatment_contradicting_its_key_facts_cannot_be_published_until_they_agree(editor_client):
    data = treatment_form(status=Status.PUBLISHED, summary="Quick, with no downtime.", downtime="1–2 weeks")
    html = editor_client.post(reverse("admin:treatments_treatment_add"), data).content.decode()
    [error] = [e for e in errors_beside(html, "summary") if "key facts" in e]
    assert "Words that contradict the key facts. You wrote “no downtime”." in error
    assert "key facts say Downtime: 1–2 weeks" in error
    data["summary"] = "Quick, with 1–2 weeks of downtime."
    assert editor_client.post(reverse("admin:treatments_treatment_add"), data).status_code == 302


def test_editors_override_rules_chosen_by_their_plain_names():
    client, _editor = signed_in("Editor")
    html = unescape(client.get(reverse("admin:treatments_treatment_add")).content.decode())
    for rule_id, name in blocking_rules(Treatment):
        assert f"{name} ({rule_id})" in html
    assert "Benefits without their risks (fair-balance)" in html


def test_the_audit_command_names_the_rules(capsys):
    ArticleFactory(title="Fine page", body="<p>The best care.</p>")
    call_command("check_claims")
    assert "“Best” or “leading” without proof: “best”." in capsys.readouterr().out
