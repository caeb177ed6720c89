"""`clean_media` deletes stored files nothing uses (never one a row, working draft, preview link, kept typing or
revision refers to); `sync_media` puts the public copies in step with what patients may see, including on a site
upgraded from the time every upload was public."""

import os
import re
import shutil
import time
from io import StringIO

import pytest
import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from articles.models import Article
from images.models import Image
from images.storage import public_storage, with_renditions
from publishing.models import Autosave, PageDraft, Status
from tests.factories import ArticleFactory, ImageFactory, TreatmentFactory
from tests.imagefiles import image_bytes
from tests.publishing.test_media import hero, upload
from tests.publishing.test_previews import link_to
from tests.publishing.test_roles import member_of
from tests.publishing.test_working_drafts import change_url, draft_form
from tests.treatments.test_gallery_files import addresses, answers, make_pair

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("serve_media")]


def age_every_file(settings, days=2):
    """As if everything stored had been uploaded `days` ago (newer files are left alone)."""
    then = time.time() - days * 24 * 60 * 60
    for root in (settings.CLINIC_PRIVATE_MEDIA_ROOT, settings.MEDIA_ROOT):
        for folder, _, files in os.walk(root):
            for file in files:
                os.utime(os.path.join(folder, file), (then, then))


def clean_media(*args):
    out = StringIO()
    call_command("clean_media", *args, stdout=out)
    return out.getvalue()


def everywhere(name):
    """Every stored file of image `name`: original, renditions, public copies."""
    return [*with_renditions(default_storage, name), *with_renditions(public_storage(), name)]


def exists(name):
    return default_storage.exists(name) or public_storage().exists(name)


def forget_row(image):
    """As a bulk delete (or a crash) leaves a library image's files: no row, no signal."""
    Image.objects.filter(pk=image.pk)._raw_delete(Image.objects.db)


def test_dry_run_lists_unused_files_with_sizes_then_they_are_deleted(committed, settings):
    author, _ = member_of("Author")
    unused = upload(author).removeprefix("/media/")
    forget_row(Image.objects.get(file=unused))
    with committed():
        article = ArticleFactory(hero_image=hero(), hero_image_alt="A calm treatment room")
    age_every_file(settings)

    listed = clean_media("--dry-run")
    assert re.search(rf"private +{re.escape(unused)} +\d+\xa0bytes", listed)
    assert f"renditions/{unused.rpartition('.')[0]}-8.webp" in listed
    assert article.hero_image.file.name.rpartition(".")[0] not in listed
    assert "nothing deleted (--dry-run)" in listed
    assert default_storage.exists(unused)

    assert "Deleted 3 unused file(s)" in clean_media()  # the image, its one rendition and its share crop
    assert not default_storage.exists(unused)
    stem = unused.rpartition("/")[2].rpartition(".")[0]
    assert not [f for f in default_storage.listdir(f"renditions/{unused.rpartition('/')[0]}")[1] if stem in f]
    assert all(exists(file) for file in everywhere(article.hero_image.file.name))
    assert "No unused files." in clean_media()


def test_files_of_deleted_rows_and_their_public_copies_go(committed, settings):
    with committed():
        article = ArticleFactory(hero_image=hero(), hero_image_alt="A calm treatment room")
    files = everywhere(article.hero_image.file.name)
    Article.objects.filter(pk=article.pk).update(hero_image=None)  # as bulk changes leave them: no signal
    forget_row(article.hero_image)
    age_every_file(settings)
    clean_media()
    assert not any(exists(file) for file in files)


def test_recent_uploads_are_left_alone(settings):
    author, _ = member_of("Author")
    unused = upload(author).removeprefix("/media/")  # perhaps in a page being written right now
    assert "No unused files." in clean_media()
    assert default_storage.exists(unused)


def test_a_library_image_stays_when_the_draft_that_chose_it_is_discarded(editor_client, committed, settings):
    with committed():
        article = ArticleFactory(hero_image=hero(), hero_image_alt="A calm treatment room")
        chosen = ImageFactory(file=hero("IMG_0002.jpg"))
    with committed():
        editor_client.post(change_url(article), draft_form(
            article, hero_image=chosen.pk, hero_image_alt="The new treatment room"))
    drafted = everywhere(chosen.file.name)
    assert drafted and PageDraft.objects.exists()
    age_every_file(settings)
    PageDraft.objects.all().delete()  # discarded: the image is still in the library, to be chosen again
    assert "No unused files." in clean_media()
    assert all(default_storage.exists(file) for file in drafted)


