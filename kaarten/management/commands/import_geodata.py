import sys

from django.core.management.base import BaseCommand, CommandError

from kaarten.importer import GeodataError, Target, import_layer, open_layer
from kaarten.models import Gebied, Kaartlaag


class Command(BaseCommand):
    help = (
        "Import a GIS layer (GeoPackage, Shapefile, GeoJSON, GML, ...) into the gebieden of one "
        "kind or into a map layer. Geometries are reprojected to RD New (EPSG:28992). All or "
        "nothing; importing the same file again updates the features it created."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the file to import")
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument(
            "--gebieden",
            choices=Gebied.Soort.values,
            metavar="SOORT",
            help=f"import as gebieden of this kind ({', '.join(Gebied.Soort.values)})",
        )
        target.add_argument("--laag", type=int, metavar="ID", help="import into this map layer")
        parser.add_argument("--name-field", required=True, help="the attribute holding the name")
        parser.add_argument("--code-field", help="gebieden: the attribute holding the CBS code")
        parser.add_argument("--layer", help="the layer of a file that holds several")
        parser.add_argument(
            "--source-srid",
            type=int,
            help="the EPSG code of the file's coordinates, for a file that does not say",
        )
        parser.add_argument(
            "--provenance", default="", help="where the data comes from (shown with it)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check everything, store nothing"
        )

    def handle(self, *args, **options):
        laag = None
        if options["laag"] is not None:
            laag = Kaartlaag.objects.filter(pk=options["laag"]).first()
            if laag is None:
                raise CommandError(f"There is no map layer with id {options['laag']}.")
        target = Target(
            gebied_soort=options["gebieden"],
            laag=laag,
            code_field=options["code_field"],
            herkomst=options["provenance"] or f"Geïmporteerd uit {options['path']}",
        )
        try:
            layer = open_layer(options["path"], options["layer"])
            report = import_layer(
                layer,
                target,
                options["name_field"],
                source_srid=options["source_srid"],
                dry_run=options["dry_run"],
                progress=self.progress if options["verbosity"] else None,
            )
        except GeodataError as exc:
            raise CommandError(str(exc)) from None
        for repaired in report.repaired:
            self.stdout.write(self.style.WARNING(f"Repaired {repaired}"))
        for converted in report.converted:
            self.stdout.write(self.style.WARNING(f"Converted {converted}"))
        summary = f"{len(report.created)} created, {len(report.updated)} updated"
        if report.repaired:
            summary += f", {len(report.repaired)} repaired"
        if report.converted:
            summary += f", {len(report.converted)} converted"
        if options["dry_run"]:
            summary = f"Dry run, nothing stored: {summary} if imported."
        self.stdout.write(self.style.SUCCESS(summary))

    def progress(self, done: int, total: int) -> None:
        if done < total and done % max(total // 100, 1):
            return  # once a percent: writing the bar costs more than a feature
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
