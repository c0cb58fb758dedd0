from django import template

register = template.Library()


@register.inclusion_tag("kaarten/includes/kaart.html", takes_context=True)
def kaart(context, weergave, tekst_open=False):
    """The map component: the Leaflet map, its legend as layer switcher, and the same
    features as text."""
    return {"request": context.get("request"), "tekst_open": tekst_open, **vars(weergave)}
