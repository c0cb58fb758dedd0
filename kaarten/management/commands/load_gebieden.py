from django.core.management.base import BaseCommand, CommandError

from kaarten.content import KaartenError, load_gebieden


class Command(BaseCommand):
    help = (
        "Load the areas of Assen from fixtures/kaarten/: the CBS municipality and wijken, and the "
        "indicative outlines of the focus areas and other named places. Run before load_content. "
        "Safe to run again: existing areas are kept as staff left them. All or nothing."
    )

    def handle(self, *args, **options):
        try:
            report = load_gebieden()
        except KaartenError as exc:
            raise CommandError(f"Nothing was loaded: {exc}") from None
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Gebieden loaded: {len(report.created)} created, "
                    f"{len(report.unchanged)} left as they were, "
                    f"{len(report.deleted)} deleted by editors and not loaded again."
                )
            )
