from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HerzieningenConfig(AppConfig):
    """The vision in time: the decisions that change it (herzieningen) and the versions of its
    content that each one makes. Knows nothing of the apps whose content it versions; they
    register their models (herzieningen.versies.registreer)."""

    name = "herzieningen"
    verbose_name = _("Herzieningen")

    def ready(self):
        from .vastleggen import verbinden

        verbinden()
