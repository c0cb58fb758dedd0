"""The CMS side of logging in: the lockouts of django-axes, visible to administrators, who may lift
one, and the link to the second factor on every user's account page."""

from axes.models import AccessAttempt
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class AlleenBeheerders(ModelPermissionPolicy):
    """Administrators see the failed logins and may delete one, which lifts its lockout; nobody
    makes or edits them by hand."""

    ACTIONS = {"view", "delete"}

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action in self.ACTIONS

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(AccessAttempt, AlleenBeheerders(AccessAttempt))


class InlogblokkadeViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Inlogblokkades")
    add_to_settings_menu = True
    copy_view_enabled = False
    # django-axes has no Dutch names for its model: the CMS's own.
    list_display = [
        Column("username", label=_("Gebruikersnaam")),
        Column("ip_address", label=_("Adres")),
        Column("failures_since_start", label=_("Mislukte pogingen")),
        DateColumn("attempt_time", label=_("Laatste poging")),
    ]
    list_filter = ["username", "ip_address"]
    exclude_form_fields = []

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(page_title=_("Inlogblokkades"), **kwargs)


@hooks.register("register_admin_viewset")
def register_inlogblokkades():
    return InlogblokkadeViewSet("inlogblokkades")


@hooks.register("register_account_menu_item")
def tweestaps_menu_item(request):
    """On 'Account': link an authenticator app, or a new one in place of a lost phone."""
    return {
        "url": reverse("tweestaps:instellen"),
        "label": "Authenticator-app koppelen",
        "help_text": "Inloggen met een tweede stap: een code uit een app op uw telefoon.",
    }
