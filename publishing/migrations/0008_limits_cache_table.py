"""The table behind the "limits" cache (rate limits shared by every worker), unless a shared cache server holds
them instead: `createcachetable` makes what the settings name and skips what exists."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("publishing", "0007_random_content_version")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
