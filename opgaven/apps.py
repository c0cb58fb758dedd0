from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpgavenConfig(AppConfig):
    """The opgaven register: opgaven and their links to principles, sporen, themes, gebieden and
    uitwerkingen (its models arrive with the register)."""

    name = "opgaven"
    verbose_name = _("Opgaven")
