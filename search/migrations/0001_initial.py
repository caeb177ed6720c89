"""SearchDocument moves here from clinic_site with its rows (as publishing's 0001 does for its models), and
its full-text index is remade under this app's names: SQLite's FTS5 table and triggers are recreated and
rebuilt from the documents; on PostgreSQL the column and its contents stay, and the index, function and
trigger are renamed. A new database gets the same result by the same route."""

from django.db import migrations, models

SQLITE_DROP = {
    "clinic_site": [
        "DROP TRIGGER IF EXISTS clinic_site_search_au", "DROP TRIGGER IF EXISTS clinic_site_search_ad",
        "DROP TRIGGER IF EXISTS clinic_site_search_ai", "DROP TABLE IF EXISTS clinic_site_search_fts",
    ],
    "search": [
        "DROP TRIGGER IF EXISTS search_fts_au", "DROP TRIGGER IF EXISTS search_fts_ad",
        "DROP TRIGGER IF EXISTS search_fts_ai", "DROP TABLE IF EXISTS search_fts",
    ],
}


def sqlite_create(prefix, fts, table):
    return [
        f"""CREATE VIRTUAL TABLE {fts} USING fts5(
            title, body_text, content='{table}', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2')""",
        f"""CREATE TRIGGER {prefix}_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO {fts}(rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
        END""",
        f"""CREATE TRIGGER {prefix}_ad AFTER DELETE ON {table} BEGIN
            INSERT INTO {fts}({fts}, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text);
        END""",
        f"""CREATE TRIGGER {prefix}_au AFTER UPDATE ON {table} BEGIN
            INSERT INTO {fts}({fts}, rowid, title, body_text) VALUES ('delete', old.id, old.title, old.body_text);
            INSERT INTO {fts}(rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
        END""",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


SQLITE_CREATE = {
    "search": sqlite_create("search_fts", "search_fts", "search_searchdocument"),
    "clinic_site": sqlite_create("clinic_site_search", "clinic_site_search_fts", "clinic_site_searchdocument"),
}
POSTGRESQL_RENAME = [
    "ALTER INDEX clinic_site_search_gin RENAME TO search_gin",
    "ALTER FUNCTION clinic_site_search_vector() RENAME TO search_vector_update",
    "ALTER TRIGGER clinic_site_search_tsv ON search_searchdocument RENAME TO search_tsv",
]
POSTGRESQL_RENAME_BACK = [
    "ALTER INDEX search_gin RENAME TO clinic_site_search_gin",
    "ALTER FUNCTION search_vector_update() RENAME TO clinic_site_search_vector",
    "ALTER TRIGGER search_tsv ON clinic_site_searchdocument RENAME TO clinic_site_search_tsv",
]


def run(statements):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    initial = True

    dependencies = [("clinic_site", "0005_content_version")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchDocument",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(max_length=20)),
                        ("object_id", models.PositiveIntegerField()),
                        ("title", models.CharField(max_length=200)),
                        ("body_text", models.TextField()),
                        ("status", models.CharField(max_length=10)),
                        ("publish_at", models.DateTimeField()),
                    ],
                    options={
                        "db_table": "clinic_site_searchdocument",
                        "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="search_document_unique")],
                    },
                ),
            ],
        ),
        # The FTS5 table names its content table, which a rename would leave behind: drop it first.
        migrations.RunPython(
            run({"sqlite": SQLITE_DROP["clinic_site"]}),
            run({"sqlite": SQLITE_DROP["search"] + SQLITE_CREATE["clinic_site"], "postgresql": POSTGRESQL_RENAME_BACK}),
        ),
        migrations.AlterModelTable(name="searchdocument", table=None),
        migrations.RunPython(
            run({"sqlite": SQLITE_CREATE["search"], "postgresql": POSTGRESQL_RENAME}),
            migrations.RunPython.noop,
        ),
    ]
