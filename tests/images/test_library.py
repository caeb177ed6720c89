"""The image library: uploads become reusable images with their description and focal point; pages choose them;
patients see them only on live pages; staff see where each is used, and cannot delete one a page shows."""

import html
import json
import re
from datetime import date

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from images.models import Image
from images.storage import public_storage
from publishing.models import Status
from tests.factories import ArticleFactory, ClinicianFactory, ImageFactory, TreatmentFactory
from tests.imagefiles import image_bytes
from tests.publishing.test_roles import member_of
from tests.publishing.test_working_drafts import change_url, draft_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("serve_media")]

ADD = reverse("admin:images_image_add")
LIST = reverse("admin:images_image_changelist")
CHOOSER = reverse("admin:images_image_choose")


def photo(name="IMG_0001.jpg", size=(1200, 800)):
    return SimpleUploadedFile(name, image_bytes("JPEG", size))


def image_url(image):
    return reverse("admin:images_image_change", args=[image.pk])


def upload(client, **fields):
    return client.post(ADD, {"file": photo(), "title": "", "alt_text": "", "decorative": "", **fields})


# Uploading and describing

def test_an_upload_becomes_a_described_library_image_private_until_a_live_page_shows_it(committed):
    author, author_user = member_of("Author")
    with committed():
        response = upload(author, alt_text="Practitioner marking injection points on a forehead")
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.title == "Practitioner marking injection points on a forehead"  # filled in from the description
    assert image.uploaded_by == author_user and (image.width, image.height) == (1200, 800)
    patient = Client()
    assert patient.get(image.file.url).status_code == 404  # private: no live page shows it yet
    assert author.get(image.file.url).status_code == 200
    with committed():
        article = ArticleFactory(slug="peels", hero_image=image)
    assert patient.get(image.file.url).status_code == 200
    assert patient.get(image.share_crop_url).status_code == 200
    with committed():
        article.status = Status.DRAFT
        article.save()
    assert patient.get(image.file.url).status_code == 404


def test_an_image_without_a_description_is_refused_unless_decorative():
    author, _ = member_of("Author")
    response = upload(author)
    assert response.status_code == 200
    assert "Describe the image for people who cannot see it, or tick “decorative”" in response.content.decode()
    assert not Image.objects.exists()
    assert upload(author, decorative="on").status_code == 302


def test_a_file_name_as_description_is_refused_with_the_reason():
    author, _ = member_of("Author")
    response = upload(author, alt_text="IMG_0001.jpg")
    assert "looks like a file name" in response.content.decode()


def test_a_non_image_upload_is_refused_with_a_clear_message():
    author, _ = member_of("Author")
    response = upload(author, file=SimpleUploadedFile("notes.jpg", b"not a photo"), alt_text="A treatment room")
    assert response.status_code == 200
    assert "not an image we can read" in response.content.decode()
    assert not Image.objects.exists()


@pytest.mark.parametrize("x, y", [(101, 50), (50, 250)])
def test_a_focal_point_outside_the_picture_is_refused(x, y):
    editor, _ = member_of("Editor")
    image = ImageFactory()
    response = editor.post(image_url(image), {
        "title": image.title, "alt_text": image.alt_text, "focal_x": x, "focal_y": y})
    assert response.status_code == 200
    assert "less than or equal to 100" in response.content.decode()
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (50, 50)


# Using images on pages

def test_a_page_uses_the_librarys_description_unless_it_gives_its_own(client):
    image = ImageFactory(alt_text="Nurse smiling in the consultation room")
    ArticleFactory(slug="plain", hero_image=image)
    ArticleFactory(slug="own", hero_image=image, hero_image_alt="Our nurse before a consultation")
    assert 'alt="Nurse smiling in the consultation room"' in client.get("/blog/plain/").content.decode()
    own = client.get("/blog/own/").content.decode()
    assert 'alt="Our nurse before a consultation"' in own and "Nurse smiling" not in own


def test_a_page_cannot_use_an_undescribed_image_without_its_own_text(editor_client):
    image = ImageFactory(alt_text="", decorative=False)
    article = ArticleFactory(status=Status.DRAFT)
    response = editor_client.post(change_url(article), draft_form(article, status=Status.DRAFT, hero_image=image.pk))
    assert response.status_code == 200
    assert f"the library's image “{image.title}” has no description" in html.unescape(response.content.decode())
    response = editor_client.post(change_url(article), draft_form(
        article, status=Status.DRAFT, hero_image=image.pk, hero_image_alt="Nurse preparing a consultation room"))
    assert response.status_code == 302


