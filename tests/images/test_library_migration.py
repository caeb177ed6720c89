"""The upgrade to the image library: every hero and share image file becomes one library image (the file kept where
it is), described with the page's alt text; drafts and the history follow."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from images.pipeline import make_renditions
from tests.imagefiles import image_bytes

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0009_seo_noindex_and_share_image"), ("treatments", "0010_seo_noindex_and_share_image")]


ALSO_SEEN = [("publishing", "0010_editors_edit_redirects"), ("contenttypes", "0002_remove_content_type_name")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets + ALSO_SEEN).apps


def stored_photo(name):
    name = default_storage.save(name, ContentFile(image_bytes("JPEG", (1000, 600))))
    make_renditions(default_storage, name)
    return name


def test_hero_and_share_files_become_library_images_described_as_the_pages_described_them():
    leaf = [node for node in MigrationExecutor(connection).loader.graph.leaf_nodes()
            if node[0] in ("articles", "treatments", "images")]
    old = migrate(BEFORE)
    Article, Treatment = old.get_model("articles", "Article"), old.get_model("treatments", "Treatment")
    PageDraft, ContentType = old.get_model("publishing", "PageDraft"), old.get_model("contenttypes", "ContentType")
    shared, share = stored_photo("heroes/2026/05/room.jpg"), stored_photo("share/2026/05/card.jpg")
    page = {"summary": ".", "body": "<p>.</p>", "status": "published"}
    first = Article.objects.create(title="Peels", slug="peels", hero_image=shared, hero_image_width=1000,
                                   hero_image_height=600, hero_image_alt="A calm treatment room",
                                   share_image=share, share_image_alt="Smiling patient", **page)
    second = Article.objects.create(title="Aftercare", slug="aftercare", hero_image=shared, hero_image_width=1000,
                                    hero_image_height=600, hero_image_alt="Our room, ready for you", **page)
    Treatment.objects.create(title="Botox", slug="botox", category="non_surgical", risks="<p>.</p>",
                             hero_image=stored_photo("heroes/2026/05/pattern.jpg"), hero_image_decorative=True, **page)
    article_type = ContentType.objects.get(app_label="articles", model="article")
    fields = {"title": "Peels", "hero_image": shared, "hero_image_width": 1000, "hero_image_height": 600,
              "hero_image_alt": "A calm treatment room", "share_image": "", "share_image_alt": ""}
    PageDraft.objects.create(content_type=article_type, object_id=first.pk,
                             data=json.dumps([{"model": "articles.article", "pk": first.pk, "fields": fields}]))

    new = migrate(leaf)
    Image = new.get_model("images", "Image")
    Article, Treatment = new.get_model("articles", "Article"), new.get_model("treatments", "Treatment")
    assert Image.objects.count() == 3  # one per file, however many pages show it
    room = Image.objects.get(file=shared)
    assert (room.alt_text, room.width, room.height) == ("A calm treatment room", 1000, 600)
    assert default_storage.exists(shared)  # kept where it was, not copied
    first, second = Article.objects.get(slug="peels"), Article.objects.get(slug="aftercare")
    assert first.hero_image_id == second.hero_image_id == room.pk
    assert first.hero_image_alt == ""  # the library's description serves it now
    assert second.hero_image_alt == "Our room, ready for you"  # its own words stay its own
    assert Image.objects.get(pk=first.share_image_id).alt_text == "Smiling patient"
    pattern = Image.objects.get(pk=Treatment.objects.get().hero_image_id)
    assert pattern.decorative and pattern.alt_text == ""
    draft = json.loads(new.get_model("publishing", "PageDraft").objects.get().data)[0]["fields"]
    assert draft["hero_image"] == room.pk and "hero_image_width" not in draft  # the draft still publishes
    assert any("-crop" in name for name in default_storage.listdir("renditions/heroes/2026/05")[1])
