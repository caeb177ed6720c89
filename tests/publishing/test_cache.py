"""Anonymous visitors get cached pages; any change patients could see makes them fresh at once."""

from contextlib import suppress
from datetime import timedelta

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from publishing.cache import NOTHING_SCHEDULED, next_change_for
from publishing.drafts import snapshot
from publishing.models import ContentVersion, PageDraft, Status
from tests.factories import ArticleFactory, CategoryFactory, ClinicianFactory, FAQFactory, TreatmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_second_visit_is_served_from_cache_with_one_query(client):
    TreatmentFactory(slug="botox")
    first = client.get("/treatments/botox/")
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/treatments/botox/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert len(queries) == 1  # the content version


@pytest.mark.parametrize("change", ["edit page", "edit faq", "add faq", "rename category", "edit clinician", "delete"])
def test_any_visible_change_refreshes_cached_pages_at_once(client, change):
    clinician = ClinicianFactory(name="Dr Old Name")
    category = CategoryFactory(name="Old category", slug="cat")
    treatment = TreatmentFactory(slug="botox", title="Botox", reviewed_by=clinician, last_reviewed=timezone.localdate())
    faq = FAQFactory(treatment=treatment, question="Old question?")
    treatment.record_review(clinician, timezone.localdate())  # the review read the FAQ too
    treatment.save()
    article = ArticleFactory(slug="a", categories=[category], related_treatments=[treatment])
    urls = ["/", "/treatments/", "/treatments/botox/", "/blog/", "/blog/a/", "/blog/category/cat/"]
    for url in urls:
        client.get(url)
    expected = {
        "edit page": lambda: (setattr(treatment, "title", "Botox renamed"), treatment.save(), "Botox renamed"),
        "edit faq": lambda: (setattr(faq, "question", "New question?"), faq.save(), "New question?"),
        "add faq": lambda: (FAQFactory(treatment=treatment, question="Added question?"), None, "Added question?"),
        "rename category": lambda: (setattr(category, "name", "New category"), category.save(), "New category"),
        "edit clinician": lambda: (setattr(clinician, "name", "Dr New Name"), clinician.save(), "Dr New Name"),
        "delete": lambda: (article.delete(), None, None),
    }[change]()[2]
    if expected:
        assert any(expected in client.get(url).content.decode() for url in urls)
    else:
        assert client.get("/blog/a/").status_code == 404
        assert "/blog/a/" not in client.get("/blog/").content.decode()


def test_scheduled_page_appears_when_its_time_comes_without_any_save(client):
    ArticleFactory(title="Already live")
    ArticleFactory(title="Tomorrow's news", publish_at=timezone.now() + timedelta(minutes=5))
    assert "Tomorrow" not in client.get("/blog/").content.decode()
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert "Tomorrow" in client.get("/blog/").content.decode()


def test_staff_never_get_or_leave_cached_pages(client, editor_client):
    draft = ArticleFactory(slug="draft", status=Status.DRAFT)
    live = ArticleFactory(slug="live")
    client.get(live.get_absolute_url())  # cached for the public
    staff_view = editor_client.get(live.get_absolute_url())
    assert "X-Page-Cache" not in staff_view
    assert editor_client.get(draft.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("url", ["/consultation/", "/no-such-page/", "/healthz"])
def test_forms_errors_and_health_are_never_cached(client, url):
    client.get(url)
    assert "X-Page-Cache" not in client.get(url)


def test_unchanged_pages_answer_304(client):
    TreatmentFactory(slug="botox")
    etag = client.get("/treatments/botox/")["ETag"]
    assert client.get("/treatments/botox/", headers={"if-none-match": etag}).status_code == 304
    assert client.get("/treatments/botox/", headers={"if-none-match": '"stale"'}).status_code == 200


def test_cached_pages_still_carry_security_headers(client):
    TreatmentFactory(slug="botox")
    client.get("/treatments/botox/")
    hit = client.get("/treatments/botox/")
    assert hit["X-Page-Cache"] == "hit"
    assert "default-src 'self'" in hit["Content-Security-Policy"]
    assert hit["X-Content-Type-Options"] == "nosniff"


def test_a_page_holding_a_csrf_token_is_never_cached_for_others(client, settings):
    settings.ROOT_URLCONF = "tests.publishing.urls_with_a_form"
    first = client.get("/offer/")
    assert "csrfmiddlewaretoken" in first.content.decode() and first.cookies.get(settings.CSRF_COOKIE_NAME)
    stranger = Client()
    second = stranger.get("/offer/")
    assert second.get("X-Page-Cache") != "hit"  # a token is never handed to somebody else
    assert client.get("/treatments/").get("X-Page-Cache") == "miss"  # while plain pages are cached


def test_cached_pages_tell_browsers_to_check_back_every_time(client):
    ArticleFactory(slug="a")
    client.get("/blog/a/")
    response = client.get("/blog/a/")
    assert response["X-Page-Cache"] == "hit"
    assert {"public", "max-age=0", "must-revalidate"} <= {part.strip() for part in response["Cache-Control"].split(",")}


def test_an_expiring_page_leaves_cached_lists_when_its_time_comes(client):
    ArticleFactory(title="Summer offer", unpublish_at=timezone.now() + timedelta(minutes=5))
    assert "Summer offer" in client.get("/blog/").content.decode()
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):  # well inside the cache's 10 minutes
        assert "Summer offer" not in client.get("/blog/").content.decode()


