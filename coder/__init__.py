"""coder: a dictionary-driven CAMEO political event coder for English and Indonesian news."""

from coder.coder import CodedDocument, Coder
from coder.dictionaries import Dictionaries, DictionaryError, load_dictionaries
from coder.document import Document, Reject
from coder.events import EVENT_FIELDS, Event

__all__ = ["EVENT_FIELDS", "CodedDocument", "Coder", "Dictionaries", "DictionaryError", "Document", "Event",
           "Reject", "load_dictionaries"]
__version__ = "0.1.0"
