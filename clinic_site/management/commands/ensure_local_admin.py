import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "For local development only: make sure a superuser 'admin' exists and print its password. "
        "The password is generated once and kept in var/local-admin.txt (git-ignored)."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_local_admin only runs with DJANGO_DEBUG=1. In production create accounts with "
                "'python manage.py createsuperuser', which asks for a password you choose."
            )
        password_file = settings.VAR_DIR / "local-admin.txt"
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(USERNAME, email="", password=password)
            password_file.parent.mkdir(exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        elif password_file.exists() and user.check_password(password_file.read_text().strip()):
            password = password_file.read_text().strip()
        else:
            self.stdout.write(
                f"Local admin '{USERNAME}' already exists with a password set by hand. "
                f"Reset it with: .venv/bin/python manage.py changepassword {USERNAME}"
            )
            return
        self.stdout.write(self.style.SUCCESS(f"Local admin: username '{USERNAME}', password '{password}'"))
        self.stdout.write("Sign in at http://127.0.0.1:8000/admin/")
