"""A backup restores into an empty database with every page, revision, enquiry and file."""

import io
import json
import random
import shutil
import tarfile

import pytest
import reversion
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from audit.models import BackupRun
from clinic_site.backup import stored_files
from clinic_site.backup_encryption import CHUNK, HEADER_BYTES
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
    hero_name = article.hero_image.file.name
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
    assert client.get(restored.hero_image.file.url).status_code == 200  # public again: its page is live
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


# Encrypted backups (CLINIC_BACKUP_KEY).

def new_key():
    out = io.StringIO()
    call_command("backup", generate_key=True, stdout=out)
    return out.getvalue().strip()


def make_enquiry():
    return Enquiry.objects.create(
        name="Jane Patient", email="jane.patient@example.com", message="Asking about my rosacea treatment.",
        confirmed_adult=True, consented_at=timezone.now(),
    )


@pytest.fixture
def encrypted_backup(tmp_path, settings):
    """An encrypted backup of a page with a photo and an enquiry, and an empty database to restore it into."""
    settings.CLINIC_BACKUP_KEY = new_key()
    article = ArticleFactory(
        slug="restored", hero_image=SimpleUploadedFile("h.png", image_bytes("PNG", (600, 300))),
        hero_image_alt="Consultation room",
    )
    make_enquiry()
    archive = tmp_path / "backup.tar.gz.enc"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "encrypted with CLINIC_BACKUP_KEY" in out.getvalue()
    call_command("flush", interactive=False, verbosity=0)
    default_storage.delete(article.hero_image.file.name)
    return archive, article.hero_image.file.name


def nothing_was_restored(hero_name):
    return not Article.objects.exists() and not Enquiry.objects.exists() and not default_storage.exists(hero_name)


def test_an_encrypted_backup_restores_with_its_key(encrypted_backup, client):
    archive, hero_name = encrypted_backup
    assert archive.stat().st_mode & 0o777 == 0o600
    call_command("restore", str(archive), stdout=io.StringIO())
    assert Enquiry.objects.get().email == "jane.patient@example.com"
    assert default_storage.exists(hero_name)
    assert client.get("/blog/restored/").status_code == 200


def test_an_encrypted_backup_gives_nothing_away_without_the_key(tmp_path, settings):
    make_enquiry()
    plain, encrypted = tmp_path / "plain.tar.gz", tmp_path / "encrypted.tar.gz.enc"
    call_command("backup", str(plain), stdout=io.StringIO())
    settings.CLINIC_BACKUP_KEY = new_key()
    call_command("backup", str(encrypted), stdout=io.StringIO())
    with tarfile.open(plain) as opened:  # what the plain one gives to anyone who copies it
        assert b"jane.patient@example.com" in opened.extractfile("data.json").read()
    raw = encrypted.read_bytes()
    assert not tarfile.is_tarfile(encrypted) and not raw.startswith(b"\x1f\x8b")  # not even a gzip file
    for secret in (b"jane.patient@example.com", b"rosacea", b"Jane Patient", b"pbkdf2", b"data.json"):
        assert secret not in raw


def test_restoring_an_encrypted_backup_without_a_key_says_which_setting_to_set(encrypted_backup, settings):
    archive, hero_name = encrypted_backup
    settings.CLINIC_BACKUP_KEY = ""
    with pytest.raises(CommandError, match="This backup is encrypted: set CLINIC_BACKUP_KEY to the key it was"):
        call_command("restore", str(archive))
    assert nothing_was_restored(hero_name)


def test_restoring_with_a_different_key_says_so(encrypted_backup, settings):
    archive, hero_name = encrypted_backup
    settings.CLINIC_BACKUP_KEY = new_key()
    with pytest.raises(CommandError, match="encrypted with a different key"):
        call_command("restore", str(archive))
    assert nothing_was_restored(hero_name)


