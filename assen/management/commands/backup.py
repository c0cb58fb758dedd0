from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from assen.backup import BackupError, make_backup


class Command(BaseCommand):
    help = "Write a consistent backup of the database and the uploaded media to one .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, archive, **options):
        try:
            manifest = make_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup of the {manifest['database']} database written to {archive}.")
