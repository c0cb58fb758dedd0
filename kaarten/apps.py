from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KaartenConfig(AppConfig):
    """Gebieden, places, maps, layers and map features (GeoDjango)."""

    name = "kaarten"
    verbose_name = _("Kaarten")

    def ready(self):
        from herzieningen.content import VASTSTELLING_2021
        from herzieningen.versies import registreer

        from .models import Gebied, Kaart, Kaartlaag, Locatie

        # The CBS boundaries of the wijken and the municipality are reference data that no
        # decision adopted; the vision's own areas, places and maps came with it in 2021.
        referentie = {Gebied.Soort.WIJK, Gebied.Soort.GEMEENTE}
        registreer(Kaart, lambda kaart: VASTSTELLING_2021)
        registreer(Kaartlaag, lambda laag: VASTSTELLING_2021)
        registreer(Gebied, lambda gebied: None if gebied.soort in referentie else VASTSTELLING_2021)
        registreer(
            Locatie,
            lambda locatie: (
                None
                if locatie.gebieden.filter(soort__in=referentie).exists()
                else VASTSTELLING_2021
            ),
        )
