from django.core.management.base import BaseCommand, CommandError

from kaarten.content import KaartenError, load_kaarten


class Command(BaseCommand):
    help = (
        "Load the maps of the vision from fixtures/kaarten/kaarten.yaml: each map with its legend "
        "items as layers and their features. Run after load_opgaven (features link to pages and "
        "opgaven). Safe to run again: existing maps are kept as staff left them. All or nothing."
    )

    def handle(self, *args, **options):
        try:
            report = load_kaarten()
        except KaartenError as exc:
            raise CommandError(f"Nothing was loaded: {exc}") from None
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Kaarten loaded: {len(report.created)} created, "
                    f"{len(report.unchanged)} left as they were, "
                    f"{len(report.deleted)} deleted by editors and not loaded again."
                )
            )
