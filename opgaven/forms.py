from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from herzieningen.forms import HerzieningPaginaForm

# The links every opgave must have, with the admin's heading for them.
REQUIRED_LINKS = {
    "principe_links": _("leidend principe"),
    "spoor_links": _("strategisch spoor"),
    "thema_links": _("thema"),
    "gebied_links": _("gebied"),
}


class OpgaveForm(HerzieningPaginaForm):
    """Refuses an opgave without its principle, spoor, theme or gebied, for drafts too:
    Wagtail lets drafts skip required fields, but an untraceable opgave is never wanted."""

    def clean(self):
        cleaned_data = super().clean()
        missing = [
            str(label)
            for relation, label in REQUIRED_LINKS.items()
            if not self._has_links(self.formsets[relation])
        ]
        if missing:
            raise ValidationError(
                _("Een opgave hoort bij minstens één %(wat)s. Kies die onderaan het formulier."),
                params={"wat": ", één ".join(missing)},
            )
        return cleaned_data

    @staticmethod
    def _has_links(formset) -> bool:
        formset.is_valid()  # the formsets are cleaned after this form; clean them now
        return any(
            form.cleaned_data and not form.cleaned_data.get("DELETE")
            for form in formset.forms
            if hasattr(form, "cleaned_data")
        )
