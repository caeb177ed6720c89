"""A backup restores into an empty database with every page, revision, enquiry and file."""

import io
import json
import shutil
import tarfile

import pytest
import reversion
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from enquiries.models import Enquiry
from publishing.models import Redirect
from search.engine import search_site
from tests.factories import ArticleFactory, FAQFactory, TreatmentFactory
from tests.imagefiles import image_bytes
from tests.treatments.test_gallery_files import addresses, answers, make_pair
from treatments.models import Treatment

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_and_restore_into_an_empty_database(tmp_path, capsys, client, settings):
    with reversion.create_revision():
        article = ArticleFactory(
            slug="restored", title="Restored article",
            hero_image=SimpleUploadedFile("h.png", image_bytes("PNG", (600, 300))),
            hero_image_alt="Consultation room",
        )
    treatment = TreatmentFactory(slug="botox", title="Botox")
    FAQFactory(treatment=treatment, question="Does it hurt?")
    unconsented = make_pair(treatment)  # kept in the backup, and private after the restore
    Enquiry.objects.create(name="Jane", email="jane@example.com", confirmed_adult=True, consented_at=timezone.now())
    hero_name = article.hero_image.name
    archive = tmp_path / "backup.tar.gz"

    call_command("backup", str(archive))
    assert "Backup written" in capsys.readouterr().out

    call_command("flush", interactive=False, verbosity=0)  # an empty database, as after `migrate`
    for root in (settings.CLINIC_PRIVATE_MEDIA_ROOT, settings.MEDIA_ROOT):  # a new machine: no files at all
        shutil.rmtree(root)
    assert not Article.objects.exists() and not default_storage.exists(hero_name)

    call_command("restore", str(archive))
    assert "Restored" in capsys.readouterr().out
    restored = Article.objects.get(slug="restored")
    assert restored.title == "Restored article"
    assert Treatment.objects.get(slug="botox").faqs.get().question == "Does it hurt?"
    assert Enquiry.objects.get().email == "jane@example.com"
    assert Version.objects.get_for_object(restored).count() == 1
    assert default_storage.exists(hero_name)
    assert search_site("restored") == [restored]
    assert client.get("/blog/restored/").status_code == 200
    settings.SERVE_MEDIA = True
    assert client.get(restored.hero_image.url).status_code == 200  # public again: its page is live
    assert all(default_storage.exists(url.removeprefix("/media/")) for url in addresses(unconsented))
    assert answers(client, addresses(unconsented)) == {404}


def test_restore_refuses_a_database_with_content(tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    ArticleFactory()
    with pytest.raises(CommandError, match="already has content"):
        call_command("restore", str(archive))


def test_restore_says_when_the_file_is_missing(tmp_path):
    with pytest.raises(CommandError, match="No backup archive"):
        call_command("restore", str(tmp_path / "nope.tar.gz"))


def test_a_backup_from_before_the_models_moved_restores_its_redirects(tmp_path, client):
    """Archives written while Redirect lived in clinic_site name it "clinic_site.redirect"."""
    article = ArticleFactory(slug="new-address")
    Redirect.record_move("/blog/old-address/", article.get_absolute_url())
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    old_archive = tmp_path / "old-backup.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(old_archive, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == "data.json":
                data = json.loads(content)
                assert any(item["model"] == "publishing.redirect" for item in data)
                content = json.dumps(data).replace('"publishing.redirect"', '"clinic_site.redirect"').encode()
            member.size = len(content)
            target.addfile(member, io.BytesIO(content))
    call_command("flush", interactive=False, verbosity=0)

    call_command("restore", str(old_archive), stdout=io.StringIO())
    assert Redirect.objects.get().old_path == "/blog/old-address/"
    assert client.get("/blog/old-address/")["Location"] == "/blog/new-address/"


def test_backups_are_readable_by_their_owner_only_even_over_an_older_file(tmp_path):
    Enquiry.objects.create(name="Jane", email="jane@example.com", confirmed_adult=True, consented_at=timezone.now())
    archive = tmp_path / "backup.tar.gz"
    archive.write_bytes(b"an older, world-readable file")
    archive.chmod(0o644)
    call_command("backup", str(archive), stdout=io.StringIO())
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as opened:  # and it is a whole, readable archive
        assert "data.json" in opened.getnames()
