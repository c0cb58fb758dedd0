from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpgavenConfig(AppConfig):
    """The opgaven register: opgaven and their links to principles, sporen, themes, gebieden and
    uitwerkingen (its models arrive with the register)."""

    name = "opgaven"
    verbose_name = _("Opgaven")

    def ready(self):
        from herzieningen.content import GROENVISIE_2023, VASTSTELLING_2021
        from herzieningen.versies import registreer

        from .models import OpgavePage

        registreer(
            OpgavePage,
            lambda opgave: (
                GROENVISIE_2023
                if opgave.document == OpgavePage.Document.GROENVISIE
                else VASTSTELLING_2021
            ),
        )
