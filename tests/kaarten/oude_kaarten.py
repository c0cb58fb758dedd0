"""The real maps in the shape they had before shared Locaties (kaarten 0003: a geometry and a
provenance per map entry, copied from its gebied where it took one), written through the
historical models, and what the migration made of them. Run by test_migratie_locaties in a
database of its own."""

import json

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kaarten.content import CBS_CREDIT, HELE_GEMEENTE, KAARTEN_ROOT, _cbs_features, read_entries
from kaarten.geo import as_multipolygon, from_rd_geojson
from kaarten.models import Gebied as Huidig

OUD = ("kaarten", "0003_kaarten_lagen_objecten")


def _lines(herkomst) -> list[str]:
    return herkomst if isinstance(herkomst, list) else [herkomst]


def vul_oud() -> None:
    """Fill the 0003 tables from the fixtures; entries of a place drawn on several maps each get
    one of the place's provenance lines, as they had before."""
    apps = MigrationExecutor(connection).loader.project_state(OUD).apps
    Gebied, Kaart = apps.get_model("kaarten", "Gebied"), apps.get_model("kaarten", "Kaart")
    Kaartlaag = apps.get_model("kaarten", "Kaartlaag")
    Kaartobject = apps.get_model("kaarten", "Kaartobject")
    for filename, soort in [
        ("assen_gemeente_2025_rd.geojson", "gemeente"),
        ("assen_wijken_2025_rd.geojson", "wijk"),
    ]:
        for code, naam, geometry in _cbs_features(KAARTEN_ROOT / filename):
            naam = HELE_GEMEENTE if soort == "gemeente" else naam
            Gebied.objects.create(
                naam=naam,
                soort=soort,
                slug=Huidig.slug_for(naam, soort),
                cbs_code=code,
                geometrie=as_multipolygon(geometry),
                herkomst=CBS_CREDIT,
            )
    for entry in read_entries(KAARTEN_ROOT / "gebieden.yaml"):
        geometry = entry.get("geometrie")
        Gebied.objects.create(
            naam=entry["naam"],
            soort=entry["soort"],
            slug=entry["slug"],
            geometrie=as_multipolygon(from_rd_geojson(geometry)) if geometry else None,
            indicatief=geometry is not None,
            herkomst=_lines(entry.get("herkomst", ""))[0],
        )
    locaties = {e["slug"]: e for e in read_entries(KAARTEN_ROOT / "locaties.yaml")}
    used = {}
    for volgorde, kaart_entry in enumerate(read_entries(KAARTEN_ROOT / "kaarten.yaml")):
        kaart = Kaart.objects.create(
            titel=kaart_entry["titel"],
            slug=kaart_entry["slug"],
            bron=kaart_entry["bron"],
            volgorde=volgorde,
        )
        for sort_order, laag_entry in enumerate(kaart_entry["lagen"]):
            laag = Kaartlaag.objects.create(
                kaart=kaart,
                sort_order=sort_order,
                label=laag_entry["label"],
                kleur=laag_entry["stijl"]["kleur"],
                vorm=laag_entry["stijl"]["vorm"],
            )
            for feature in laag_entry["objecten"]:
                if feature.get("gebied"):
                    gebied = Gebied.objects.get(slug=feature["gebied"])
                    geometry, herkomst = gebied.geometrie, gebied.herkomst
                else:
                    gebied, place = None, locaties[feature["locatie"]]
                    lines = _lines(place["herkomst"])
                    number = used.get(feature["locatie"], 0)
                    used[feature["locatie"]] = number + 1
                    geometry = from_rd_geojson(place["geometrie"])
                    herkomst = lines[number % len(lines)]
                Kaartobject.objects.create(
                    laag=laag,
                    naam=feature["naam"],
                    geometrie=geometry,
                    gebied=gebied,
                    indicatief=gebied.indicatief if gebied else True,
                    herkomst=herkomst,
                )


def oud() -> None:
    """The entries as 0003 holds them."""
    apps = MigrationExecutor(connection).loader.project_state(OUD).apps
    objecten = apps.get_model("kaarten", "Kaartobject").objects.select_related("laag__kaart")
    print(
        json.dumps(
            [
                [
                    o.laag.kaart.slug,
                    o.laag.label,
                    o.naam,
                    o.geometrie.wkt,
                    o.herkomst,
                    o.indicatief,
                    o.gebied.slug if o.gebied else None,
                ]
                for o in objecten.order_by("pk")
            ]
        )
    )


def nieuw() -> None:
    """The entries after the migration, in the same order, with their shared Locatie."""
    from kaarten.models import Kaartobject, Locatie

    objecten = Kaartobject.objects.select_related("laag__kaart", "locatie").order_by("pk")
    print(
        json.dumps(
            {
                "objecten": [
                    [
                        o.laag.kaart.slug,
                        o.laag.label,
                        o.naam,
                        o.locatie.geometrie.wkt,
                        o.locatie.herkomst.splitlines(),
                        o.locatie.indicatief,
                        [g.slug for g in o.locatie.gebieden.all()],
                        o.locatie_id,
                    ]
                    for o in objecten
                ],
                "geometrieen": [loc.geometrie.wkt for loc in Locatie.objects.all()],
            }
        )
    )
