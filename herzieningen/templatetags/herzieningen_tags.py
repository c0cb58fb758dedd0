from django import template

from ..versies import GEREGISTREERD, geldende_versie

register = template.Library()


@register.inclusion_tag("herzieningen/includes/geldend.html")
def geldend_sinds(obj):
    """Since when the version of `obj` that is shown is in force, and by which herziening;
    nothing for what the herzieningen do not version (the register, search)."""
    if type(obj) not in GEREGISTREERD:
        return {"geregistreerd": False}
    return {"geregistreerd": True, "versie": geldende_versie(obj)}
