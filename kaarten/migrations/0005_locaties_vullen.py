"""Draw each place once: every gebied's outline and every distinct geometry of the map entries
becomes one Locatie, which the gebied and all entries showing it point at. Gebieden with the same
outline (the Lariks wijk and focus area) share one, entries that took a gebied's outline share
that gebied's, and entries drawn alike on several maps share one.
Names stay on the entries (a map may call a place its own way); the provenance of every copy
is kept on the Locatie."""

from django.db import migrations
from django.utils.text import slugify


def _merge(herkomsten):
    return "\n".join(dict.fromkeys(h for h in herkomsten if h))


def _slug(naam, taken):
    base = slugify(naam)[:110]
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def vullen(apps, schema_editor):
    Gebied = apps.get_model("kaarten", "Gebied")
    Kaartobject = apps.get_model("kaarten", "Kaartobject")
    Locatie = apps.get_model("kaarten", "Locatie")

    by_geometry, herkomsten, slugs = {}, {}, set()
    for gebied in Gebied.objects.exclude(geometrie=None).order_by("pk"):
        key = bytes(gebied.geometrie.wkb)
        locatie = by_geometry.get(key)
        if locatie is None:
            locatie = Locatie.objects.create(
                naam=gebied.naam,
                slug=_slug(gebied.slug, slugs),
                geometrie=gebied.geometrie,
                indicatief=gebied.indicatief,
                herkomst=gebied.herkomst,
            )
            by_geometry[key] = locatie
            herkomsten[locatie.pk] = []
        herkomsten[locatie.pk].append(gebied.herkomst)
        gebied.locatie = locatie
        gebied.save(update_fields=["locatie"])

    objecten = Kaartobject.objects.select_related("gebied__locatie").order_by(
        "laag__kaart__volgorde", "laag__sort_order", "naam", "pk"
    )
    for position, kaartobject in enumerate(objecten):
        if kaartobject.gebied is not None and kaartobject.gebied.locatie is not None:
            locatie = kaartobject.gebied.locatie
        else:
            key = bytes(kaartobject.geometrie.wkb)
            locatie = by_geometry.get(key)
            if locatie is None:
                locatie = Locatie.objects.create(
                    naam=kaartobject.naam,
                    slug=_slug(kaartobject.naam, slugs),
                    geometrie=kaartobject.geometrie,
                    indicatief=kaartobject.indicatief,
                    herkomst=kaartobject.herkomst,
                )
                by_geometry[key] = locatie
                herkomsten[locatie.pk] = []
        herkomsten[locatie.pk].append(kaartobject.herkomst)
        kaartobject.locatie = locatie
        kaartobject.sort_order = position
        kaartobject.save(update_fields=["locatie", "sort_order"])

    for locatie in Locatie.objects.all():
        merged = _merge(herkomsten.get(locatie.pk, [locatie.herkomst]))
        if merged != locatie.herkomst:
            locatie.herkomst = merged
            locatie.save(update_fields=["herkomst"])


def terug(apps, schema_editor):
    Gebied = apps.get_model("kaarten", "Gebied")
    Kaartobject = apps.get_model("kaarten", "Kaartobject")
    for gebied in Gebied.objects.exclude(locatie=None).select_related("locatie"):
        gebied.geometrie = gebied.locatie.geometrie
        gebied.indicatief = gebied.locatie.indicatief
        gebied.herkomst = gebied.locatie.herkomst[:500]
        gebied.save()
    for kaartobject in Kaartobject.objects.select_related("locatie"):
        locatie = kaartobject.locatie
        kaartobject.geometrie = locatie.geometrie
        kaartobject.indicatief = locatie.indicatief
        kaartobject.herkomst = locatie.herkomst[:500]
        kaartobject.gebied = Gebied.objects.filter(locatie=locatie).first()
        kaartobject.save()


class Migration(migrations.Migration):
    dependencies = [("kaarten", "0004_locaties")]

    operations = [migrations.RunPython(vullen, terug)]
