from django.core.management.base import BaseCommand, CommandError

from visie.content import CONTENT_ROOT, SEEDS
from visie.content.fidelity import compare
from visie.content.parser import ContentError, fixture_tree


class Command(BaseCommand):
    help = (
        "Compare the content fixtures word for word with the seeds: list seed passages missing "
        "from the fixtures and fixture passages that are not in the seeds. Needs no database."
    )
    requires_system_checks = []

    def handle(self, *args, **options):
        try:
            fixtures = [fixture for fixture, _ in fixture_tree(CONTENT_ROOT)]
        except ContentError as exc:
            raise CommandError(str(exc)) from None
        missing, unsourced = compare(SEEDS, fixtures, CONTENT_ROOT)
        for finding in missing:
            self.stdout.write(f"missing   {finding}")
        for finding in unsourced:
            self.stdout.write(f"unsourced {finding}")
        summary = f"{len(fixtures)} fixtures; {len(missing)} missing, {len(unsourced)} unsourced"
        if missing or unsourced:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
