"""Every public page needs at most 6 SQL queries (without the page cache), however much content there is."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, CategoryFactory, ClinicianFactory, FAQFactory, TreatmentFactory
from tests.imagefiles import image_bytes
from treatments.models import BeforeAfterPair

pytestmark = pytest.mark.django_db
MAX_QUERIES = 6
URLS = [
    "/", "/treatments/", "/treatments/main/", "/blog/", "/blog/?page=2", "/blog/main/", "/blog/category/main/",
    "/blog/?category=main", "/blog/feed/", "/search/?q=botox", "/sitemap.xml", "/robots.txt", "/privacy/",
    "/consultation/?treatment=main",
]


def add_content(count, main_treatment, category, clinician, prefix):
    treatments = [TreatmentFactory(title=f"Botox {prefix}{n}", reviewed_by=clinician) for n in range(count)]
    for n in range(count):
        FAQFactory(treatment=main_treatment)
        BeforeAfterPair.objects.create(
            treatment=main_treatment, before_image=SimpleUploadedFile("b.png", image_bytes()),
            after_image=SimpleUploadedFile("a.png", image_bytes()),
            before_alt="Lines before", after_alt="Smoother after",
            caption=f"Pair {prefix}{n}", consent_recorded=True, consent_reference="CF", show_publicly=True,
        )
        ArticleFactory(
            title=f"Botox article {prefix}{n}", categories=[category, CategoryFactory()],
            related_treatments=[main_treatment, *treatments[:3]], reviewed_by=clinician,
        )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_query_counts_are_small_and_do_not_grow_with_content(client):
    clinician = ClinicianFactory()
    category = CategoryFactory(slug="main")
    main_treatment = TreatmentFactory(slug="main", title="Botox main", reviewed_by=clinician)
    ArticleFactory(slug="main", categories=[category], related_treatments=[main_treatment])
    add_content(3, main_treatment, category, clinician, "a")
    few = {url: count_queries(client, url) for url in URLS if url != "/blog/?page=2"}
    add_content(47, main_treatment, category, clinician, "b")
    many = {url: count_queries(client, url) for url in URLS}
    assert {url: n for url, n in many.items() if n > MAX_QUERIES} == {}
    assert {url: (few[url], n) for url, n in many.items() if url in few and n > few[url]} == {}
