"""Images of pages patients cannot see (drafts, scheduled and expired pages, working drafts, editor uploads not on
a live page) answer 404 to the public at every address. Staff who may view the page, and whoever holds a live
preview link showing it, get them from the app, never cached; a live page's images load for everyone, and go
public or private by themselves when a page goes live or expires."""

from datetime import timedelta

import pytest
import reversion
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from images.storage import public_storage, with_renditions
from publishing.models import PageDraft, PreviewLink, Status
from tests.factories import ArticleFactory, ImageFactory
from tests.imagefiles import image_bytes
from tests.publishing.test_previews import link_to
from tests.publishing.test_roles import member_of
from tests.publishing.test_scheduled_changes import schedule
from tests.publishing.test_working_drafts import PUBLISH, change_url, draft_form, version_in_form
from tests.treatments.test_gallery_files import answers, images_on

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("serve_media")]


def hero(name="IMG_0001.jpg"):
    return SimpleUploadedFile(name, image_bytes("JPEG", (1000, 600)))


def new_image(name="IMG_0002.jpg"):
    """A library image, as "Upload a new image" makes one."""
    return ImageFactory(file=hero(name), alt_text="The new treatment room")


def article_with_hero(committed, **fields):
    with committed():
        return ArticleFactory(slug="peels", hero_image=hero(), hero_image_alt="A calm treatment room", **fields)


def addresses(name):
    files = with_renditions(default_storage, name)
    assert len(files) >= 4
    return [f"/media/{file}" for file in files]


def upload(client):
    response = client.post(reverse("editor-image-upload"), {"upload": SimpleUploadedFile("a.png", image_bytes())})
    return response.json()["url"]


def test_a_draft_pages_hero_is_for_staff_who_may_view_it_only(client, committed):
    article = article_with_hero(committed, status=Status.DRAFT)
    urls = addresses(article.hero_image.file.name)
    assert answers(client, urls) == {404}
    assert "no-store" in client.get(urls[0])["Cache-Control"]  # nor is "not found" kept: it may go live any time
    for role in ("Author", "Editor", "Clinical reviewer"):
        staff, _ = member_of(role)
        assert answers(staff, urls) == {200}, role
        response = staff.get(urls[0])
        assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex, nofollow"
    front_desk, _ = member_of("Front desk")
    assert answers(front_desk, urls) == {404}


def test_publishing_a_page_makes_its_images_load_for_everyone_and_unpublishing_takes_them_back(client, committed):
    article = article_with_hero(committed, status=Status.DRAFT)
    urls = addresses(article.hero_image.file.name)
    with committed():
        article.status = Status.PUBLISHED
        article.save()
    shown = images_on(client.get("/blog/peels/").content.decode())
    assert article.hero_image.file.url in shown
    assert answers(client, shown) == answers(client, urls) == {200}
    with committed():
        article.status = Status.DRAFT
        article.save()
    assert answers(client, urls) == {404}


def test_a_scheduled_pages_images_go_public_with_the_first_request_after_its_time(client, committed):
    goes_live = timezone.now() + timedelta(hours=2)
    article = article_with_hero(committed, publish_at=goes_live)
    urls = addresses(article.hero_image.file.name)
    assert answers(client, urls) == {404}
    with time_machine.travel(goes_live + timedelta(minutes=5)):
        assert answers(client, urls) == {404}  # an image address alone publishes nothing…
        assert client.get("/").status_code == 200  # …the first page request does, before it shows anything
        assert answers(client, urls) == {200}


def test_an_expiring_pages_images_go_private_after_its_time(client, committed):
    ends = timezone.now() + timedelta(hours=2)
    article = article_with_hero(committed, unpublish_at=ends)
    urls = addresses(article.hero_image.file.name)
    assert answers(client, urls) == {200}
    with time_machine.travel(ends + timedelta(days=3)):  # no visitor for days: caught up on the first
        client.get("/blog/")
        assert answers(client, urls) == {404}


