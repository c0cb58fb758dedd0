from django.core.management.base import BaseCommand

from herzieningen.content import load_herzieningen


class Command(BaseCommand):
    help = (
        "Record the real herzieningen (the adoption of 26 May 2021 and the Groenvisie decision "
        "of 21 December 2023) and a first version for all loaded content. Run after the other "
        "loaders. Safe to run again. All or nothing."
    )

    def handle(self, *args, **options):
        report = load_herzieningen()
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Herzieningen loaded: {len(report.created)} created, "
                    f"{len(report.deleted)} deleted by editors and not loaded again, "
                    f"{report.versies} first versions recorded."
                )
            )
