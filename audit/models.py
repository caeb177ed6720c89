import getpass

from django.db import models
from django.utils import timezone


class BackupRun(models.Model):
    """One run of `manage.py backup` or `restore`: when, by which server account, which file. Written once,
    never changed (the only record of a command run, which has no signed-in person)."""

    class Action(models.TextChoices):
        BACKUP = "backup", "Backup written"
        RESTORE = "restore", "Restored from a backup"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    run_by = models.CharField("server account", max_length=150, blank=True, db_index=True)
    path = models.CharField(max_length=500)
    encrypted = models.BooleanField(default=False)
    summary = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.get_action_display()} {self.path} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("A backup record is written once and never changed.")
        super().save(*args, **kwargs)

    @classmethod
    def record(cls, action, path, *, encrypted, files, objects=None):
        summary = f"{objects} database objects, {files} files" if objects is not None else f"{files} files"
        return cls.objects.create(
            action=action, run_by=server_account(), path=str(path), encrypted=encrypted, summary=summary
        )


def server_account():
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # a container's user with no name
        return ""
