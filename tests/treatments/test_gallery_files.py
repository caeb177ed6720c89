"""A patient's before-and-after photos can be fetched only while their pair is on a live treatment page with the
patient's consent and "show publicly" ticked. Otherwise (no consent, not ticked, deleted, or a draft page) every
address of every photo and rendition answers 404 to the public, however it was found out."""

import re

import pytest
import reversion
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from publishing.models import Status
from tests.factories import TreatmentFactory, UserFactory
from tests.imagefiles import image_bytes
from tests.publishing.test_roles import member_of
from treatments.models import BeforeAfterPair

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("serve_media")]
CONSENTED = {"consent_recorded": True, "consent_reference": "CF-7", "show_publicly": True}


def make_pair(treatment, **fields):
    return BeforeAfterPair.objects.create(
        treatment=treatment,
        before_image=SimpleUploadedFile("IMG_0001.jpg", image_bytes("JPEG", (1000, 600))),
        after_image=SimpleUploadedFile("IMG_0002.jpg", image_bytes("JPEG", (1000, 600))),
        before_alt="Frown lines before", after_alt="Softer frown lines after", caption="Two weeks later",
        **fields,
    )


def stored_with_renditions(name):
    folder, _, stem = f"renditions/{name.rpartition('.')[0]}".rpartition("/")
    return [name, *(f"{folder}/{file}" for file in default_storage.listdir(folder)[1] if file.startswith(f"{stem}-"))]


def addresses(pair):
    """Every address of the pair's photos: the originals and each rendition (what a patient could guess, or kept
    from the time the pair was shown)."""
    files = [file for image in (pair.before_image, pair.after_image) for file in stored_with_renditions(image.name)]
    assert len(files) >= 8  # originals, WebP at two widths, JPEG at one
    return [f"/media/{file}" for file in files]


def answers(client, urls):
    return {client.get(url).status_code for url in urls}


def images_on(html):
    """Every uploaded image address a page links to (src and srcset)."""
    urls = set(re.findall(r'src="(/media/[^"]+)"', html))
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        urls |= {candidate.split()[0] for candidate in srcset.split(", ") if candidate.startswith("/media/")}
    return urls


@pytest.mark.parametrize("fields", [
    {},  # no consent on file
    {"consent_recorded": True, "consent_reference": "CF-7"},  # consent, but staff did not tick "show publicly"
], ids=["no consent", "not shown"])
def test_photos_of_a_pair_not_shown_publicly_answer_404_at_every_address(client, committed, settings, fields):
    with committed():
        pair = make_pair(TreatmentFactory(slug="botox"), **fields)
    urls = addresses(pair)
    assert not any("IMG_000" in url for url in urls)  # stored under random names, never the camera's
    assert answers(client, urls) == {404}
    assert not any((settings.MEDIA_ROOT / url.removeprefix("/media/")).exists() for url in urls)


def test_photos_of_a_consented_pair_on_a_live_page_load_for_everyone(client, committed):
    with committed():
        pair = make_pair(TreatmentFactory(slug="botox"), **CONSENTED)
    html = client.get("/treatments/botox/").content.decode()
    shown = images_on(html)
    assert {pair.before_image.url, pair.after_image.url} <= shown
    assert answers(client, shown) == answers(client, addresses(pair)) == {200}


def test_withdrawing_a_pair_takes_its_photos_away_at_once(client, committed):
    with committed():
        pair = make_pair(TreatmentFactory(slug="botox"), **CONSENTED)
    urls = addresses(pair)
    assert answers(client, urls) == {200}
    with committed():
        pair.show_publicly = False  # the patient asked; staff untick "show publicly"
        pair.save()
    assert answers(client, urls) == {404}
    editor, _ = member_of("Editor")
    assert answers(editor, urls) == {200}  # kept for staff: the pair is still on file


def test_photos_of_a_deleted_pair_answer_404_and_are_deleted_with_their_renditions(client, committed, settings):
    with committed():
        pair = make_pair(TreatmentFactory(slug="botox"), **CONSENTED)
    urls = addresses(pair)
    with committed():
        pair.delete()
    assert answers(client, urls) == {404}
    files = [url.removeprefix("/media/") for url in urls]
    assert not any(default_storage.exists(file) or (settings.MEDIA_ROOT / file).exists() for file in files)


def test_a_deleted_pair_kept_in_the_history_keeps_its_photos_for_staff_only(client, committed):
    with committed(), transaction.atomic(), reversion.create_revision():
        pair = make_pair(TreatmentFactory(slug="botox"), **CONSENTED)
        reversion.add_to_revision(pair)
    urls = addresses(pair)
    with committed():
        pair.delete()  # an Editor can recover it from the history, photos included
    assert answers(client, urls) == {404}
    editor, _ = member_of("Editor")
    assert answers(editor, urls) == {200}


def test_photos_on_a_draft_treatment_page_are_for_staff_until_it_is_published(client, committed):
    with committed():
        treatment = TreatmentFactory(slug="botox", status=Status.DRAFT)
        pair = make_pair(treatment, **CONSENTED)
    urls = addresses(pair)
    assert answers(client, urls) == {404}
    author, _ = member_of("Author")
    staff_preview = author.get("/treatments/botox/").content.decode()
    assert pair.before_image.url in staff_preview
    response = author.get(pair.before_image.url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert answers(author, images_on(staff_preview)) == {200}
    front_desk, _ = member_of("Front desk")
    assert answers(front_desk, urls) == {404}
    signed_in_stranger = client.__class__()
    signed_in_stranger.force_login(UserFactory(is_staff=False))
    assert answers(signed_in_stranger, urls) == {404}

    with committed():
        treatment.status = Status.PUBLISHED
        treatment.save()
    assert answers(client, images_on(client.get("/treatments/botox/").content.decode())) == {200}
    assert answers(client, urls) == {200}
