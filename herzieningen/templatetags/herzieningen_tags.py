from django import template
from django.urls import reverse

from ..versies import GEREGISTREERD, aangekondigd, content_type_van, geldende_versie

register = template.Library()


def _url(name: str, obj) -> str:
    content_type = content_type_van(obj)
    return reverse(
        f"herzieningen:{name}", args=[content_type.app_label, content_type.model, obj.pk]
    )


@register.inclusion_tag("herzieningen/includes/geldend.html", takes_context=True)
def geldend_sinds(context, obj):
    """Since when the version of `obj` that is shown (today's, or the one of ?peildatum) is in
    force, and by which herziening; nothing for what the herzieningen do not version (the
    register, search)."""
    if type(obj) not in GEREGISTREERD:
        return {"geregistreerd": False}
    return {
        "geregistreerd": True,
        "versie": geldende_versie(obj, getattr(context.get("request"), "peildatum", None)),
        "geschiedenis": _url("geschiedenis", obj),
    }


@register.inclusion_tag("herzieningen/includes/aankondiging.html")
def aankondiging(obj):
    """A banner for each herziening, published but not yet in force, that changes `obj`, with
    a link to what it proposes."""
    if type(obj) not in GEREGISTREERD:
        return {}
    versies = aangekondigd().get((content_type_van(obj).pk, obj.pk), [])
    verschil = _url("verschil", obj)
    return {"aankondigingen": [(versie, f"{verschil}?tot={versie.pk}") for versie in versies]}