def test_a_file_only_the_history_refers_to_is_kept_until_the_history_goes(committed, settings):
    author, _ = member_of("Author")
    url = upload(author)
    old = url.removeprefix("/media/")
    with committed(), transaction.atomic(), reversion.create_revision():
        article = ArticleFactory(body=f'<p>Text.</p><img src="{url}" alt="Peel solution on a tray">')
    with committed():
        article.body = "<p>Text only.</p>"
        article.save()
    forget_row(Image.objects.get(file=old))  # gone from the library (as a bulk delete leaves it), not the history
    age_every_file(settings)
    assert "No unused files." in clean_media()
    assert default_storage.exists(old)

    call_command("deleterevisions", "articles.Article", verbosity=0)  # e.g. a patient asked to be forgotten
    assert old in clean_media("--dry-run")
    clean_media()
    assert not any(exists(file) for file in everywhere(old))


def test_a_file_only_a_preview_link_or_kept_typing_refers_to_is_kept(committed, settings):
    author, author_user = member_of("Author")
    shared, typed = upload(author), upload(author)
    with committed():
        article = ArticleFactory(status=Status.DRAFT, body=f'<p>Text.</p><img src="{shared}" alt="Peel solution">')
    link_to(article)  # shared with a clinician as it was
    with committed():
        article.body = "<p>Text only.</p>"
        article.save()
    Autosave.objects.create(
        user=author_user,
        content_type=ContentType.objects.get_for_model(Article), object_id=article.pk,
        fields={"body": f'<p>Typed.</p><img src="{typed}" alt="Peel solution on a tray">'},
    )
    age_every_file(settings)
    assert "No unused files." in clean_media()
    assert all(default_storage.exists(url.removeprefix("/media/")) for url in (shared, typed))


@pytest.mark.parametrize("where", ["row", "working draft"])
def test_a_file_with_an_odd_name_something_uses_is_never_deleted(committed, settings, where):
    with committed():
        article = ArticleFactory(hero_image=hero(), hero_image_alt="A calm treatment room")
    odd = "heroes/2019/05/Our clinic (front).jpg"  # named before names were random
    with default_storage.open(article.hero_image.file.name, "rb") as content:
        default_storage.save(odd, content)
    Image.objects.filter(pk=article.hero_image_id).update(file=odd)
    if where == "working draft":  # the live page no longer shows it; its draft does
        Article.objects.filter(pk=article.pk).update(hero_image=None)
        PageDraft.objects.create(content_type=ContentType.objects.get_for_model(Article), object_id=article.pk,
                                 data=serializers.serialize("json", [article]))
    age_every_file(settings)
    clean_media()
    assert default_storage.exists(odd)


def test_sync_media_takes_in_an_upgraded_sites_files_and_withdraws_what_patients_may_not_see(settings, client):
    # Made without running what waits for the commit, then moved: the old layout, every upload public.
    live = ArticleFactory(slug="peels", hero_image=hero(), hero_image_alt="A calm treatment room")
    draft = ArticleFactory(status=Status.DRAFT, hero_image=hero(), hero_image_alt="Another treatment room")
    pair = make_pair(TreatmentFactory(slug="botox"))  # no consent
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.move(settings.CLINIC_PRIVATE_MEDIA_ROOT, settings.MEDIA_ROOT)
    assert client.get(draft.hero_image.file.url).status_code == 200  # the leak this fixes

    out = StringIO()
    call_command("sync_media", stdout=out)

    assert "Kept a private copy of" in out.getvalue()
    assert answers(client, addresses(pair)) == {404}
    assert client.get(draft.hero_image.file.url).status_code == 404
    live_files = with_renditions(default_storage, live.hero_image.file.name)
    assert answers(client, [f"/media/{file}" for file in live_files]) == {200}
    editor, _ = member_of("Editor")
    assert answers(editor, addresses(pair)) == {200} and editor.get(draft.hero_image.file.url).status_code == 200


def test_rebuilding_renditions_gives_live_pages_public_copies_of_the_new_ones(committed, settings, client):
    with committed():
        article = ArticleFactory(hero_image=SimpleUploadedFile("r.jpg", image_bytes("JPEG", (1000, 500))),
                                 hero_image_alt="A calm treatment room")
    settings.CLINIC_IMAGE_WIDTHS = [320, 480, 960]
    call_command("rebuild_renditions", stdout=StringIO())
    new = f"/media/renditions/{article.hero_image.file.name.rpartition('.')[0]}-320.webp"
    assert Client().get(new).status_code == 200


def test_before_sync_media_runs_withdrawing_an_image_keeps_it_privately(settings, client, committed):
    live = ArticleFactory(hero_image=hero(), hero_image_alt="A calm treatment room")
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.move(settings.CLINIC_PRIVATE_MEDIA_ROOT, settings.MEDIA_ROOT)  # the old layout: every upload public
    urls = [f"/media/{file}" for file in with_renditions(public_storage(), live.hero_image.file.name)]
    with committed():
        live.status = Status.DRAFT
        live.save()
    assert answers(client, urls) == {404}
    editor, _ = member_of("Editor")
    assert answers(editor, urls) == {200}
