"""The CMS form of every versioned page: an edit is made within a herziening or as an editorial
correction, chosen anew each time, and a herziening that takes effect later publishes the edit
on that day (Wagtail's scheduled publishing), not before."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .models import Herziening


class HerzieningPaginaForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["wijziging_binnen"]
        # Not the herziening of the last edit: each change says which one it belongs to.
        self.initial["wijziging_binnen"] = None
        field.queryset = Herziening.objects.filter(live=True).order_by("soort", "-besluit_datum")
        field.empty_label = _("Kies de herziening of correctie")

    def clean(self):
        cleaned_data = super().clean()
        herziening = cleaned_data.get("wijziging_binnen")
        if herziening is None:
            # A draft or a preview may wait; submitting and publishing may not.
            if self.is_deferred_validation:
                return cleaned_data
            self.add_error(
                "wijziging_binnen",
                _(
                    "Kies onder Instellingen de herziening of de redactionele correctie "
                    "waarbinnen u deze wijziging maakt."
                ),
            )
            return cleaned_data
        if herziening.soort == Herziening.Soort.CORRECTIE:
            return cleaned_data
        # Wagtail's editor publishes by its publish button or by approving in the workflow.
        publishing = "action-publish" in self.data or (
            "action-workflow-action" in self.data
            and self.data.get("workflow-action-name") == "approve"
        )
        if publishing and (herziening.in_behandeling or herziening.geldig_vanaf is None):
            self.add_error(
                "wijziging_binnen",
                _(
                    "%(herziening)s is nog niet vastgesteld. Bewaar de wijziging als concept; "
                    "publiceer haar als de raad heeft besloten."
                )
                % {"herziening": herziening.titel},
            )
        if herziening.geldig_vanaf and herziening.geldig_vanaf > timezone.localdate():
            # In force later: Wagtail publishes the approved revision on that day.
            cleaned_data["go_live_at"] = timezone.make_aware(
                datetime.datetime.combine(herziening.geldig_vanaf, datetime.time.min)
            )
        return cleaned_data
