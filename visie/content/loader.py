"""Turn the content fixtures into pages. Pages that exist already are left as editors made them,
unless asked to overwrite; the whole load is one transaction."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from wagtail.models import Page, Site

from assen.laden import Geheugen

from ..models import (
    Begrotingspost,
    Besluit,
    BijlagePage,
    BiografiePage,
    FocusgebiedPage,
    HomePage,
    HoofdstukPage,
    KernkwaliteitenPage,
    PrincipePage,
    SectiePage,
    SpoorPage,
    ThemaPage,
    UitwerkingenIndexPage,
    UitwerkingPage,
)
from .parser import ContentError, PageFixture, fixture_tree

PAGE_TYPES = {
    "home": HomePage,
    "hoofdstuk": HoofdstukPage,
    "sectie": SectiePage,
    "principe": PrincipePage,
    "spoor": SpoorPage,
    "thema": ThemaPage,
    "focusgebied": FocusgebiedPage,
    "bijlage": BijlagePage,
    "biografie": BiografiePage,
    "kernkwaliteiten": KernkwaliteitenPage,
    "uitwerkingen": UitwerkingenIndexPage,
    "uitwerking": UitwerkingPage,
}
# Front matter keys that are not plain model fields.
STRUCTURED_KEYS = {"type", "besluiten", "begrotingsposten"}


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def _page_fields(fixture: PageFixture, model) -> dict:
    names = {f.name for f in model._meta.get_fields()}
    values = {}
    for key, value in fixture.meta.items():
        if key in STRUCTURED_KEYS:
            continue
        if key not in names:
            raise ContentError(f"{fixture.path}: '{key}' is not a field of {fixture.page_type}")
        field_ = model._meta.get_field(key)
        if field_.many_to_one:
            values[key] = _related_by_slug(fixture, field_, value)
        else:
            values[key] = "" if value is None else value
    for name, blocks in fixture.fields.items():
        if name not in names:
            raise ContentError(
                f"{fixture.path}: '=== {name}' is not a field of {fixture.page_type}"
            )
        values[name] = blocks
    return values


def _related_by_slug(fixture: PageFixture, field_, slug):
    """A link to another object (a focus area's gebied) is written as that object's slug."""
    if not slug:
        return None
    related = field_.related_model.objects.filter(slug=slug).first()
    if related is None:
        raise ContentError(
            f"{fixture.path}: no {field_.related_model._meta.verbose_name} with slug '{slug}' "
            "(load the gebieden first: manage.py load_gebieden)"
        )
    return related


def _child_objects(fixture: PageFixture) -> dict[str, list]:
    """The besluiten and begrotingsposten of an uitwerking, validated."""
    try:
        besluiten = [
            Besluit(
                orgaan=item["orgaan"],
                datum=item["datum"]
                if isinstance(item["datum"], datetime.date)
                else datetime.date.fromisoformat(str(item["datum"])),
                omschrijving=item["omschrijving"],
            )
            for item in fixture.meta.get("besluiten", [])
        ]
        posten = [
            Begrotingspost(
                naam=item["naam"],
                bedrag=Decimal(str(item["bedrag"])),
                frequentie=item["frequentie"],
                toelichting=item.get("toelichting", ""),
            )
            for item in fixture.meta.get("begrotingsposten", [])
        ]
    except (KeyError, ValueError, InvalidOperation, TypeError) as exc:
        raise ContentError(
            f"{fixture.path}: invalid besluiten or begrotingsposten: {exc}"
        ) from None
    return {"besluiten": besluiten, "begrotingsposten": posten}


def _install_home(page: HomePage) -> HomePage:
    """Put the home page at the top of the tree in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    welcome = root.get_children().filter(slug=page.slug, content_type__model="page").first()
    if welcome is not None and not welcome.get_children().exists():
        welcome.delete()
    root.add_child(instance=page)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=page, is_default_site=True)
    else:
        site.root_page = page
        site.site_name = page.title
        site.save()
    return page


@transaction.atomic
def load_content(root: Path, overwrite: bool = False) -> LoadReport:
    """Each fixture becomes a page once, under its path in fixtures/content/ (assen.laden): a
    page an editor deleted is not brought back, nor the pages below it, and one an editor
    renamed or moved is found where it is. `overwrite` resets pages to their fixture as a new
    draft revision, for the workflow to publish."""
    report = LoadReport()
    geheugen = Geheugen("pagina")
    loaded: dict[Path, Page] = {}
    for fixture, parent_fixture in fixture_tree(root):
        model = PAGE_TYPES.get(fixture.page_type)
        if model is None:
            raise ContentError(f"{fixture.path}: unknown type '{fixture.page_type}'")
        values = _page_fields(fixture, model)
        children = _child_objects(fixture) if model is UitwerkingPage else {}
        name = str(fixture.path.relative_to(root))
        slug = fixture.meta["slug"]

        if parent_fixture is None:
            parent = None
            known, existing = geheugen.bekend(name, model, model.objects.filter(slug=slug, depth=2))
        elif parent_fixture.path not in loaded:
            report.deleted.append(name)  # below a page an editor deleted
            continue
        else:
            parent = loaded[parent_fixture.path]
            known, existing = geheugen.bekend(
                name, model, parent.get_children().filter(slug=slug).specific()
            )
        if known and existing is None:
            report.deleted.append(name)
            continue
        if existing is not None and not isinstance(existing, model):
            raise ContentError(
                f"{fixture.path}: page '{existing.url_path}' exists as another page type"
            )
        if existing is not None and not overwrite:
            loaded[fixture.path] = existing
            report.unchanged.append(name)
            continue

        page = existing or model()
        for key, value in values.items():
            setattr(page, key, value)
        for relation, objects in children.items():
            setattr(page, relation, objects)
        if existing is None:
            page.live = geheugen.eerste_keer
            if parent is None:
                _install_home(page)
            else:
                parent.add_child(instance=page)
            geheugen.onthoud(name, page)
            report.created.append(name)
        else:
            report.updated.append(name)
        revision = page.save_revision()
        if existing is None and geheugen.eerste_keer:
            revision.publish()
        loaded[fixture.path] = page
    return report
