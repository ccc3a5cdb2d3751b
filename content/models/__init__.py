from .facts import Fact, FactChange
from .pages import MARKDOWN_HELP, RESERVED_ANCHORS, Page, Section, Sign
from .reviews import PageReview, StaffProfile
from .search import Synonym
from .versions import Version

__all__ = [
    "MARKDOWN_HELP",
    "RESERVED_ANCHORS",
    "Fact",
    "FactChange",
    "Page",
    "PageReview",
    "Section",
    "Sign",
    "StaffProfile",
    "Synonym",
    "Version",
]
