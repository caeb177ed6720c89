"""Redirect and ContentVersion move here from clinic_site with their rows: the models are created in this
app's state only (their tables exist), then the tables take this app's names. clinic_site's 0006 drops
them from its own state and relabels their content types."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("clinic_site", "0005_content_version")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Redirect",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("old_path", models.CharField(max_length=250, unique=True)),
                        ("new_path", models.CharField(max_length=250)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={"ordering": ["old_path"], "db_table": "clinic_site_redirect"},
                ),
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("version", models.PositiveBigIntegerField(default=1)),
                    ],
                    options={"db_table": "clinic_site_contentversion"},
                ),
            ],
        ),
        migrations.AlterModelTable(name="redirect", table=None),
        migrations.AlterModelTable(name="contentversion", table=None),
    ]