def test_scheduled_changes_replace_the_cached_page_when_their_time_comes(client):
    article = ArticleFactory(slug="peels", body="<p>Old advice.</p>")
    assert "Old advice." in client.get("/blog/peels/").content.decode()
    article.body = "<p>New advice.</p>"  # the draft, made as the admin makes it, but not saved to the page
    data, _ = snapshot(article, [], set())
    PageDraft.objects.create(content_type=ContentType.objects.get_for_model(article), object_id=article.pk,
                             data=data, go_live_at=timezone.now() + timedelta(minutes=5))
    assert "Old advice." in client.get("/blog/peels/").content.decode()
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert "New advice." in client.get("/blog/peels/").content.decode()


@pytest.mark.parametrize("word", ["private", "no-cache", "no-store"])
def test_responses_marked_private_or_uncacheable_are_never_stored(client, settings, word):
    settings.ROOT_URLCONF = "tests.publishing.urls_with_a_form"
    client.get(f"/marked/?cache_control={word}")
    assert client.get(f"/marked/?cache_control={word}").get("X-Page-Cache") != "hit"


def test_tracking_links_are_served_the_cached_page_without_their_tracking_codes(client):
    ArticleFactory(slug="a")
    for _ in range(12):  # enough articles for a second page, whose links must not carry the tracking codes
        ArticleFactory()
    assert client.get("/blog/?page=2")["X-Page-Cache"] == "miss"
    for query in ["?page=2&utm_source=mail&utm_medium=email", "?fbclid=IwAR0abc&page=2", "?gclid=x&page=2&mc_cid=1"]:
        response = client.get(f"/blog/{query}")
        assert response["X-Page-Cache"] == "hit", query
    first_seen_with_tracking = client.get("/blog/a/?utm_campaign=spring&_ga=2.1")
    assert first_seen_with_tracking["X-Page-Cache"] == "miss"
    html = first_seen_with_tracking.content.decode()
    assert "utm_" not in html and "_ga" not in html
    assert client.get("/blog/a/")["X-Page-Cache"] == "hit"


def test_parameters_that_change_the_page_still_split_the_cache(client):
    ArticleFactory(title="Botox explained")
    ArticleFactory(title="Jaw reshaping")
    botox = client.get("/search/?q=botox")
    jaw = client.get("/search/?q=jaw&utm_source=x")
    assert jaw["X-Page-Cache"] == "miss"
    assert "Jaw reshaping" in jaw.content.decode() and "Jaw reshaping" not in botox.content.decode()


def test_cookies_that_do_not_change_the_page_do_not_skip_the_cache(client):
    ArticleFactory(slug="a")
    client.get("/blog/a/")
    client.cookies["_ga"] = "GA1.1.123.456"
    client.cookies["cookie_consent"] = "essential"
    assert client.get("/blog/a/")["X-Page-Cache"] == "hit"


