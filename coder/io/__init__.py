"""Input readers and output writers: documents in, events out, in the formats the field uses."""

from coder.io.readers import read_documents
from coder.io.writers import WRITERS, EventWriter, open_writer, write_rejects

__all__ = ["WRITERS", "EventWriter", "open_writer", "read_documents", "write_rejects"]
