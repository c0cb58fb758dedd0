from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KaartenConfig(AppConfig):
    """Gebieden, maps, layers and map features (GeoDjango); its models arrive with the maps."""

    name = "kaarten"
    verbose_name = _("Kaarten")
