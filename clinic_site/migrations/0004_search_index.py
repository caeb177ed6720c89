"""Full-text index over SearchDocument, in the database's own engine: SQLite FTS5 or PostgreSQL tsvector+GIN."""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE clinic_site_search_fts USING fts5(
        title, body_text, content='clinic_site_searchdocument', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER clinic_site_search_ai AFTER INSERT ON clinic_site_searchdocument BEGIN
        INSERT INTO clinic_site_search_fts(rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
    END""",
    """CREATE TRIGGER clinic_site_search_ad AFTER DELETE ON clinic_site_searchdocument BEGIN
        INSERT INTO clinic_site_search_fts(clinic_site_search_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
    END""",
    """CREATE TRIGGER clinic_site_search_au AFTER UPDATE ON clinic_site_searchdocument BEGIN
        INSERT INTO clinic_site_search_fts(clinic_site_search_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
        INSERT INTO clinic_site_search_fts(rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER clinic_site_search_au", "DROP TRIGGER clinic_site_search_ad",
    "DROP TRIGGER clinic_site_search_ai", "DROP TABLE clinic_site_search_fts",
]
POSTGRESQL = [
    "ALTER TABLE clinic_site_searchdocument ADD COLUMN search_vector tsvector",
    "CREATE INDEX clinic_site_search_gin ON clinic_site_searchdocument USING GIN (search_vector)",
    """CREATE FUNCTION clinic_site_search_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector := setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('english', coalesce(NEW.body_text, '')), 'D');
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER clinic_site_search_tsv BEFORE INSERT OR UPDATE ON clinic_site_searchdocument
        FOR EACH ROW EXECUTE FUNCTION clinic_site_search_vector()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER clinic_site_search_tsv ON clinic_site_searchdocument",
    "DROP FUNCTION clinic_site_search_vector()",
    "DROP INDEX clinic_site_search_gin",
    "ALTER TABLE clinic_site_searchdocument DROP COLUMN search_vector",
]


def run(statements):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("clinic_site", "0003_search_document")]
    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
