"""newsprobe: how a news article is sourced, framed, who it names and where it came from.

Thin wrappers over the Rust engine (``newsprobe._native``): every function runs the same code as
the ``newsprobe`` command line, and errors are :class:`NewsprobeError` with the CLI's messages.
"""

from ._native import (
    Archive,
    NewsprobeError,
    Records,
    analyze,
    analyze_columns,
    analyze_many,
    extract,
    jaccard,
    minhash,
    near_copy_params,
    read,
    read_bytes,
    read_warc,
    signature_text_of,
    similarity,
    story_params,
    trace_among,
)
from .tables import summary, tables

__all__ = [
    "Archive",
    "NewsprobeError",
    "Records",
    "analyze",
    "analyze_columns",
    "analyze_many",
    "extract",
    "jaccard",
    "minhash",
    "near_copy_params",
    "read",
    "read_bytes",
    "read_warc",
    "signature_text_of",
    "similarity",
    "story_params",
    "summary",
    "tables",
    "trace_among",
]
