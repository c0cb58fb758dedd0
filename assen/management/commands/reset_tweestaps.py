"""Unlink a CMS user's authenticator app and recovery codes (a lost phone): at the next login
the user links a new app, as a publisher or administrator must."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp import devices_for_user


class Command(BaseCommand):
    help = "Remove a CMS user's second factor (authenticator app and recovery codes)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No CMS user named '{username}'.") from None
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        self.stdout.write(
            f"Removed {len(devices)} second-factor device(s) of '{username}'; "
            "the next login asks for a new app."
        )
