import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the real Assen content once, loaded by the same commands as
    `make run`; each test runs in a transaction on top of it."""
    with django_db_blocker.unblock():
        call_command("load_gebieden", verbosity=0)
        call_command("load_content", verbosity=0)
        call_command("load_opgaven", verbosity=0)
        call_command("load_kaarten", verbosity=0)
