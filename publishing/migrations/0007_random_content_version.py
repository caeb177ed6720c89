"""The content version starts at a random number: two sites (or a site and its restored copy) sharing one
cache server never read each other's cached pages under the same version."""

import secrets

from django.db import migrations


def randomise(apps, schema_editor):
    ContentVersion = apps.get_model("publishing", "ContentVersion")
    ContentVersion.objects.update_or_create(pk=1, defaults={"version": secrets.randbits(62)})


class Migration(migrations.Migration):
    dependencies = [("publishing", "0006_scheduled_changes")]

    operations = [migrations.RunPython(randomise, migrations.RunPython.noop)]
