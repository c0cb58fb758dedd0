"""The readable content fixtures (`fixtures/content/`) and what turns them into pages."""

from django.conf import settings

CONTENT_ROOT = settings.BASE_DIR / "fixtures" / "content"
SEEDS = [
    settings.BASE_DIR / "fixtures" / "seeds" / "omgevingsvisie-assen-2021.txt",
    settings.BASE_DIR / "fixtures" / "seeds" / "raadsvoorstel-groenvisie-assen-2040.txt",
]
