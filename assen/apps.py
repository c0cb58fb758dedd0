from django.apps import AppConfig


class AssenConfig(AppConfig):
    """The project itself, as an app only so that the content generation follows every change
    in every process (web workers and management commands alike)."""

    name = "assen"
    verbose_name = "Omgevingsvisie-portaal Assen"

    def ready(self):
        from . import generation

        generation.connect()
