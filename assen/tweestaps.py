"""A second factor for the CMS: a code from an authenticator app (TOTP, django-otp), required for
publishers and administrators, optional for editors, with one-time recovery codes.

Wagtail's own login checks the password; this middleware then holds every CMS page until the
session is verified with a code. A publisher or administrator without an app is sent to set one
up first (docs/decisions.md)."""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django import forms
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError, transaction
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

# Wagtail's group of those who approve and publish (visie/roles.py).
PUBLICEERDERS = "Publiceerders"
HERSTELCODES = 10
APP_NAAM = "Authenticator-app"


def moet_tweestaps(user) -> bool:
    return user.is_superuser or user.groups.filter(name=PUBLICEERDERS).exists()


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        help_text="De zescijferige code uit uw authenticator-app, of een van uw herstelcodes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": "Vul de code in."},
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def _verder(request) -> str:
    """Where to go after the code: the page that asked for it, if it is one of ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@login_required(login_url="wagtailadmin_login")
def code(request):
    """The second step of a login: a code from the app or a recovery code."""
    if request.user.is_verified():
        return redirect(_verder(request))
    if not user_has_device(request.user):
        return redirect("tweestaps:instellen")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        with transaction.atomic():
            for device in devices_for_user(request.user, for_verify=True):
                if device.verify_token(form.cleaned_data["code"]):
                    otp_login(request, device)
                    return redirect(_verder(request))
        form.add_error(
            "code",
            "Deze code klopt niet of is verlopen. Probeer de nieuwe code uit uw app; na een "
            "paar foute codes moet u steeds langer wachten.",
        )
    return render(request, "tweestaps/code.html", {"form": form, "next": _verder(request)})


@login_required(login_url="wagtailadmin_login")
def instellen(request):
    """Link an authenticator app: scan the QR code (or type the key), confirm with a first code,
    then see the recovery codes once."""
    user = request.user
    if user_has_device(user) and not request.user.is_verified():
        return redirect("tweestaps:code")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAAM, confirmed=False)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            codes = _bevestig(user, device)
            otp_login(request, device)
            return render(request, "tweestaps/herstelcodes.html", {"codes": codes})
        form.add_error("code", "Deze code klopt niet. Vul de code in die uw app nu toont.")
    sleutel = b32encode(device.bin_key).decode()
    return render(
        request,
        "tweestaps/instellen.html",
        {
            "form": form,
            # Sized by the page (no width or height of its own), so it fits a phone.
            "qr": segno.make(device.config_url, error="m").svg_inline(
                omitsize=True, title="QR-code voor uw authenticator-app"
            ),
            "sleutel": " ".join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4)),
            "verplicht": moet_tweestaps(user),
        },
    )


@transaction.atomic
def _bevestig(user, device: TOTPDevice) -> list[str]:
    """The new app replaces any earlier one; fresh recovery codes replace the old ones."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    StaticDevice.objects.filter(user=user).delete()
    herstel = StaticDevice.objects.create(user=user, name="Herstelcodes")
    codes = [StaticToken.random_token() for _ in range(HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=herstel, token=c) for c in codes)
    return codes


class TweestapsMiddleware:
    """Holds the CMS until the session has its second factor, where the user has one or must."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/cms/") and not request.path.startswith(VRIJ):
            try:
                redirect_to = self._stap(request)
            except (OperationalError, InterfaceError):
                # No database to ask: the view's own query fails and answers the Dutch 503.
                redirect_to = None
            if redirect_to:
                return redirect(redirect_to)
        return self.get_response(request)

    @staticmethod
    def _stap(request) -> str | None:
        """Where a logged-in user without a verified session must go first, if anywhere."""
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if user_has_device(user):
            query = urlencode({"next": request.path}, safe="/")
            return f"{reverse('tweestaps:code')}?{query}"
        if moet_tweestaps(user):
            return reverse("tweestaps:instellen")
        return None


# What a half-logged-in user may reach: the steps themselves, logging out, and what Wagtail's
# login pages load themselves (the icon sprite, the translations of its scripts).
VRIJ = (
    "/cms/tweestaps/",
    "/cms/login/",
    "/cms/logout/",
    "/cms/password_reset/",
    "/cms/sprite/",
    "/cms/jsi18n/",
)

app_name = "tweestaps"
urlpatterns = [
    path("", code, name="code"),
    path("instellen/", instellen, name="instellen"),
]
