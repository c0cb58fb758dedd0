from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisieConfig(AppConfig):
    name = "visie"
    verbose_name = _("Omgevingsvisie")

    def ready(self):
        from wagtail.models import get_page_models

        from herzieningen.content import GROENVISIE_2023, VASTSTELLING_2021
        from herzieningen.versies import registreer

        def herkomst(page) -> str:
            # The Groenvisie's page comes from the council proposal of 2023, the rest from
            # the vision of 2021 (each page says its source).
            if getattr(page, "bron", "").startswith("Raadsvoorstel Groenvisie"):
                return GROENVISIE_2023
            return VASTSTELLING_2021

        for model in get_page_models():
            if model._meta.app_label == self.label:
                registreer(model, herkomst)