def test_a_preview_link_shows_a_drafts_images_to_whoever_holds_it_until_it_expires(client, committed, settings):
    settings.CLINIC_PREVIEW_MAX_AGE_DAYS = 7
    uploader, _ = member_of("Author")
    body_image = upload(uploader)
    article = article_with_hero(
        committed, status=Status.DRAFT, body=f'<p>Text.</p><img src="{body_image}" alt="Peel solution on a tray">'
    )
    url = link_to(article)
    html = client.get(url).content.decode()
    shown = images_on(html)
    assert {article.hero_image.file.url, body_image} <= shown
    assert answers(client, shown) == {200}
    assert answers(Client(), shown) == {404}  # without the link

    with time_machine.travel(timezone.now() + timedelta(days=6)):
        assert client.get(url).status_code == 200  # opened again: the browser remembers it afresh
    with time_machine.travel(timezone.now() + timedelta(days=7, hours=1)):
        assert client.get(url).status_code == 404
        assert answers(client, shown) == {404}


def test_a_revoked_preview_link_shows_no_images(client, committed):
    article = article_with_hero(committed, status=Status.DRAFT)
    client.get(link_to(article))
    assert client.get(article.hero_image.file.url).status_code == 200
    PreviewLink.objects.update(revoked_at=timezone.now())
    assert client.get(article.hero_image.file.url).status_code == 404


def test_a_preview_link_shows_only_the_images_of_its_own_page(client, committed):
    shared = article_with_hero(committed, status=Status.DRAFT)
    with committed():
        other = ArticleFactory(status=Status.DRAFT, hero_image=hero(), hero_image_alt="Another treatment room")
    client.get(link_to(shared))
    assert client.get(shared.hero_image.file.url).status_code == 200
    assert client.get(other.hero_image.file.url).status_code == 404


def test_a_forged_preview_cookie_shows_nothing(client, committed):
    article = article_with_hero(committed, status=Status.DRAFT)
    link_to(article)
    client.cookies["clinic_previews"] = str(PreviewLink.objects.get().pk)
    assert client.get(article.hero_image.file.url).status_code == 404