def test_changing_a_description_or_focal_point_updates_live_pages_at_once_and_keeps_the_review(client, committed,
                                                                                                settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = 600
    image = ImageFactory(alt_text="Nurse smiling in the consultation room")
    with committed():
        article = ArticleFactory(slug="peels", hero_image=image, reviewed_by=ClinicianFactory(),
                                 last_reviewed=date.today())
    assert article.review_is_current()
    page = client.get("/blog/peels/").content.decode()  # now cached
    assert 'class="focus-x50 focus-y50"' in page
    old_crop = image.share_crop_name()
    editor, _ = member_of("Editor")
    with committed():
        response = editor.post(image_url(image), {
            "title": image.title, "alt_text": "Nurse welcoming a patient", "focal_x": 20, "focal_y": 35})
    assert response.status_code == 302
    image.refresh_from_db()
    page = client.get("/blog/peels/").content.decode()
    assert 'alt="Nurse welcoming a patient"' in page
    assert 'class="focus-x20 focus-y35"' in page  # the hero and cards crop around the face
    og = re.search(r'<meta property="og:image" content="([^"]+)"', page)[1]
    assert og.endswith(image.share_crop_name()) and "crop20x35" in og
    assert '<meta property="og:image:width" content="1200">' in page
    assert client.get(og.removeprefix("http://testserver")).status_code == 200
    assert not default_storage.exists(old_crop) and not public_storage().exists(old_crop)
    article.refresh_from_db()
    assert article.review_is_current()  # a description is not medical content


def test_the_focal_class_rounds_to_the_steps_the_style_sheet_has():
    assert Image(focal_x=0, focal_y=100).focal_class == "focus-x0 focus-y100"
    assert Image(focal_x=33, focal_y=67).focal_class == "focus-x35 focus-y65"
    css = open("static/css/site.css").read()
    assert all(f".focus-x{v} {{" in css and f".focus-y{v} {{" in css for v in range(0, 101, 5))


def test_the_share_crop_keeps_the_focal_point_in_view():
    from images.pipeline import crop_box

    assert crop_box(2000, 2000, 50, 10, (1200, 630)) == (0, 0, 2000, 1050)  # at the top, as far as it goes
    assert crop_box(2000, 2000, 50, 50, (1200, 630)) == (0, 475, 2000, 1525)
    assert crop_box(4000, 1000, 90, 50, (1200, 630)) == (2095, 0, 4000, 1000)


def test_the_page_form_shows_a_thumbnail_of_the_chosen_image_and_the_chooser(editor_client):
    image = ImageFactory(title="Consultation room")
    article = ArticleFactory(hero_image=image)
    html = editor_client.get(change_url(article)).content.decode()
    assert f'src="{image.thumbnail_url}"' in html
    assert "Choose from library" in html and "Upload a new image" in html
    assert re.search(rf'<option value="{image.pk}" selected data-thumb="[^"]+" data-share-url="[^"]+">'
                     r"Consultation room</option>", html)


def test_an_image_chosen_in_the_form_shows_in_the_live_preview(editor_client):
    image = ImageFactory(alt_text="Nurse smiling in the consultation room")
    article = ArticleFactory(status=Status.DRAFT)
    data = draft_form(article, status=Status.DRAFT, hero_image=image.pk)
    html = editor_client.post(change_url(article) + "preview/", data).content.decode()
    assert image.file.url in html and 'alt="Nurse smiling in the consultation room"' in html


def test_editor_uploads_go_into_the_library():
    author, author_user = member_of("Author")
    response = author.post(reverse("editor-image-upload"), {"upload": photo("Botox vial.jpg")})
    image = Image.objects.get()
    assert response.json()["url"] == image.file.url
    assert image.title == "Botox vial" and image.uploaded_by == author_user


# The library's pages

def test_the_library_lists_thumbnails_and_finds_images_by_words_and_by_use():
    used = ImageFactory(title="Consultation room", alt_text="Nurse in the consultation room")
    ImageFactory(title="Reception", alt_text="The front desk with flowers")
    ArticleFactory(hero_image=used)
    author, _ = member_of("Author")
    listing = author.get(LIST).content.decode()
    assert f'src="{used.thumbnail_url}"' in listing and "Reception" in listing
    found = author.get(LIST, {"q": "flowers"}).content.decode()
    assert "Reception" in found and "Consultation room" not in found
    assert "Reception" not in author.get(LIST, {"use": "used"}).content.decode()
    unused = author.get(LIST, {"use": "unused"}).content.decode()
    assert "Reception" in unused and "Consultation room" not in unused


def test_an_images_page_says_where_it_is_used_with_links(editor_client):
    image = ImageFactory()
    hero = TreatmentFactory(title="Botox", hero_image=image)
    shared = ArticleFactory(title="Peels explained", share_image=image, share_image_alt="A peel tray")
    in_text = ArticleFactory(title="Aftercare", body=f'<p>Text.</p><img src="{image.file.url}" alt="Tray of peel">')
    ArticleFactory(title="Unrelated")
    html = editor_client.get(image_url(image)).content.decode()
    for page, how in ((hero, "hero image"), (shared, "share image"), (in_text, "in the text")):
        assert f'<a href="{page.get_admin_url()}">{page.title}</a> ({page.kind}: {how},' in html
    assert "Unrelated" not in html
    assert 'data-focal-picker' in html and "Cards in lists" in html and "Share image (1200 × 630)" in html


def test_an_image_a_page_uses_cannot_be_deleted_and_the_page_says_where(committed):
    editor, _ = member_of("Editor")
    image = ImageFactory()
    article = ArticleFactory(title="Peels explained", hero_image=image)
    in_text = ArticleFactory(title="Aftercare", body=f'<p>Text.</p><img src="{image.file.url}" alt="Tray of peel">')
    delete_url = reverse("admin:images_image_delete", args=[image.pk])
    html = editor.get(delete_url).content.decode()
    assert "would require deleting the following protected related objects" in html
    assert "Peels explained" in html and f'<a href="{in_text.get_admin_url()}">Aftercare</a>' in html
    with committed():
        editor.post(delete_url, {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists() and default_storage.exists(image.file.name)
    article.hero_image = None
    article.save()
    in_text.body = "<p>Text only.</p>"
    in_text.save()
    with committed():
        assert editor.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Image.objects.exists() and not default_storage.exists(image.file.name)


def test_delete_selected_in_the_list_refuses_an_image_a_pages_text_uses_too(committed):
    """Django's bulk "Delete selected" is the other way to delete: it must refuse the same images."""
    editor, _ = member_of("Editor")
    image = ImageFactory()
    ArticleFactory(title="Aftercare", body=f'<p>Text.</p><img src="{image.file.url}" alt="Tray of peel">')
    with committed():
        answer = editor.post(LIST, {"action": "delete_selected", "_selected_action": [image.pk], "post": "yes"})
    assert "Aftercare" in answer.content.decode()
    assert Image.objects.filter(pk=image.pk).exists() and default_storage.exists(image.file.name)


def test_front_desk_cannot_read_an_images_history_and_a_reviewer_cannot_change_it():
    image = ImageFactory(alt_text="Reception desk")
    front_desk, _ = member_of("Front desk")
    reviewer, _ = member_of("Clinical reviewer")
    history = reverse("admin:images_image_history", args=[image.pk])
    assert front_desk.get(history).status_code == 403
    assert reviewer.get(history).status_code == 200
    assert reviewer.post(image_url(image), {"title": "x", "alt_text": "Changed"}).status_code == 403
    image.refresh_from_db()
    assert image.alt_text == "Reception desk"


# Who may do what

def test_authors_add_and_change_images_but_only_editors_delete():
    image = ImageFactory()
    author, _ = member_of("Author")
    assert author.get(ADD).status_code == 200
    assert author.post(image_url(image), {"title": "Renamed", "alt_text": image.alt_text,
                                          "focal_x": 40, "focal_y": 40}).status_code == 302
    assert author.get(reverse("admin:images_image_delete", args=[image.pk])).status_code == 403
    editor, _ = member_of("Editor")
    assert editor.post(reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"}).status_code == 302


def test_clinical_reviewers_only_look_and_the_front_desk_sees_nothing():
    image = ImageFactory()
    reviewer, _ = member_of("Clinical reviewer")
    assert reviewer.get(LIST).status_code == 200
    assert reviewer.get(ADD).status_code == 403
    assert reviewer.post(image_url(image), {"title": "Renamed", "alt_text": "A room", "focal_x": 1,
                                            "focal_y": 1}).status_code == 403
    assert reviewer.get(CHOOSER).status_code == 403  # they choose nothing: they change no page
    front_desk, _ = member_of("Front desk")
    assert front_desk.get(LIST).status_code == 403
    assert front_desk.get(image_url(image)).status_code == 403
    assert front_desk.get(CHOOSER).status_code == 403
    assert front_desk.get(image.file.url).status_code == 404
    assert front_desk.post(reverse("editor-image-upload"), {"upload": photo()}).status_code == 403


def test_the_chooser_finds_images_by_title_or_description_for_those_who_write():
    ImageFactory(title="Consultation room", alt_text="Nurse in the consultation room")
    wanted = ImageFactory(title="Reception", alt_text="The front desk with flowers")
    author, _ = member_of("Author")
    found = author.get(CHOOSER, {"q": "front flowers"}).json()["images"]
    assert [image["id"] for image in found] == [wanted.pk]
    assert found[0]["thumb"] == wanted.thumbnail_url and found[0]["share"] == wanted.share_crop_url
    assert len(author.get(CHOOSER).json()["images"]) == 2
    assert author.get(CHOOSER, {"id": wanted.pk}).json()["images"][0]["title"] == "Reception"
    assert Client().get(CHOOSER).status_code == 302  # to the sign-in page


def test_thumbnails_come_from_renditions_made_at_upload():
    image = ImageFactory(file=photo(size=(2000, 1000)))
    assert image.thumbnail_url.endswith("-480.webp") and default_storage.exists(
        image.thumbnail_url.removeprefix("/media/"))


def test_chooser_answers_json_never_cached():
    author, _ = member_of("Author")
    response = author.get(CHOOSER)
    assert "no-cache" in response["Cache-Control"] and json.loads(response.content) == {"images": []}


def test_gallery_pairs_and_clinicians_show_thumbnails_and_pairs_stay_out_of_the_library(editor_client):
    from tests.treatments.test_gallery_files import make_pair

    treatment = TreatmentFactory()
    pair = make_pair(treatment)
    html = editor_client.get(change_url(treatment)).content.decode()
    smallest = pair.before_image.name.rpartition(".")[0]
    assert f'src="/media/renditions/{smallest}-' in html
    assert "Patient photos stay out of the image library" in html
    assert not Image.objects.exists()
    clinician = ClinicianFactory(photo=photo("portrait.jpg", (600, 800)))
    listing = editor_client.get(reverse("admin:clinicians_clinician_changelist")).content.decode()
    assert f'src="/media/renditions/{clinician.photo.name.rpartition(".")[0]}-480.webp"' in listing


def test_an_image_a_live_pages_unpublished_changes_choose_cannot_be_deleted(editor_client, committed):
    image = ImageFactory()
    article = ArticleFactory(title="Peels explained")
    editor_client.post(change_url(article), draft_form(article, hero_image=image.pk))  # a draft: the live page stays
    article.refresh_from_db()
    assert article.hero_image is None
    html = editor_client.get(image_url(image)).content.decode()
    assert "Peels explained</a> (Article: in its unpublished changes" in html
    editor, _ = member_of("Editor")
    delete_url = reverse("admin:images_image_delete", args=[image.pk])
    assert "in its unpublished changes" in editor.get(delete_url).content.decode()
    with committed():
        editor.post(delete_url, {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()


def test_an_upload_described_in_the_editor_gives_the_library_its_description():
    author, _ = member_of("Author")
    url = author.post(reverse("editor-image-upload"), {"upload": photo()}).json()["url"]
    image = Image.objects.get()
    assert image.alt_text == ""
    ArticleFactory(body=f'<p>Text.</p><img src="{url}" alt="Peel solution on a tray">')
    image.refresh_from_db()
    assert image.alt_text == "Peel solution on a tray"
    ArticleFactory(body=f'<p>Text.</p><img src="{url}" alt="Another wording">')
    image.refresh_from_db()
    assert image.alt_text == "Peel solution on a tray"  # a description, once given, is the library's to change
