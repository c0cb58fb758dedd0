from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisieConfig(AppConfig):
    name = "visie"
    verbose_name = _("Omgevingsvisie")

    def ready(self) -> None:
        from . import outline  # noqa: F401 - connects the signals that refresh the cached outline