def test_https_visitors_never_get_http_addresses_from_the_cache(client, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLOWED_HOSTS = ["clinic.example"]
    ArticleFactory(slug="a", title="Peels")
    plain = client.get("/blog/a/", HTTP_HOST="clinic.example")
    assert 'href="http://clinic.example/blog/a/"' in plain.content.decode()
    for _ in range(2):
        secure = client.get("/blog/a/", HTTP_HOST="clinic.example", headers={"x-forwarded-proto": "https"})
        html = secure.content.decode()
        assert 'href="https://clinic.example/blog/a/"' in html and "http://clinic.example" not in html
    assert secure["X-Page-Cache"] == "hit"


def test_each_host_gets_its_own_cached_page(client, settings):
    settings.ALLOWED_HOSTS = ["clinic.example", "www.clinic.example"]
    ArticleFactory(slug="a")
    client.get("/blog/a/", HTTP_HOST="clinic.example")
    other = client.get("/blog/a/", HTTP_HOST="www.clinic.example")
    assert other["X-Page-Cache"] == "miss" and "www.clinic.example" in other.content.decode()


def public_pages():
    treatment = TreatmentFactory(slug="botox", reviewed_by=ClinicianFactory(), last_reviewed=timezone.localdate())
    FAQFactory(treatment=treatment)
    category = CategoryFactory(slug="skin")
    ArticleFactory(slug="a", categories=[category], related_treatments=[treatment])
    for _ in range(11):
        ArticleFactory(categories=[category])
    return ["/", "/treatments/", "/treatments/botox/", "/blog/", "/blog/?page=2", "/blog/a/", "/blog/category/skin/",
            "/blog/feed/", "/search/?q=botox", "/sitemap.xml", "/privacy/", "/robots.txt"]


def test_every_public_page_needs_at_most_seven_queries_on_a_cold_cache_including_the_caches_own(client):
    """Seven at most: a treatment page also lists who performs it, and a search that finds nothing also reads
    the words of public pages to suggest a spelling (both kept per content version afterwards)."""
    for url in public_pages():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        assert len(queries) <= 7, (url, [query["sql"] for query in queries])


def test_a_change_that_is_rolled_back_never_lends_its_version_to_different_content(client):
    """Working drafts save the page inside a transaction that is rolled back: had the cache been filled at that
    version, the next real change must not reuse the number and serve what was rolled back."""
    ArticleFactory(title="Live title")
    with suppress(RuntimeError), transaction.atomic():
        ArticleFactory(title="Rolled back title")
        assert "Rolled back title" in client.get("/blog/").content.decode()  # cached at the uncommitted version
        raise RuntimeError
    ArticleFactory(title="Next real change")
    html = client.get("/blog/").content.decode()
    assert "Next real change" in html and "Rolled back title" not in html


@pytest.mark.parametrize("page_cache_seconds", [0, 600])
def test_shared_parts_of_pages_change_at_once_with_or_without_the_page_cache(client, settings, page_cache_seconds):
    settings.CLINIC_PAGE_CACHE_SECONDS = page_cache_seconds
    treatment = TreatmentFactory(slug="botox", title="Botox")
    ArticleFactory(slug="a", related_treatments=[treatment])
    other = ArticleFactory(slug="b", title="Old card title")
    for _ in range(2):  # the second time from what was kept
        html = client.get("/blog/a/").content.decode()
        assert "Botox" in html and "Old card title" in html
    treatment.title = "Anti-wrinkle injections"
    treatment.save()
    other.title = "New card title"
    other.save()
    for url in ["/blog/a/", "/"]:
        html = client.get(url).content.decode()
        assert "Anti-wrinkle injections" in html and "New card title" in html and "Old card title" not in html


def test_staff_previews_neither_fill_nor_read_the_shared_parts(client, editor_client):
    article = ArticleFactory(slug="a", title="Live title")
    ArticleFactory(slug="b")
    cache.clear()
    editor_client.get("/blog/b/")  # a staff view of a page whose "more articles" card is article a
    assert not [key for key in cache._cache if "article-card" in key or "latest-articles" in key]
    client.get("/blog/b/")
    assert [key for key in cache._cache if "template.cache.article-card" in key]
    assert "Live title" in editor_client.get("/blog/b/").content.decode()
    assert article.title == "Live title"


def test_redirects_pass_tracking_parameters_on(client):
    ArticleFactory(slug="peels")
    response = client.get("/blog/peels?utm_campaign=spring&gclid=abc")  # no trailing slash: redirected
    assert response.status_code == 301
    assert response["Location"] == "/blog/peels/?utm_campaign=spring&gclid=abc"


def test_a_repeated_parameter_keeps_its_order_in_the_key(client):
    for n in range(12):
        ArticleFactory(title=f"Article number {n}")
    first = client.get("/blog/?page=2&page=1").content.decode()  # the last value counts: page 1
    second = client.get("/blog/?page=1&page=2").content.decode()  # page 2
    assert "Article number 11" in first and "Article number 11" not in second


def test_the_shared_cache_never_holds_staff_accounts(client, editor):
    editor.email = "editor@clinic.example"
    editor.save()
    ArticleFactory(slug="a", author__user=editor)  # a clinician with a staff account
    ArticleFactory(slug="b", author__user=None)
    client.get("/blog/a/")
    kept = [value for key, value in cache._cache.items() if "latest-articles" in key]
    assert kept and editor.password.encode() not in b"".join(kept) and editor.email.encode() not in b"".join(kept)


def test_parts_of_pages_can_be_turned_off(client, settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = settings.CLINIC_FRAGMENT_CACHE_SECONDS = 0
    ArticleFactory(slug="a")
    client.get("/blog/a/")
    assert [key for key in cache._cache if "template.cache" in key or "latest-articles" in key] == []


def test_unknown_addresses_fill_no_cache(client):
    for n in range(20):
        assert client.get(f"/no-such-page-{n}/").status_code == 404
    assert [key for key in cache._cache if "template.cache.json-ld" in key] == []


def test_with_nothing_scheduled_the_next_change_is_still_looked_up_again_within_a_day():
    """A shared cache (Redis) keeps an entry without a timeout for ever: one per content version would pile up."""
    version = ContentVersion.current()
    assert next_change_for(version) == NOTHING_SCHEDULED
    with CaptureQueriesContext(connection) as queries:
        next_change_for(version)
    assert len(queries) == 0  # kept
    with time_machine.travel(timezone.now() + timedelta(days=1, seconds=1)):
        with CaptureQueriesContext(connection) as queries:
            assert next_change_for(version) == NOTHING_SCHEDULED
    assert len(queries) > 0  # expired, looked up again
