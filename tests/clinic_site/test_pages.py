"""Site-wide pages of the URL contract: home, health, errors, the URL contract."""

import pytest
from django.db import DatabaseError
from django.test import Client

from clinic.models import ClinicDetails
from publishing.models import Status
from tests.factories import ArticleFactory, TreatmentFactory

pytestmark = pytest.mark.django_db


def test_home_shows_treatments_latest_articles_and_a_call_to_action(client, settings):
    ClinicDetails.objects.update(phone="+44 20 1234 5678")  # staff edit it under "Clinic details"
    TreatmentFactory(title="Botox", slug="botox")
    ArticleFactory(title="Botox for facial symmetry")
    ArticleFactory(title="Unfinished", status=Status.DRAFT)
    html = client.get("/").content.decode()
    featured = html.split('id="treatments-heading"', 1)[1].split("</section>", 1)[0]
    assert 'href="/treatments/botox/"' in featured  # the treatment itself, not an article naming it
    latest = html.split('id="articles-heading"', 1)[1].split("</section>", 1)[0]
    assert "Botox for facial symmetry" in latest
    assert "Unfinished" not in html
    assert 'href="tel:+442012345678"' in html


def test_every_page_has_landmarks_skip_link_and_clinic_footer(client, settings):
    settings.CLINIC_NAME = "Test Clinic"
    ClinicDetails.objects.update(street_address="1 Test Street")
    html = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html and '<nav aria-label="Main">' in html
    assert "1 Test Street" in html
    assert "does not replace a consultation" in html


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    from django.db import connection

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503


def test_healthz_answers_503_when_the_shared_cache_does_not(client, settings):
    """With Redis down the site cannot answer pages: the load balancer must hear so from the health check."""
    unreachable = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    settings.CACHES = {**settings.CACHES, "limits": unreachable}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"cache 'limits' unavailable"


def test_unknown_page_gets_a_helpful_404(client):
    response = client.get("/treatmnets/botox/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "We can’t find that page" in html
    assert 'href="/treatments/"' in html
    assert 'role="search"' in html


def test_server_error_page_is_friendly_and_gives_the_phone_number(settings):
    ClinicDetails.objects.update(phone="+44 20 5555 0101")  # staff edit it under "Clinic details"
    client = Client(raise_request_exception=False)
    from unittest import mock

    with mock.patch("clinic_site.views.HomeView.get_context_data", side_effect=RuntimeError("boom")):
        response = client.get("/")
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()
    assert "+44 20 5555 0101" in response.content.decode()


def test_public_pages_send_a_strict_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize(
    "url",
    ["/", "/treatments/", "/treatments/t/", "/blog/", "/blog/a/", "/blog/category/c/", "/blog/feed/",
     "/search/?q=botox", "/sitemap.xml", "/robots.txt", "/healthz", "/admin/login/"],
)
def test_every_url_in_the_contract_answers(client, url):
    from tests.factories import CategoryFactory

    treatment = TreatmentFactory(slug="t", title="Thread lift")
    ArticleFactory(slug="a", title="All about threads", categories=[CategoryFactory(slug="c", name="Lifting")],
                   related_treatments=[treatment])
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    expected = {  # what each address must actually carry, beyond answering
        "/": ["Thread lift", "All about threads"], "/treatments/": ["Thread lift"], "/treatments/t/": ["Thread lift"],
        "/blog/": ["All about threads"], "/blog/a/": ["All about threads"], "/blog/category/c/": ["All about threads"],
        "/blog/feed/": ["<title>All about threads</title>", "/blog/a/</link>"],
        "/search/?q=botox": ["Search"], "/robots.txt": ["Sitemap: http://testserver/sitemap.xml"],
        "/sitemap.xml": ["<sitemapindex", "http://testserver/sitemap-pages.xml", "http://testserver/sitemap-articles.xml",
                         "http://testserver/sitemap-treatments.xml"],
        "/healthz": ["ok"], "/admin/login/": ["Username"],
    }[url]
    assert [text for text in expected if text not in body] == []
