"""Importers: convert dictionaries of other event coders (PETRARCH/Phoenix) to our YAML format."""

from coder.importers.petrarch import import_petrarch
from coder.importers.report import ImportReport, Note

__all__ = ["ImportReport", "Note", "import_petrarch"]
