"""The areas of Assen: real CBS boundaries, indicative outlines for the vision's own places,
loaded all or nothing."""

import shutil

import pytest
import yaml

from kaarten.content import KAARTEN_ROOT, KaartenError, load_gebieden
from kaarten.models import Gebied, Locatie

pytestmark = [pytest.mark.django_db, pytest.mark.echte_inhoud]


def test_cbs_boundaries_are_loaded_in_rd_new():
    gemeente = Gebied.objects.get(soort=Gebied.Soort.GEMEENTE)
    assert gemeente.cbs_code == "GM0106" and gemeente.geometrie.srid == 28992
    wijken = Gebied.objects.filter(soort=Gebied.Soort.WIJK)
    assert wijken.count() == 10
    lariks = wijken.get(cbs_code="WK010601")
    # CBS gives 1.33 km² for Lariks (fixtures/kaarten/CBS-README.md).
    assert lariks.geometrie.area / 1e6 == pytest.approx(1.33, abs=0.01)
    assert not lariks.indicatief and "CBS" in lariks.locatie.herkomst
    for wijk in wijken:
        assert gemeente.geometrie.buffer(3000).contains(wijk.geometrie), wijk.naam


def test_focus_areas_have_indicative_outlines_inside_assen():
    gemeente = Gebied.objects.get(soort=Gebied.Soort.GEMEENTE).geometrie.buffer(200)
    focus = Gebied.objects.filter(soort=Gebied.Soort.FOCUSGEBIED)
    assert focus.count() == 6
    for gebied in focus:
        assert gebied.geometrie is not None and gebied.geometrie.valid, gebied.naam
        assert gemeente.contains(gebied.geometrie), gebied.naam
        assert gebied.indicatief, gebied.naam
        herkomst = gebied.locatie.herkomst.splitlines()
        assert any(line.startswith("Indicatief") for line in herkomst), gebied.naam


def test_loading_again_changes_nothing():
    lariks = Gebied.objects.get(slug="wijk-lariks").locatie
    lariks.herkomst = "Bewerkt door de afdeling GIS"
    lariks.save()
    count, locaties = Gebied.objects.count(), Locatie.objects.count()
    report = load_gebieden()
    assert report.created == [] and len(report.unchanged) == count
    assert Locatie.objects.count() == locaties
    assert Gebied.objects.get(slug="wijk-lariks").locatie.herkomst == "Bewerkt door de afdeling GIS"


def test_areas_with_the_same_outline_share_one_locatie():
    """The Lariks focus area is drawn as the Lariks wijk: one place, drawn once."""
    wijk = Gebied.objects.get(slug="wijk-lariks")
    focus = Gebied.objects.get(slug="lariks")
    assert wijk.locatie_id == focus.locatie_id


@pytest.fixture
def fresh_fixtures(tmp_path):
    for source in KAARTEN_ROOT.glob("*.geojson"):
        shutil.copy(source, tmp_path)
    return tmp_path


def test_a_broken_outline_is_refused_with_its_entry_and_nothing_is_stored(fresh_fixtures):
    count = Gebied.objects.count()
    (fresh_fixtures / "gebieden.yaml").write_text(
        yaml.safe_dump(
            [
                {"slug": "goed", "naam": "Goed", "soort": "plek"},
                {
                    "slug": "kapot",
                    "naam": "Kapot",
                    "soort": "plek",
                    "geometrie": {"type": "Polygon", "coordinates": [[[1, 2], [3]]]},
                },
            ]
        )
    )
    with pytest.raises(KaartenError, match="gebieden.yaml, entry 2"):
        load_gebieden(fresh_fixtures)
    assert Gebied.objects.count() == count
    assert not Gebied.objects.filter(slug="goed").exists()
