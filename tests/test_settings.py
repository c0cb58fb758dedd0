"""Production settings: secrets from the environment, and Django's deploy checks are clean."""

import os
import subprocess
import sys

from django.conf import settings


def run_manage(*args, **env):
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="assen.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_environment():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="k3-" + "x9Q!v" * 12,
        DJANGO_ALLOWED_HOSTS="omgevingsvisie.assen.nl",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_ALLOWED_HOSTS="omgevingsvisie.assen.nl")
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY for production." in result.stderr


def test_the_cms_calls_nothing_outside(settings):
    """No Gravatar (a hash of each editor's e-mail address to a third party), no release check."""
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