def test_a_working_drafts_new_hero_stays_private_until_the_changes_are_published(client, editor_client, committed):
    with committed(), transaction.atomic(), reversion.create_revision():  # as the admin makes pages: with history
        article = ArticleFactory(hero_image=hero(), hero_image_alt="A calm treatment room")
    old = addresses(article.hero_image.file.name)
    with committed():
        chosen = new_image()
        response = editor_client.post(change_url(article), draft_form(
            article, hero_image=chosen.pk, hero_image_alt="The new treatment room"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert addresses(article.hero_image.file.name) == old  # the live page is unchanged
    draft_preview = editor_client.get(reverse("admin:articles_article_draft_preview", args=[article.pk]))
    new = [url for url in images_on(draft_preview.content.decode()) if url not in old]
    assert new
    assert answers(client, old) == {200} and answers(client, new) == {404}
    assert answers(editor_client, new) == {200}
    author, _ = member_of("Author")
    assert answers(author, new) == {200}
    preview_holder = Client()
    preview_holder.get(link_to(article))
    assert answers(preview_holder, new) == {200}

    with committed():
        editor_client.post(change_url(article), draft_form(
            article, hero_image=chosen.pk, hero_image_alt="The new treatment room",
            edit_version=version_in_form(editor_client, article), **PUBLISH))
    article.refresh_from_db()
    assert f"/media/{article.hero_image.file.name}" in new
    assert answers(client, new) == {200} and answers(client, old) == {404}
    assert answers(editor_client, old) == {200}  # the history still shows the old version


def test_editor_uploads_are_private_until_a_live_page_uses_them(client, committed):
    author, _ = member_of("Author")
    url = upload(author)
    assert client.get(url).status_code == 404
    assert author.get(url).status_code == 200  # the editor shows it at once
    front_desk, _ = member_of("Front desk")
    assert front_desk.get(url).status_code == 404
    with committed():
        article = ArticleFactory(slug="peels", body=f'<p>Text.</p><img src="{url}" alt="Peel solution on a tray">')
    assert answers(client, images_on(client.get("/blog/peels/").content.decode())) == {200}
    with committed():
        article.body = "<p>Text only.</p>"
        article.save()
    assert client.get(url).status_code == 404


def test_an_image_on_two_pages_stays_public_while_either_is_live(client, committed):
    author, _ = member_of("Author")
    url = upload(author)
    body = f'<p>Text.</p><img src="{url}" alt="Peel solution on a tray">'
    with committed():
        first, second = ArticleFactory(body=body), ArticleFactory(body=body)
    with committed():
        first.delete()
    assert client.get(url).status_code == 200
    with committed():
        second.status = Status.DRAFT
        second.save()
    assert client.get(url).status_code == 404
    assert author.get(url).status_code == 200


def test_a_replaced_hero_stays_in_the_library_privately_and_goes_when_the_library_image_is_deleted(client, committed):
    article = article_with_hero(committed)
    first = article.hero_image
    old_files = with_renditions(default_storage, first.file.name)
    assert any("-crop" in file for file in old_files)  # the share crop goes public and private with it
    assert all(public_storage().exists(file) for file in old_files)
    with committed():
        article.hero_image = new_image()
        article.save()
    assert all(default_storage.exists(file) for file in old_files)  # still in the library, to be reused
    assert not any(public_storage().exists(file) for file in old_files)
    with committed():
        first.delete()
    assert not any(default_storage.exists(file) or public_storage().exists(file) for file in old_files)


def test_an_image_a_working_draft_still_shows_is_kept_when_the_live_page_drops_it(editor_client, committed):
    article = article_with_hero(committed)
    editor_client.post(change_url(article), draft_form(article, body="<p>New advice.</p>",
                                                       hero_image_alt="A calm treatment room"))
    assert PageDraft.objects.exists()
    files = with_renditions(default_storage, article.hero_image.file.name)
    with committed():
        article.hero_image = None  # changed outside the admin, say
        article.save()
    assert all(default_storage.exists(file) for file in files)  # publishing the draft brings it back


def test_an_image_the_history_refers_to_is_kept_privately(client, committed):
    with committed(), transaction.atomic(), reversion.create_revision():
        article = ArticleFactory(hero_image=hero(), hero_image_alt="A calm treatment room")
    urls = addresses(article.hero_image.file.name)
    with committed():
        article.hero_image = new_image()
        article.save()
    assert answers(client, urls) == {404}
    assert all(default_storage.exists(url.removeprefix("/media/")) for url in urls)  # a revert brings it back


def test_a_library_image_a_page_shows_cannot_be_deleted(committed):
    article = article_with_hero(committed)
    files = with_renditions(default_storage, article.hero_image.file.name)
    with pytest.raises(ProtectedError), committed():
        article.hero_image.delete()
    assert all(default_storage.exists(file) and public_storage().exists(file) for file in files)


@pytest.mark.parametrize("path", [
    "/media/", "/media/renditions/", "/media/heroes", "/media/../clinic_site/settings.py", "/media/%2e%2e/x.jpg",
    "/media//etc/passwd", "/media/no-such-file.jpg",
])
def test_odd_addresses_answer_nothing_to_staff_either(editor_client, path):
    response = editor_client.get(path)
    assert response.status_code in (400, 404)  # 400: a path that climbs out of the folder
    assert not response.has_header("Content-Disposition")


def test_without_django_serving_media_the_app_still_answers_staff_for_private_files(client, committed, settings):
    settings.SERVE_MEDIA = False  # nginx serves the public copies and passes the rest on
    article = article_with_hero(committed, status=Status.DRAFT)
    editor, _ = member_of("Editor")
    assert editor.get(article.hero_image.file.url).status_code == 200
    assert client.get(article.hero_image.file.url).status_code == 404


def test_reverting_to_an_older_version_brings_its_image_back_for_patients(client, committed):
    with committed(), transaction.atomic(), reversion.create_revision():
        article = ArticleFactory(hero_image=hero(), hero_image_alt="A calm treatment room")
    first = addresses(article.hero_image.file.name)
    with committed(), transaction.atomic(), reversion.create_revision():
        article.hero_image = new_image()
        article.save()
    assert answers(client, first) == {404}
    with committed(), transaction.atomic():
        Version.objects.get_for_object(article).last().revision.revert()
    assert answers(client, first) == {200}


def test_scheduled_changes_publish_their_new_image_when_they_go_live(client, editor_client, committed):
    article = article_with_hero(committed)
    when = timezone.localtime() + timedelta(days=1)
    with committed():
        schedule(editor_client, article, when, hero_image=new_image().pk, hero_image_alt="The new room")
    new = [url for url in images_on(editor_client.get(
        reverse("admin:articles_article_draft_preview", args=[article.pk])).content.decode())
        if article.hero_image.file.name.rpartition(".")[0] not in url]
    assert new and answers(client, new) == {404}
    with time_machine.travel(when + timedelta(minutes=1)), committed():
        client.get("/blog/")
    assert answers(client, new) == {200}
