from django.core.management.base import BaseCommand, CommandError

from opgaven.content import OpgavenError, load_register


class Command(BaseCommand):
    help = (
        "Load the opgaven register from fixtures/opgaven/: gebieden, uitwerkingen, the register "
        "page and one page per opgave with its links. Run after load_content. Safe to run again: "
        "existing opgaven are kept as editors left them. All or nothing."
    )

    def handle(self, *args, **options):
        try:
            report = load_register()
        except (OpgavenError, KeyError) as exc:
            raise CommandError(f"Nothing was loaded: {exc}") from None
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Opgaven loaded: {len(report.created)} created, "
                    f"{len(report.unchanged)} left as they were, "
                    f"{len(report.deleted)} deleted by editors and not loaded again."
                )
            )
