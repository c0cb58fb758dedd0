from .base import VisiePage
from .pages import (
    BijlagePage,
    BiografiePage,
    FocusgebiedPage,
    HomePage,
    HoofdstukPage,
    KernkwaliteitenPage,
    PrincipePage,
    SectiePage,
    SpoorPage,
    ThemaPage,
)
from .uitwerkingen import Begrotingspost, Besluit, UitwerkingenIndexPage, UitwerkingPage

__all__ = [
    "Begrotingspost",
    "Besluit",
    "BiografiePage",
    "BijlagePage",
    "FocusgebiedPage",
    "HomePage",
    "HoofdstukPage",
    "KernkwaliteitenPage",
    "PrincipePage",
    "SectiePage",
    "SpoorPage",
    "ThemaPage",
    "UitwerkingPage",
    "UitwerkingenIndexPage",
    "VisiePage",
]
