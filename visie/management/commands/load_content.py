from django.core.management.base import BaseCommand, CommandError

from visie.content import CONTENT_ROOT
from visie.content.loader import load_content
from visie.content.parser import ContentError
from visie.roles import ensure_editorial_roles


class Command(BaseCommand):
    help = (
        "Load the Assen content from fixtures/content/ into pages, and set up the editorial "
        "groups and moderation workflow. Safe to run again: each fixture becomes a page once, so "
        "pages editors changed, moved or deleted stay as they left them. All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help=(
                "Reset existing pages to the fixtures as a new draft revision, which editors "
                "submit through the workflow."
            ),
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
                    f"updated as drafts, {len(report.unchanged)} left as they were, "
                    f"{len(report.deleted)} deleted by editors and not loaded again."
                )
            )
