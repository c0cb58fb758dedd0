"""The herzieningen that really happened, from the seeds alone (fixtures/seeds): the adoption of
the omgevingsvisie on 26 May 2021 and the council decision on the Groenvisie of 21 December
2023. Neither source names a date of entry into force, so their versions are in force from the
date of the decision (Herziening.geldig_vanaf)."""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from assen import generation
from assen.laden import Geheugen, bewaar
from assen.models import GeladenInhoud

from .models import Herziening, Versie
from .versies import GEREGISTREERD

VASTSTELLING_2021 = "vaststelling-2021"
GROENVISIE_2023 = "groenvisie-2023"

HERZIENINGEN = {
    VASTSTELLING_2021: {
        "titel": "Vaststelling van de Omgevingsvisie ‘Assen nog mooier’",
        "slug": "vaststelling-omgevingsvisie-2021",
        "omschrijving": (
            "De hele omgevingsvisie: de centrale ambitie, de drie leidende principes met hun "
            "strategische sporen, de thema’s, de focusgebieden, de 56 opgaven van paragraaf "
            "3.5 en de kaarten."
        ),
        "procedure": "vastgesteld",
        # The title page gives the date, not who adopted it.
        "besluit_orgaan": "onbekend (de visie noemt alleen de datum)",
        "besluit_datum": datetime.date(2021, 5, 26),
        "besluit_tekst": "",
        "besluit_bron": "Omgevingsvisie gemeente Assen, titelpagina (r. 17): ‘26 mei 2021’",
    },
    GROENVISIE_2023: {
        "titel": "Groenvisie Assen 2040",
        "slug": "groenvisie-2023",
        "omschrijving": (
            "De raad stemt in met de Groenvisie Assen 2040, de uitwerking van het leidend "
            "principe ‘groene stad van het noorden’, en laat de financiële consequenties afwegen "
            "bij de kaderbrief 2025. Voegt de uitwerking Groenvisie Assen 2040 en haar zes "
            "opgaven toe."
        ),
        "procedure": "vastgesteld",
        "besluit_orgaan": "De raad van de gemeente Assen",
        "besluit_tekst": (
            "1.1 In te stemmen met de Groenvisie Assen 2040;\n"
            "1.2 De Groenvisie nader uit te werken in een uitvoeringsprogramma en de financiële "
            "consequenties af te wegen bij de kaderbrief 2025."
        ),
        "besluit_datum": datetime.date(2023, 12, 21),
        "besluit_bron": (
            "Raadsvoorstel Groenvisie Assen 2040, r. 273 (‘De raad van de gemeente Assen’) en "
            "r. 286 (‘Aldus vastgesteld in de openbare vergadering van donderdag 21 december "
            "2023.’)"
        ),
    },
}

# Not a decision but the portal's own record under which editors fix typos, layout and
# references without changing what was adopted (soort correctie: the CMS asks every edit of the
# vision for a herziening or a correction).
CORRECTIES = "redactionele-correcties"
EIGEN = {
    CORRECTIES: {
        "titel": "Redactionele correcties",
        "slug": "redactionele-correcties",
        "soort": "correctie",
        "omschrijving": (
            "Verbeteringen van tikfouten, opmaak en verwijzingen die de inhoud van het "
            "vastgestelde beleid niet veranderen. Daarvoor is geen besluit van de raad nodig; "
            "een correctie geldt vanaf de dag dat zij is gepubliceerd."
        ),
        "procedure": "vastgesteld",
        "besluit_bron": "Door het portaal aangelegd; geen besluit.",
    },
}


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    versies: int = 0


@transaction.atomic
def load_herzieningen() -> LoadReport:
    """The real herzieningen, each once (as the other loaders: never again once an editor
    deleted it), and a first version, in force from its herziening, for every object that a
    content loader created and that has none yet."""
    report, geheugen, herzieningen = LoadReport(), Geheugen("herziening"), {}
    for key, fields in (HERZIENINGEN | EIGEN).items():
        known, herziening = geheugen.bekend(
            key, Herziening, vroeger=Herziening.objects.filter(slug=fields["slug"])
        )
        if not known:
            herziening = Herziening(**fields)
            herziening.full_clean()
            bewaar(herziening, geheugen.eerste_keer)
            geheugen.onthoud(key, herziening)
            report.created.append(key)
        herzieningen[key] = herziening
    report.deleted = geheugen.verwijderd
    for model, herkomst in GEREGISTREERD.items():
        report.versies += _eerste_versies(model, herkomst, herzieningen)
    if report.versies:
        # Stored in bulk, without the signals that retire cached pages: "Geldend sinds" changed.
        transaction.on_commit(generation.bump)
    return report


def _eerste_versies(model, herkomst, herzieningen: dict) -> int:
    content_type = ContentType.objects.get_for_model(model)
    geladen = GeladenInhoud.objects.filter(content_type=content_type).values("object_id")
    al = Versie.objects.filter(content_type=content_type).values("object_id")
    new = []
    for obj in model.objects.filter(pk__in=geladen, live=True).exclude(pk__in=al):
        herziening = herzieningen.get(herkomst(obj))
        if herziening is None or not herziening.live:
            continue  # reference data, or a herziening that an editor deleted or unpublished
        revision_id = obj.live_revision_id
        if revision_id is None:
            # A version needs a revision that holds its content. Publishing saves a copy made
            # from the revision, so `obj` itself does not learn its id.
            revision = obj.save_revision()
            revision.publish()
            revision_id = revision.pk
        new.append(
            Versie(
                herziening=herziening,
                content_type=content_type,
                object_id=obj.pk,
                revision_id=revision_id,
                wijziging=Versie.Wijziging.TOEGEVOEGD,
                geldig_vanaf=herziening.geldig_vanaf,
            )
        )
    Versie.objects.bulk_create(new)
    return len(new)
