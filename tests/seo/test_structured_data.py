"""JSON-LD on every page type, checked against what the page shows."""

import json
import re
from datetime import date

import pytest

from clinic.models import ClinicDetails
from tests.factories import ArticleFactory, CategoryFactory, ClinicianFactory, FAQFactory, TreatmentFactory
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


def graph(html):
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block)
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}


def visible_breadcrumbs(html):
    nav = re.search(r'<nav class="breadcrumbs wrap" aria-label="Breadcrumb">(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)


def test_treatment_page_structured_data_matches_the_page(client, settings):
    settings.CLINIC_NAME = "Test Clinic"
    ClinicDetails.objects.filter(pk=1).update(phone="+44 20 1234 5678")  # staff edit it in the admin
    reviewer = ClinicianFactory(name="Dr Amira Shah", credentials="MBBS, FRCS")
    treatment = TreatmentFactory(
        title="Rhinoplasty", slug="rhinoplasty", category=Treatment.Category.SURGICAL, reviewed_by=reviewer,
        last_reviewed=date(2026, 10, 1), how_it_works="<p>Reshaped under anaesthetic.</p>",
        aftercare="<ul><li>Rest.</li><li>Keep your head raised.</li></ul>",
    )
    FAQFactory(treatment=treatment, question="Will there be scars?", answer="Small ones, hidden.")
    treatment.record_review(reviewer, date(2026, 10, 1))  # the review read the FAQ too
    treatment.save()
    html = client.get("/treatments/rhinoplasty/").content.decode()
    nodes = graph(html)

    assert nodes["MedicalClinic"]["name"] == "Test Clinic"
    assert nodes["MedicalClinic"]["telephone"] == "+44 20 1234 5678"
    page = nodes["MedicalWebPage"]
    assert page["lastReviewed"] == "2026-10-01"
    assert page["reviewedBy"]["name"] == "Dr Amira Shah"
    profile = reviewer.get_absolute_url()
    assert f'Medically reviewed by <strong><a href="{profile}">Dr Amira Shah</a></strong>, MBBS, FRCS' in html
    assert '<time datetime="2026-10-01">1 October 2026</time>' in html
    procedure = nodes["SurgicalProcedure"]  # the type itself: "SurgicalProcedure" is no procedureType value
    assert procedure["name"] == "Rhinoplasty" and "procedureType" not in procedure
    assert procedure["howPerformed"] == "Reshaped under anaesthetic."
    assert procedure["followup"] == "Rest. Keep your head raised."
    assert page["mainEntity"]["@id"] == procedure["@id"]
    faq = nodes["FAQPage"]["mainEntity"]
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in faq] == [("Will there be scars?", "Small ones, hidden.")]
    assert "<summary>Will there be scars?</summary>" in html
    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert [(c["item"].removeprefix("http://testserver"), c["name"]) for c in crumbs] == visible_breadcrumbs(html)
    assert [c["name"] for c in crumbs] == ["Home", "Treatments", "Rhinoplasty"]


def test_article_structured_data_matches_the_page(client):
    article = ArticleFactory(
        title="Botox for facial symmetry", slug="symmetry", author__name="Dr Sam Patel", author__slug="sam-patel"
    )
    html = client.get("/blog/symmetry/").content.decode()
    nodes = graph(html)
    posting = nodes["BlogPosting"]
    assert posting["headline"] == "Botox for facial symmetry"
    assert posting["author"]["name"] == "Dr Sam Patel" and 'By <a href="/team/sam-patel/">Dr Sam Patel</a>' in html
    assert posting["author"]["url"] == "http://testserver/team/sam-patel/"
    assert posting["author"]["jobTitle"] == article.author.role
    assert posting["datePublished"] == article.publish_at.isoformat()
    assert nodes["MedicalWebPage"]["mainEntity"]["@id"] == posting["@id"]
    assert "lastReviewed" not in nodes["MedicalWebPage"]  # not reviewed: nothing claimed
    assert "Medically reviewed" not in html
    assert [c["name"] for c in nodes["BreadcrumbList"]["itemListElement"]] == [
        "Home", "Blog", "Botox for facial symmetry"
    ]


@pytest.mark.parametrize("url, crumbs", [
    ("/treatments/", ["Home", "Treatments"]),
    ("/blog/", ["Home", "Blog"]),
    ("/blog/category/balance/", ["Home", "Blog", "Balance"]),
])
def test_index_pages_carry_the_clinic_and_matching_breadcrumbs(client, url, crumbs):
    CategoryFactory(name="Balance", slug="balance")
    html = client.get(url).content.decode()
    nodes = graph(html)
    assert "MedicalClinic" in nodes
    items = nodes["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in items] == crumbs
    assert [(c["item"].removeprefix("http://testserver"), c["name"]) for c in items] == visible_breadcrumbs(html)


def test_home_page_describes_the_clinic(client):
    assert graph(client.get("/").content.decode())["MedicalClinic"]["@id"] == "http://testserver/#clinic"


def test_text_cannot_break_out_of_the_json_ld_block(client):
    TreatmentFactory(slug="t", title="</script><script>alert(1)</script>")
    html = client.get("/treatments/t/").content.decode()
    assert "<script>alert(1)" not in html
    assert graph(html)["MedicalProcedure"]["name"] == "</script><script>alert(1)</script>"
