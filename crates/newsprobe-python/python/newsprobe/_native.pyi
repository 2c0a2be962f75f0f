"""Type stubs of the compiled module (see the docstrings of each function at run time)."""

from typing import Any, Dict, Iterable, Iterator, List, Literal, Optional, Tuple, Union

Report = Dict[str, Any]
Record = Dict[str, Any]

class NewsprobeError(ValueError):
    """An input newsprobe could not read or analyse (``INPUT[:LINE]: message``, as the CLI)."""

def analyze(
    *,
    text: Optional[str] = None,
    title: Optional[str] = None,
    html: Optional[Union[str, bytes]] = None,
    url: Optional[str] = None,
    published: Optional[str] = None,
    site: Optional[str] = None,
    id: Optional[str] = None,
    charset: Optional[str] = None,
    output: Literal["dict", "json"] = "dict",
) -> Any:
    """One article's report (the contract's schema) as a dict, or a JSON string."""

def analyze_many(
    records: Iterable[Record],
    threads: Optional[int] = None,
    on_error: Literal["raise", "return"] = "raise",
    output: Literal["dict", "json"] = "dict",
) -> List[Any]:
    """Reports of many records, in parallel with the GIL released, in input order."""

def analyze_columns(records: Iterable[Record], threads: Optional[int] = 1, reports: bool = True,
                    shingles: bool = False, stories: bool = False) -> Dict[str, Any]:
    """Outcomes as columns for Arrow: per-table column lists (child rows carry their parent's
    index), signatures and band keys packed as little-endian bytes; failures as rows with ``error``.
    ``reports=False`` leaves out the JSON report; ``shingles=True`` adds the sorted 32-bit shingle
    hashes (``shingles``, ``shingle_counts``); ``stories=True`` the same-story terms
    (``story_terms``, ``story_weights``, ``story_counts``)."""

def extract(html: Union[str, bytes], url: Optional[str] = None, charset: Optional[str] = None) -> Dict[str, Any]:
    """The article of an HTML page: title, text, byline, published, site, language, url."""

def minhash(text: str) -> Dict[str, Any]:
    """The archive's MinHash: ``{"signature": [100 ints] | None, "bands": [33 keys]}``
    (33 bands of 3 rows over the first 99 values, as the archive's near-copy index keys them)."""

def story_params() -> Dict[str, Any]:
    """The parameters of ``clusters --by story``: anchor_weight, threshold, max_days,
    max_df_share, candidate_terms, max_postings, min_shared."""

def signature_text_of(report: Union[Report, str]) -> str:
    """The text the archive signs for a report: title, newline, text."""

def similarity(a: List[int], b: List[int]) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal positions)."""

def jaccard(a: str, b: str) -> float:
    """Exact Jaccard similarity of the word-shingle sets of two texts."""

def near_copy_params() -> Dict[str, Any]:
    """``{"min_similarity", "hashes", "bands", "rows", "band_shape"}`` of the archive's near-copy
    index (signature values, band keys, values per band, the shape's version)."""

class Records(Iterator[Record]):
    def __iter__(self) -> "Records": ...
    def __next__(self) -> Record: ...

def read(path: str, format: Optional[str] = None, on_error: Literal["raise", "return"] = "raise") -> Records:
    """Records of a file or directory of any input kind (html, text, jsonl, warc, .gz)."""

def read_warc(path: str, on_error: Literal["raise", "return"] = "raise") -> Records:
    """HTML and text records of a WARC file."""

def read_bytes(
    name: str, data: bytes, format: Optional[str] = None, on_error: Literal["raise", "return"] = "raise"
) -> List[Record]:
    """Records of an input held in memory."""

def trace_among(report: Union[Report, str], candidates: Iterable[Union[Report, str]]) -> Dict[str, Any]:
    """The trace of a report against candidate reports, by the archive's trace code."""

class Archive:
    """A SQLite archive of ``newsprobe ingest``."""

    def __init__(self, path: str, create: bool = False, read_only: bool = False) -> None: ...
    def ingest(self, records: Iterable[Record], threads: Optional[int] = None) -> int: ...
    def __len__(self) -> int: ...
    def get(self, id: str) -> Optional[Report]: ...
    def near_copies(self, id: str, min_similarity: Optional[float] = None) -> List[Tuple[str, float]]: ...
    def search(self, query: str, limit: int = 20) -> List[Dict[str, Any]]: ...
    def trace(self, article: Union[Record, Report]) -> Dict[str, Any]: ...
    def clusters(self, by: Literal["story", "site"] = "story", min_similarity: float = 0.5) -> List[Dict[str, Any]]: ...
