import django.db.models.deletion
from django.db import migrations, models

from images.library_migration import files_to_library

forwards, backwards = files_to_library("articles", "Article")
HELP_ALT = "Leave empty to use the library's description of the image; write one here for this page only."


class Migration(migrations.Migration):
    """Hero and share images become choices from the image library (each file becomes one library image)."""

    dependencies = [
        ("articles", "0009_seo_noindex_and_share_image"),
        ("images", "0001_image_library"),
        ("publishing", "0010_editors_edit_redirects"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.RenameField("article", "hero_image", "hero_image_file"),
        migrations.RenameField("article", "share_image", "share_image_file"),
        migrations.AddField(
            model_name="article",
            name="hero_image",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="images.image",
                help_text="Optional large image at the top of the page, in listings and when the page is shared, chosen "
                "from the image library (or uploaded to it). Crops keep the image's focal point in view.",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="share_image",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="images.image",
                help_text="Optional picture shown when the page is shared in messages and on social media, cropped to "
                "1200 × 630 pixels around its focal point. Without one, the hero image is used, or else the clinic's "
                "own card.",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField("article", "hero_image_file"),
        migrations.RemoveField("article", "hero_image_width"),
        migrations.RemoveField("article", "hero_image_height"),
        migrations.RemoveField("article", "share_image_file"),
        migrations.RemoveField("article", "share_image_width"),
        migrations.RemoveField("article", "share_image_height"),
        migrations.AlterField(
            model_name="article",
            name="hero_image_alt",
            field=models.CharField(blank=True, help_text=HELP_ALT, max_length=200, verbose_name="hero image alt text"),
        ),
        migrations.AlterField(
            model_name="article",
            name="share_image_alt",
            field=models.CharField(blank=True, help_text=HELP_ALT, max_length=200, verbose_name="share image alt text"),
        ),
    ]
