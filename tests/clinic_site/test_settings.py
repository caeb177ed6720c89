"""Settings come from the environment; production mode refuses to start without a secret."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_python(code, **env):
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CLINIC_"))}
    clean_env.update(DJANGO_SETTINGS_MODULE="clinic_site.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True, timeout=60
    )


SHOW = "import django; django.setup(); from django.conf import settings as s; print({})"


def test_production_mode_refuses_to_start_without_a_secret_key():
    result = run_python("import django; django.setup()")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_manage_py_says_the_same(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SECRET_KEY", "DJANGO_DEBUG")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_mode_starts_with_a_development_key():
    result = run_python(SHOW.format("s.SECRET_KEY.startswith('django-insecure-'), s.DEBUG"), DJANGO_DEBUG="1")
    assert result.stdout.strip() == "True True"


@pytest.mark.parametrize("value", ["0", "", "no"])
def test_debug_is_off_unless_asked_for(value):
    result = run_python(SHOW.format("s.DEBUG"), DJANGO_DEBUG=value, DJANGO_SECRET_KEY="x" * 50)
    assert result.stdout.strip() == "False"


def test_database_url_switches_to_postgresql():
    result = run_python(
        SHOW.format("s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']"),
        DJANGO_DEBUG="1",
        DATABASE_URL="postgres://clinic:pw@db.internal:5432/clinic",
    )
    assert result.stdout.strip() == "django.db.backends.postgresql clinic"


def test_default_database_is_sqlite_under_var():
    result = run_python(
        SHOW.format("s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']"), DJANGO_DEBUG="1"
    )
    assert result.stdout.split() == ["django.db.backends.sqlite3", str(ROOT / "var" / "db.sqlite3")]


def test_hosts_media_static_and_clinic_details_come_from_the_environment(tmp_path):
    result = run_python(
        SHOW.format("repr((s.ALLOWED_HOSTS, str(s.MEDIA_ROOT), str(s.STATIC_ROOT), s.CLINIC_NAME, s.CLINIC_PHONE))"),
        DJANGO_DEBUG="1",
        DJANGO_ALLOWED_HOSTS="clinic.example, www.clinic.example",
        DJANGO_MEDIA_ROOT=str(tmp_path / "m"),
        DJANGO_STATIC_ROOT=str(tmp_path / "s"),
        CLINIC_NAME="Bright Clinic",
        CLINIC_PHONE="+44 1 2",
    )
    assert result.stdout.strip() == repr(
        (["clinic.example", "www.clinic.example"], str(tmp_path / "m"), str(tmp_path / "s"), "Bright Clinic", "+44 1 2")
    )


def test_production_static_files_use_hashed_compressed_names():
    result = run_python(SHOW.format("s.STORAGES['staticfiles']['BACKEND']"), DJANGO_SECRET_KEY="x" * 50)
    assert result.stdout.strip() == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_uploads_are_kept_outside_the_public_media_folder(tmp_path):
    result = run_python(
        SHOW.format("str(s.CLINIC_PRIVATE_MEDIA_ROOT), s.STORAGES['default']['BACKEND'], "
                    "s.STORAGES['public']['BACKEND']"),
        DJANGO_DEBUG="1",
        CLINIC_PRIVATE_MEDIA_ROOT=str(tmp_path / "p"),
    )
    assert result.stdout.split() == [
        str(tmp_path / "p"), "images.storage.PrivateFileSystemStorage", "django.core.files.storage.FileSystemStorage"
    ]
    default = run_python(SHOW.format("s.CLINIC_PRIVATE_MEDIA_ROOT"), DJANGO_DEBUG="1")
    assert default.stdout.strip() == str(ROOT / "var" / "private-media")


def test_s3_bucket_switches_uploads_to_a_private_and_a_public_bucket():
    result = run_python(
        SHOW.format("s.STORAGES['default']['BACKEND'], s.STORAGES['default']['OPTIONS']['bucket_name'], "
                    "s.STORAGES['public']['BACKEND'], s.STORAGES['public']['OPTIONS']['bucket_name']"),
        DJANGO_DEBUG="1",
        DJANGO_S3_BUCKET="clinic-media",
        DJANGO_S3_PRIVATE_BUCKET="clinic-private",
    )
    assert result.stdout.split() == [
        "images.s3.PrivateS3Storage", "clinic-private", "storages.backends.s3.S3Storage", "clinic-media"
    ]


def test_s3_without_a_private_bucket_refuses_to_start():
    result = run_python("import django; django.setup()", DJANGO_DEBUG="1", DJANGO_S3_BUCKET="clinic-media")
    assert result.returncode != 0
    assert "DJANGO_S3_PRIVATE_BUCKET is not" in result.stderr


def test_scaled_out_settings_load_with_nothing_on_local_disk():
    result = run_python(
        SHOW.format("repr((s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], "
                    "s.STORAGES['default']['BACKEND'], s.SESSION_ENGINE))"),
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://clinic:pw@db.internal:5432/clinic",
        DJANGO_CACHE_BACKEND="django.core.cache.backends.redis.RedisCache",
        DJANGO_CACHE_LOCATION="redis://cache.internal:6379",
        DJANGO_S3_BUCKET="clinic-media",
        DJANGO_S3_PRIVATE_BUCKET="clinic-private",
    )
    assert result.stdout.strip() == repr((
        "django.db.backends.postgresql", "django.core.cache.backends.redis.RedisCache",
        "images.s3.PrivateS3Storage", "django.contrib.sessions.backends.db",
    ))


def variables_read_by_the_settings():
    source = (ROOT / "clinic_site" / "settings.py").read_text() + (ROOT / "gunicorn.conf.py").read_text()
    return set(re.findall(r'"((?:DJANGO|CLINIC|GUNICORN)_[A-Z0-9_]+|DATABASE_URL)"', source))


def test_env_example_and_readme_list_every_variable_the_settings_read():
    variables = variables_read_by_the_settings()
    assert {"DJANGO_SECRET_KEY", "CLINIC_BENCHMARK", "GUNICORN_WORKERS"} <= variables
    example = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    readme = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", (ROOT / "README.md").read_text()))
    assert variables - example == set(), "missing from .env.example"
    assert variables - readme == set(), "missing from the README's configuration table"
