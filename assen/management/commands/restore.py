from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assen.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore the database and media from a backup made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, archive, **options):
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup of {manifest['gemaakt']} from {archive}.")
