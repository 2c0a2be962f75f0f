"""Reports as flat rows: one summary row an article, and the rows of each table the Spark job
writes (``articles``, ``quotes``, ``sources``, ``entities``, ``findings``, ``framing_spans``).

Every row carries the article's ``id``; offsets are the report's (Unicode code points, ``in`` =
``text`` or ``title``).
"""

from __future__ import annotations

from typing import Any, Dict, List

_ANON = ("anonymous", "unnamed", "vague")


def summary(report: Dict[str, Any]) -> Dict[str, Any]:
    """The summary columns of ``newsprobe analyze --format csv`` for one report, typed."""
    md = report.get("metadata") or {}
    src = report.get("source") or {}
    sources = report.get("sources") or []
    quotes = report.get("quotes") or []
    findings = report.get("findings") or []
    framing = report.get("framing") or {}
    headline = framing.get("headline") or {}
    support = framing.get("headline_support") or {}
    total_quoted = sum(s.get("quoted_words", 0) for s in sources)
    anon_quoted = sum(s.get("quoted_words", 0) for s in sources if s.get("type") in _ANON)

    def count(kind: str) -> int:
        return sum(1 for s in sources if s.get("type") == kind)

    return {
        "id": src.get("id"),
        "path": src.get("path"),
        "url": src.get("url"),
        "title": md.get("title"),
        "published": md.get("published"),
        "site": md.get("site"),
        "language": md.get("language"),
        "byline": "; ".join(md.get("byline") or []),
        "words": len((report.get("text") or "").split()),
        "sentences": len(report.get("sentences") or []),
        "entities": len(report.get("entities") or []),
        "quotes": len(quotes),
        "sources_named": count("named"),
        "sources_anonymous": count("anonymous"),
        "sources_unnamed": count("unnamed"),
        "sources_vague": count("vague"),
        "unattributed_quotes": sum(
            1 for q in quotes if (q.get("source") or {}).get("type") == "unattributed"
        ),
        "anonymous_quoted_word_share": (anon_quoted / total_quoted) if total_quoted else 0.0,
        "clickbait_probability": float((headline.get("clickbait") or {}).get("probability", 0.0)),
        "headline_stance": support.get("stance"),
        "framing_spans": len(framing.get("spans") or []),
        "findings": len(findings),
        "alerts": sum(1 for f in findings if f.get("severity") == "alert"),
        "finding_kinds": " ".join(sorted({f.get("kind", "") for f in findings})),
    }


def _span(s: Dict[str, Any] | None, prefix: str = "") -> Dict[str, Any]:
    s = s or {}
    return {
        prefix + "start": s.get("start"),
        prefix + "end": s.get("end"),
        prefix + "in": s.get("in"),
        prefix + "text": s.get("text"),
    }


def tables(report: Dict[str, Any]) -> Dict[str, List[Dict[str, Any]]]:
    """The report as rows of the Spark job's tables: ``articles`` (one row: the summary),
    ``quotes``, ``sources``, ``entities``, ``findings`` and ``framing_spans``."""
    aid = (report.get("source") or {}).get("id")
    out: Dict[str, List[Dict[str, Any]]] = {"articles": [summary(report)]}
    out["quotes"] = [
        {
            "id": aid,
            "n": i,
            "kind": q.get("kind"),
            **_span(q),
            "speaker": (q.get("source") or {}).get("name"),
            "speaker_suggested": (q.get("source") or {}).get("suggested"),
            "speaker_score": (q.get("source") or {}).get("score"),
            "source_type": (q.get("source") or {}).get("type"),
            "entity": (q.get("source") or {}).get("entity"),
            "cue": (q.get("cue") or {}).get("text"),
        }
        for i, q in enumerate(report.get("quotes") or [])
    ]
    out["sources"] = [
        {
            "id": aid,
            "name": s.get("name"),
            "source_type": s.get("type"),
            "entity": s.get("entity"),
            "quotes": s.get("quotes"),
            "quoted_words": s.get("quoted_words"),
        }
        for s in report.get("sources") or []
    ]
    out["entities"] = [
        {
            "id": aid,
            "entity": e.get("id"),
            "name": e.get("name"),
            "type": e.get("type"),
            "kb_id": e.get("kb_id"),
            "mentions": len(e.get("mentions") or []),
            "descriptors": [d.get("text") for d in e.get("descriptors") or []],
        }
        for e in report.get("entities") or []
    ]
    out["findings"] = [
        {
            "id": aid,
            "kind": f.get("kind"),
            "severity": f.get("severity"),
            "signal": bool(f.get("signal", False)),
            "rule": f.get("rule"),
            "score": f.get("score"),
            "message": f.get("message"),
            "evidence": [e.get("text") for e in f.get("evidence") or []],
            "evidence_start": [e.get("start") for e in f.get("evidence") or []],
            "evidence_end": [e.get("end") for e in f.get("evidence") or []],
            "evidence_in": [e.get("in") for e in f.get("evidence") or []],
        }
        for f in report.get("findings") or []
    ]
    out["framing_spans"] = [
        {
            "id": aid,
            "category": s.get("category"),
            "rule": s.get("rule"),
            "technique": s.get("technique"),
            "score": s.get("score"),
            "in_quote": bool(s.get("in_quote", False)),
            **_span(s),
        }
        for s in (report.get("framing") or {}).get("spans") or []
    ]
    return out
