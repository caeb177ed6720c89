"""Videos from YouTube and Vimeo: recognised from what staff paste, stored as one known structure, shown to patients
as a "Play" link that loads nothing from elsewhere until pressed, with a Content-Security-Policy that allows
exactly those players, and only on pages that show them."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from publishing.sanitize import sanitize_html
from publishing.videos import canonical_video_url, video_at
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, TreatmentFactory

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
VIMEO = "https://vimeo.com/76979871"


def figure(address):
    return f'<figure class="media"><oembed url="{address}"></oembed></figure>'


@pytest.mark.parametrize(("pasted", "stored"), [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE),
    ("youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE),
    ("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", YOUTUBE),
    ("https://youtu.be/dQw4w9WgXcQ?si=tracking123", YOUTUBE),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", YOUTUBE),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", YOUTUBE),
    ("https://youtu.be/dQw4w9WgXcQ?t=42", YOUTUBE + "&t=42"),
    ("https://vimeo.com/76979871", VIMEO),
    ("https://player.vimeo.com/video/76979871?h=abc123def0", VIMEO + "/abc123def0"),
    ("https://vimeo.com/76979871/abc123def0", VIMEO + "/abc123def0"),
    ("https://vimeo.com/channels/staffpicks/76979871", VIMEO),
])
def test_youtube_and_vimeo_addresses_are_stored_in_one_form(pasted, stored):
    assert canonical_video_url(pasted) == stored


@pytest.mark.parametrize("address", [
    "https://evil.example/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
    "https://evilyoutube.com/watch?v=dQw4w9WgXcQ",
    "https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com/watch?v=short",
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ" onload="alert(1)',
    "https://www.youtube.com/watch?v=dQw4w9WgXc<",
    "javascript:alert('youtube.com/watch?v=dQw4w9WgXcQ')",
    "data:text/html,<iframe src=https://www.youtube.com/embed/dQw4w9WgXcQ>",
    "ftp://vimeo.com/76979871",
    "https://player.vimeo.com/76979871",
    "https://vimeo.com/user/videos",
    "https://www.dailymotion.com/video/x7tgad0",
    "",
])
def test_anything_else_is_not_a_video(address):
    assert video_at(address) is None and canonical_video_url(address) is None


def test_only_the_video_is_kept_from_an_address_with_odd_parts():
    assert canonical_video_url("https://vimeo.com/76979871?h=<script>") == VIMEO
    assert canonical_video_url("https://youtu.be/dQw4w9WgXcQ?t=<script>") == YOUTUBE


def test_the_player_is_youtubes_privacy_enhanced_one_and_vimeo_without_tracking():
    assert video_at(YOUTUBE + "&t=42").player_url == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=42"
    assert video_at(VIMEO + "/abc123def0").player_url == (
        "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1&h=abc123def0")


def test_the_sanitiser_keeps_a_video_only_as_its_known_structure():
    assert sanitize_html(figure("https://youtu.be/dQw4w9WgXcQ")) == figure(YOUTUBE)
    assert sanitize_html(figure("https://evil.example/x")) == ""
    assert sanitize_html(f'<p>Text<oembed url="{VIMEO}"></oembed></p>') == "<p>Text</p>"  # loose in a paragraph
    assert sanitize_html(f'<figure class="media"><oembed url="{VIMEO}">words</oembed></figure>') == (
        '<figure class="media">words</figure>')
    stored = sanitize_html(figure(YOUTUBE + "&amp;t=5"))
    assert sanitize_html(stored) == stored  # saving again changes nothing


@pytest.mark.django_db
def test_patients_see_a_play_link_and_nothing_from_youtube_until_they_press_it(client):
    ArticleFactory(slug="with-video", body="<p>Watch this.</p>" + figure("https://youtu.be/dQw4w9WgXcQ"))
    html = client.get("/blog/with-video/").content.decode()
    assert "<iframe" not in html and "oembed" not in html
    link = re.search(r'<a class="video__play" href="([^"]+)" data-player="([^"]+)">', html)
    assert link.groups() == (YOUTUBE, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")
    assert "Play the video (YouTube)" in html and "nothing is loaded from YouTube until you press play" in html
    # The only address of another site the page loads anything from: none (links are followed only when pressed).
    loaded = re.findall(r'\s(?:src|srcset|poster|data)="([^"]+)"', html)
    assert not [address for address in loaded if "youtube" in address or "vimeo" in address]
    assert '<script src="/static/js/video.js" defer></script>' in html


@pytest.mark.django_db
def test_a_page_with_videos_may_frame_exactly_their_players_and_other_pages_nothing(client):
    ArticleFactory(slug="youtube", body=figure(YOUTUBE))
    ArticleFactory(slug="plain", body="<p>No video.</p>")
    TreatmentFactory(slug="both", body=figure(YOUTUBE), risks="<p>Bruising.</p>" + figure(VIMEO))
    youtube = client.get("/blog/youtube/")["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com;" in youtube + ";"
    assert "player.vimeo.com" not in youtube
    both = client.get("/treatments/both/")["Content-Security-Policy"]
    assert "frame-src https://player.vimeo.com https://www.youtube-nocookie.com" in both
    for strict in (client.get("/blog/plain/"), client.get("/"), client.get("/treatments/")):
        policy = strict["Content-Security-Policy"]
        assert "frame-src" not in policy and "default-src 'self'" in policy  # frames fall back to 'self'
        assert "video.js" not in strict.content.decode()
    for policy in (youtube, both):  # otherwise as strict as every public page
        assert "script-src 'self';" in policy and "default-src 'self';" in policy and "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_the_policy_holds_for_pages_served_from_the_cache_and_for_previews(client, editor_client, settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    article = ArticleFactory(slug="youtube", body=figure(YOUTUBE))
    client.get("/blog/youtube/")
    hit = client.get("/blog/youtube/")
    assert hit["X-Page-Cache"] == "hit"
    assert "frame-src https://www.youtube-nocookie.com" in hit["Content-Security-Policy"]
    editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), {
        **article_form(slug="youtube", author=article.author_id, status="published", body=figure(VIMEO),
                       edit_version=article.updated_at.isoformat()),
    })
    preview = editor_client.get(reverse("admin:articles_article_draft_preview", args=[article.pk]))
    assert "Play the video (Vimeo)" in preview.content.decode()
    assert "frame-src https://player.vimeo.com" in preview["Content-Security-Policy"]
    cache.clear()
