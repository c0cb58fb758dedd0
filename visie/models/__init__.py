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
from .uitwerkingen import (
    Begrotingspost,
    Besluit,
    UitwerkingenIndexPage,
    UitwerkingGebied,
    UitwerkingPage,
    UitwerkingPrincipe,
    UitwerkingThema,
)

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
    "UitwerkingGebied",
    "UitwerkingPage",
    "UitwerkingPrincipe",
    "UitwerkingThema",
    "UitwerkingenIndexPage",
    "VisiePage",
]