def test_a_key_that_is_not_a_key_is_refused_before_anything_is_written(tmp_path, settings):
    settings.CLINIC_BACKUP_KEY = "my-clinic-password"
    with pytest.raises(CommandError, match="not a backup key.*--generate-key"):
        call_command("backup", str(tmp_path / "backup.tar.gz.enc"))
    assert not (tmp_path / "backup.tar.gz.enc").exists()


@pytest.mark.parametrize("where", ["header", "first chunk", "last byte"])
def test_an_altered_encrypted_backup_is_refused_whole(encrypted_backup, where):
    archive, hero_name = encrypted_backup
    raw = bytearray(archive.read_bytes())
    position = {"header": 20, "first chunk": 200, "last byte": len(raw) - 1}[where]
    raw[position] ^= 0x01
    archive.write_bytes(bytes(raw))
    with pytest.raises(CommandError, match="damaged or was altered"):
        call_command("restore", str(archive))
    assert nothing_was_restored(hero_name)


def test_a_cut_short_encrypted_backup_is_refused_whole(encrypted_backup):
    archive, hero_name = encrypted_backup
    archive.write_bytes(archive.read_bytes()[:-100])
    with pytest.raises(CommandError, match="incomplete"):
        call_command("restore", str(archive))
    assert nothing_was_restored(hero_name)


def test_a_big_backup_is_encrypted_in_chunks_that_cannot_be_reordered_or_dropped(tmp_path, settings):
    """Several 1 MiB chunks: a restore reads them in order, and a file missing one is refused."""
    settings.CLINIC_BACKUP_KEY = new_key()
    photo = default_storage.save("gallery/noise.bin", ContentFile(random_bytes(3 * CHUNK)))
    archive = tmp_path / "big.tar.gz.enc"
    call_command("backup", str(archive), stdout=io.StringIO())
    raw = archive.read_bytes()
    default_storage.delete(photo)
    call_command("flush", interactive=False, verbosity=0)
    first_length = int.from_bytes(raw[HEADER_BYTES:HEADER_BYTES + 4], "big")
    second_chunk_at = HEADER_BYTES + 4 + first_length
    second_length = int.from_bytes(raw[second_chunk_at:second_chunk_at + 4], "big")
    without_second = raw[:second_chunk_at] + raw[second_chunk_at + 4 + second_length:]
    archive.write_bytes(without_second)
    with pytest.raises(CommandError, match="damaged or was altered"):
        call_command("restore", str(archive))
    assert not default_storage.exists(photo)
    archive.write_bytes(raw)
    call_command("restore", str(archive), stdout=io.StringIO())
    assert default_storage.open(photo).read() == random_bytes(3 * CHUNK)


def random_bytes(size):
    return random.Random(7).randbytes(size)


def test_an_old_unencrypted_backup_still_restores_once_a_key_is_set(tmp_path, settings):
    make_enquiry()
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    call_command("flush", interactive=False, verbosity=0)
    settings.CLINIC_BACKUP_KEY = new_key()
    call_command("restore", str(archive), stdout=io.StringIO())
    assert Enquiry.objects.get().email == "jane.patient@example.com"


def test_a_file_that_is_not_a_backup_is_refused_clearly(tmp_path):
    archive = tmp_path / "notes.tar.gz"
    archive.write_bytes(b"shopping list: milk, eggs")
    with pytest.raises(CommandError, match="not a backup archive, or it is damaged"):
        call_command("restore", str(archive))


def test_each_backup_and_restore_is_recorded_with_the_file_and_server_account(encrypted_backup):
    archive, _ = encrypted_backup  # the backup's own record went with the flush, as it would with a lost database
    call_command("restore", str(archive), stdout=io.StringIO())
    run = BackupRun.objects.get()
    assert (run.action, run.path, run.encrypted) == (BackupRun.Action.RESTORE, str(archive), True)
    assert run.run_by and run.summary == f"{len(list(stored_files()))} files"
    again = archive.with_name("again.tar.gz.enc")
    call_command("backup", str(again), stdout=io.StringIO())
    latest = BackupRun.objects.first()
    assert (latest.action, latest.path, latest.encrypted) == (BackupRun.Action.BACKUP, str(again), True)
