from django.core.management.base import BaseCommand, CommandError

from visie.content import CONTENT_ROOT
from visie.content.loader import load_content
from visie.content.parser import ContentError
from visie.roles import ensure_editorial_roles


class Command(BaseCommand):
    help = (
        "Load the Assen content from fixtures/content/ into pages, and set up the editorial "
        "groups and moderation workflow. Safe to run again: existing pages are kept as editors "
        "left them unless --overwrite is given. All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace the text of existing pages with the fixtures (as a new revision).",
        )

    def handle(self, *args, overwrite=False, **options):
        try:
            report = load_content(CONTENT_ROOT, overwrite=overwrite)
        except ContentError as exc:
            raise CommandError(f"Nothing was loaded: {exc}") from None
        ensure_editorial_roles()
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Content loaded: {len(report.created)} created, {len(report.updated)} "
                    f"updated, {len(report.unchanged)} left as they were."
                )
            )
