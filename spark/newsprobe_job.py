#!/usr/bin/env python3
"""newsprobe over a crawl with Apache Spark.

    spark-submit spark/newsprobe_job.py --input PATH... --output DIR [--master local[2]]

Reads WARC files (local paths, s3a://, hdfs://; Common Crawl CC-NEWS files) or JSON Lines inside
the executors through the `newsprobe` package, analyses every article there (one engine per
Python worker, loaded once), and writes Parquet tables under DIR:

  articles        one row an article: id, url, site, published, title, language, byline, words,
                  sentences, entities, quotes, sources_named|anonymous|unnamed|vague,
                  unattributed_quotes, anonymous_quoted_word_share, clickbait_probability,
                  headline_stance, framing_spans, findings, alerts, finding_kinds, ord, file
  quotes          id, n, kind, start, end, in, text, speaker, speaker_suggested, speaker_score,
                  source_type, entity, cue
  sources         id, name, source_type, entity, quotes, quoted_words
  entities        id, entity, name, type, kb_id, mentions, descriptors
  findings        id, kind, severity, signal, rule, score, message, evidence[_start|_end|_in]
  framing_spans   id, category, rule, technique, score, in_quote, start, end, in, text
  signatures      id, ord, site, published, signature (100 MinHash values), bands (33 LSH keys),
                  shingles (the sorted low 32 bits of the word-3-shingle hashes, for the exact
                  Jaccard), story_terms, story_counts (hashed terms the same-story clusterer
                  weighs, odd = anchor, with their counts)
  reports         id, ord, report (the contract's report as JSON; only with --reports or tracing)
  errors          file, message (records that could not be read or analysed)
  near_copies     a, b (article ids, a read before b), jaccard (exact, from the shingles: what the
                  threshold reads), estimate (from the MinHash signatures, as the archive's
                  look-ups estimate), first (the id published first; the earlier-read one when
                  the order is unknown), a_site, b_site, a_published, b_published, a_ord, b_ord,
                  delay_hours
  site_links      from, to, count, first_seen, mean_similarity, median_delay_hours (sites as
                  nodes, an edge from the site that published first); also site_links.csv and
                  site_network.graphml beside it
  story_pairs     a, b, similarity, a_ord, b_ord: same-story pairs, found and weighed as
                  `clusters --by story` does (TF-IDF cosines of content words and of names and
                  numbers, halved beyond 3 days apart), at its threshold
  clusters        id, cluster, size (connected components over near-copy and same-story pairs,
                  computed in Spark by label propagation; cluster = the first-read member's id)
  traces          id, trace (JSON, the CLI's trace), sources (ids, best first), changes (kinds);
                  candidates: articles sharing a band key, a rare word of an entity's name, or
                  among the --trace-candidates sharing the most rare words

Each analysis table holds one Parquet file per input file (`part-FILENO.parquet`), written by the
Python workers (`--writer spark`: by Spark's writer instead).
ord is the article's read order (file number << 32 | record number), the archive's row order.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from typing import List

DESCRIPTION = __doc__
# A local run's JVM: short-lived, on a few cores, its work small beside the Python analysis; the
# JIT's optimising tier and the parallel collector cost it more CPU than they save (a 20,000-article
# run's JVM start, band join, site network and clusters: 35.5 -> 18.9 CPU s).
LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def parse_args(argv: List[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="newsprobe_job.py",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--input", nargs="+", required=True, metavar="PATH",
                   help="WARC (.warc, .warc.gz) or JSON Lines (.jsonl, .jsonl.gz) files or folders; "
                        "local, file://, s3a://, hdfs:// (Hadoop globs allowed); read in this order, "
                        "folders in sorted order, as `newsprobe ingest` reads them")
    p.add_argument("--output", required=True, metavar="DIR", help="output folder (overwritten)")
    p.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    p.add_argument("--format", default=None, choices=["warc", "jsonl", "html", "text"],
                   help="force the input kind (default: from each file's name, else its content)")
    p.add_argument("--threads-per-task", type=int, default=1,
                   help="analysis threads inside one Spark task (default 1: Spark runs one task a core)")
    p.add_argument("--batch", type=int, default=256, help="records analysed per call (default 256)")
    p.add_argument("--reports", action="store_true",
                   help="also write `reports` (each article's full report as JSON, ~20 KB an article; "
                        "always written when tracing)")
    p.add_argument("--writer", default="direct", choices=["direct", "spark"],
                   help="who writes the analysis tables: `direct` (default), the Python workers through "
                        "pyarrow (local, s3a://, hdfs:// with libhdfs, gs://), one file a table per input "
                        "file; `spark`, Spark's own writer (any Hadoop file system, slower: every row "
                        "crosses into the JVM)")
    p.add_argument("--min-similarity", type=float, default=None,
                   help="least estimated Jaccard of a near-copy (default: the archive's, 0.5)")
    p.add_argument("--shuffle-partitions", type=int, default=None,
                   help="spark.sql.shuffle.partitions (default: 4 per core in local mode)")
    p.add_argument("--max-iterations", type=int, default=50,
                   help="label-propagation rounds for the clusters (default 50)")
    p.add_argument("--trace-ids", default=None, help="comma-separated article ids to trace against the crawl")
    p.add_argument("--trace-ids-file", default=None, help="a file of article ids to trace, one a line")
    p.add_argument("--trace-input", nargs="+", default=None, metavar="PATH",
                   help="rewrites to analyse and trace against the crawl (any input kind)")
    p.add_argument("--rare-df", type=int, default=None,
                   help="a term is rare when at most this many articles hold it (default: 1%% of "
                        "the articles, at least 20)")
    p.add_argument("--trace-candidates", type=int, default=200,
                   help="candidates by shared rare terms per traced article (default 200)")
    p.add_argument("--local-jvm-options", default=LOCAL_JVM_OPTIONS, metavar="OPTS",
                   help="Java options of the driver JVM when this script starts it in local mode "
                        f"(default: \"{LOCAL_JVM_OPTIONS}\": the JIT's quick tier only and the serial "
                        "collector, which halve the JVM's own CPU in a local run whose work is the "
                        "Python analysis; \"\" for the JVM's defaults)")
    p.add_argument("--timings", default=None, metavar="FILE",
                   help="write each step's wall-clock seconds to FILE (JSON), for the bench")
    p.add_argument("--skip", default="",
                   help="comma-separated steps to skip: near_copies (and everything after it), clusters, "
                        "stories (the same-story pairs: clusters then join near-copies only)")
    return p.parse_args(argv)


# --- Analysis, inside the executors -------------------------------------------------------------

SPAN = [("start", "long"), ("end", "long"), ("in", "string"), ("text", "string")]


def child_types():
    import pyarrow as pa

    span = [(n, pa.int64() if t == "long" else pa.string()) for n, t in SPAN]
    evidence = pa.struct(span)
    descriptor = pa.struct([("kind", pa.string()), ("text", pa.string())])
    return {
        "quotes": [("n", pa.int64()), ("kind", pa.string()), *span, ("speaker", pa.string()),
                   ("speaker_suggested", pa.string()), ("speaker_score", pa.float64()),
                   ("source_type", pa.string()), ("entity", pa.string()), ("cue", pa.string())],
        "sources": [("name", pa.string()), ("source_type", pa.string()), ("entity", pa.string()),
                    ("quotes", pa.int64()), ("quoted_words", pa.int64())],
        "entities": [("entity", pa.string()), ("name", pa.string()), ("type", pa.string()),
                     ("kb_id", pa.string()), ("mentions", pa.int64()),
                     ("descriptors", pa.list_(descriptor))],
        "findings": [("kind", pa.string()), ("severity", pa.string()), ("signal", pa.bool_()),
                     ("rule", pa.string()), ("score", pa.float64()), ("message", pa.string()),
                     ("evidence", pa.list_(evidence))],
        "framing_spans": [("category", pa.string()), ("rule", pa.string()), ("technique", pa.string()),
                          ("score", pa.float64()), ("in_quote", pa.bool_()), *span],
        "evidence": span,
        "descriptors": [("kind", pa.string()), ("text", pa.string())],
    }


ARTICLE_COLUMNS = [
    ("id", "s"), ("path", "s"), ("url", "s"), ("title", "s"), ("published", "s"), ("site", "s"),
    ("language", "s"), ("byline", "s"), ("words", "i"), ("sentences", "i"), ("entities", "i"),
    ("quotes", "i"), ("sources_named", "i"), ("sources_anonymous", "i"), ("sources_unnamed", "i"),
    ("sources_vague", "i"), ("unattributed_quotes", "i"), ("anonymous_quoted_word_share", "f"),
    ("clickbait_probability", "f"), ("headline_stance", "s"), ("framing_spans", "i"),
    ("findings", "i"), ("alerts", "i"), ("finding_kinds", "s"),
]
NESTED = [("quote_rows", "quotes"), ("source_rows", "sources"), ("entity_rows", "entities"),
          ("finding_rows", "findings"), ("framing_rows", "framing_spans")]


def extras(args, tracing):
    """What the analysis writes beyond the summary, child rows and signatures."""
    skip = set(filter(None, args.skip.split(",")))
    return {"reports": bool(args.reports or tracing),
            "shingles": "near_copies" not in skip,
            "stories": not skip & {"near_copies", "clusters", "stories"}}


def signature_fields(opts):
    import pyarrow as pa

    f = [("signature", pa.list_(pa.int64())), ("bands", pa.list_(pa.int64()))]
    if opts["shingles"]:
        f.append(("shingles", pa.list_(pa.int32())))
    if opts["stories"]:
        f += [("story_terms", pa.list_(pa.int64())), ("story_counts", pa.list_(pa.float32()))]
    return f


def arrow_schema(opts):
    """The wide table's schema (`--writer spark`)."""
    import pyarrow as pa

    kinds = {"s": pa.string(), "i": pa.int64(), "f": pa.float64()}
    ct = child_types()
    return pa.schema(
        [("ord", pa.int64()), ("file", pa.string()), ("error", pa.string())]
        + [(n, kinds[k]) for n, k in ARTICLE_COLUMNS]
        + signature_fields(opts)
        + ([("report", pa.string())] if opts["reports"] else [])
        + [(col, pa.list_(pa.struct(ct[table]))) for col, table in NESTED])


def _struct(cols, fields):
    import pyarrow as pa

    n = len(next(iter(cols.values()))) if cols else 0
    arrays = [cols[name] if isinstance(cols.get(name), pa.Array)
              else pa.array(cols.get(name, [None] * n), type=t) for name, t in fields]
    return pa.StructArray.from_arrays(arrays, fields=[pa.field(nm, t) for nm, t in fields]) if fields else None


def _offsets(counts):
    import numpy as np
    import pyarrow as pa

    counts = np.asarray(counts, dtype=np.int64)
    offsets = np.zeros(len(counts) + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    return pa.array(offsets)


def _lists(parents, index, values):
    """A list column: `values` grouped by their (sorted) parent `index`."""
    import numpy as np
    import pyarrow as pa

    counts = np.bincount(np.asarray(index, dtype=np.int64), minlength=parents) if len(index) else \
        np.zeros(parents, dtype=np.int64)
    return pa.ListArray.from_arrays(_offsets(counts), values)


def lsh_shape():
    """The archive's signature length and band count (`newsprobe.near_copy_params`)."""
    import newsprobe

    return newsprobe.near_copy_params()


def signature_columns(c, n, opts):
    """signature, bands (and shingles, story terms) as Arrow list columns, null without words."""
    import numpy as np
    import pyarrow as pa

    mask = pa.array(~np.asarray(c.get("has_signature", []), dtype=bool))
    shape = lsh_shape()
    h, k = shape["hashes"], shape["bands"]
    sig = np.frombuffer(c.get("signature", b""), dtype="<u4").astype(np.int64)
    out = {"signature": pa.ListArray.from_arrays(
        pa.array(np.arange(0, h * n + 1, h, dtype=np.int32)), pa.array(sig), mask=mask)}
    bands = np.frombuffer(c.get("bands", b""), dtype="<i8")
    out["bands"] = pa.ListArray.from_arrays(pa.array(np.arange(0, k * n + 1, k, dtype=np.int32)),
                                            pa.array(bands), mask=mask)
    if opts["shingles"]:
        out["shingles"] = pa.ListArray.from_arrays(
            _offsets(c.get("shingle_counts", [])),
            pa.array(np.frombuffer(c.get("shingles", b""), dtype="<i4")), mask=mask)
    if opts["stories"]:
        offsets = _offsets(c.get("story_counts", []))
        out["story_terms"] = pa.ListArray.from_arrays(
            offsets, pa.array(np.frombuffer(c.get("story_terms", b""), dtype="<i8")), mask=mask)
        out["story_counts"] = pa.ListArray.from_arrays(
            offsets, pa.array(np.frombuffer(c.get("story_weights", b""), dtype="<f4")), mask=mask)
    return out


def _children(c):
    """The child tables' columns, descriptors and evidence nested into entities and findings."""
    ct = child_types()
    ents, finds = dict(c.get("entities", {})), dict(c.get("findings", {}))
    ents["descriptors"] = _lists(len(ents.get("article", [])), c.get("descriptors", {}).get("entity", []),
                                 _struct(c.get("descriptors", {}), ct["descriptors"]))
    finds["evidence"] = _lists(len(finds.get("article", [])), c.get("evidence", {}).get("finding", []),
                               _struct(c.get("evidence", {}), ct["evidence"]))
    return {"quotes": c.get("quotes", {}), "sources": c.get("sources", {}), "entities": ents,
            "findings": finds, "framing_spans": c.get("framing_spans", {})}


def _article_columns(file_no, name, first_n, c):
    import numpy as np
    import pyarrow as pa

    arts = c.get("articles", {})
    n = len(arts.get("error", []))
    kinds = {"s": pa.string(), "i": pa.int64(), "f": pa.float64()}
    out = {
        "ord": pa.array((np.int64(file_no) << 32) | np.arange(first_n, first_n + n, dtype=np.int64)),
        "file": pa.array([name] * n, type=pa.string()),
        "error": pa.array(arts.get("error", []), type=pa.string()),
    }
    for col, k in ARTICLE_COLUMNS:
        out[col] = pa.array(arts.get(col, [None] * n), type=kinds[k])
    return n, out


def arrow_batch(file_no, name, first_n, c, opts):
    """An Arrow record batch of the wide table (`--writer spark`) from `analyze_columns`' output."""
    import pyarrow as pa

    n, out = _article_columns(file_no, name, first_n, c)
    out.update(signature_columns(c, n, opts))
    if opts["reports"]:
        out["report"] = pa.array(c.get("articles", {}).get("report", [None] * n), type=pa.string())
    ct = child_types()
    tables = _children(c)
    for col, table in NESTED:
        t = tables[table]
        out[col] = _lists(n, t.get("article", []), _struct(t, ct[table]))
    return pa.RecordBatch.from_pydict(out, schema=arrow_schema(opts))


def part_tables(file_no, name, first_n, c, opts):
    """Every output table's rows for one analysed chunk, as Arrow tables (the direct writer)."""
    import numpy as np
    import pyarrow as pa

    n, cols = _article_columns(file_no, name, first_n, c)
    failed = np.asarray([e is not None for e in c.get("articles", {}).get("error", [])], dtype=bool)
    ok = pa.array(~failed)
    out = {"errors": pa.table({"file": cols["file"], "message": cols["error"]}).filter(pa.array(failed))}
    out["articles"] = pa.table({k: v for k, v in cols.items() if k != "error"}).filter(ok)
    sig = {"id": cols["id"], "ord": cols["ord"], "site": cols["site"], "published": cols["published"]}
    sig.update(signature_columns(c, n, opts))
    out["signatures"] = pa.table(sig).filter(ok)
    if opts["reports"]:
        rep = pa.array(c.get("articles", {}).get("report", [None] * n), type=pa.string())
        out["reports"] = pa.table({"id": cols["id"], "ord": cols["ord"], "report": rep}).filter(ok)
    ct = child_types()
    ids = cols["id"]
    for table, t in _children(c).items():
        parent = pa.array(np.asarray(t.get("article", []), dtype=np.int64), type=pa.int64())
        rows = {"id": ids.take(parent)}
        m = len(parent)
        for f, typ in ct[table]:
            v = t.get(f)
            rows[f] = v if isinstance(v, pa.Array) else pa.array(v if v is not None else [None] * m, type=typ)
        out[table] = pa.table(rows)
    return out


def output_fs(out):
    """(pyarrow file system, path) of an output folder: local, s3a:// (as s3://), hdfs://, gs://."""
    from pyarrow import fs as pafs

    if is_local(out):
        return pafs.LocalFileSystem(), os.path.abspath(out[len("file://"):] if out.startswith("file://") else out)
    uri = "s3://" + out[len("s3a://"):] if out.startswith("s3a://") else out
    return pafs.FileSystem.from_uri(uri)


class PartWriter:
    """One Parquet file a table for one input file (`TABLE/part-FILENO.parquet`), written from the
    Python worker; a task run again rewrites the same names, and a local file appears only whole
    (written under a hidden name, then renamed)."""

    ROW_GROUP = 4096  # articles per row group

    def __init__(self, out, file_no, opts):
        self.fs, self.base = output_fs(out)
        self.local = is_local(out)
        self.file_no, self.opts = file_no, opts
        self.pending, self.pending_n, self.writers = {}, 0, {}
        self.articles = self.errors = 0

    def add(self, tables):
        self.articles += tables["articles"].num_rows
        self.errors += tables["errors"].num_rows
        for k, t in tables.items():
            self.pending.setdefault(k, []).append(t)
        self.pending_n += tables["articles"].num_rows + tables["errors"].num_rows
        if self.pending_n >= self.ROW_GROUP:
            self.flush()

    def _path(self, table, hidden):
        name = f"part-{self.file_no:010d}.parquet"
        return f"{self.base}/{table}/" + (f".{name}.tmp" if hidden else name)

    def flush(self):
        import pyarrow as pa
        import pyarrow.parquet as pq

        for k, ts in self.pending.items():
            t = pa.concat_tables(ts)
            w = self.writers.get(k)
            if w is None:
                self.fs.create_dir(f"{self.base}/{k}", recursive=True)
                w = self.writers[k] = pq.ParquetWriter(self._path(k, self.local), t.schema, filesystem=self.fs,
                                                       compression="snappy")
            w.write_table(t)
        self.pending, self.pending_n = {}, 0

    def close(self):
        import newsprobe

        if not self.writers and not self.pending:
            # An input without records still gives every table a (typed, empty) file.
            self.add(part_tables(self.file_no, "", 1, newsprobe.analyze_columns(
                [], reports=self.opts["reports"], shingles=self.opts["shingles"],
                stories=self.opts["stories"]), self.opts))
        self.flush()
        for k, w in self.writers.items():
            w.close()
            if self.local:
                self.fs.move(self._path(k, True), self._path(k, False))


def analysed_chunks(records, batch, threads, opts):
    """(first record number, `analyze_columns` output) for each chunk of `records`."""
    import itertools

    import newsprobe

    it = iter(records)
    first = 1
    while True:
        chunk = list(itertools.islice(it, batch))
        if not chunk:
            return
        yield first, newsprobe.analyze_columns(chunk, threads=threads, reports=opts["reports"],
                                               shingles=opts["shingles"], stories=opts["stories"])
        first += len(chunk)


def make_analyse(fmt, batch, threads, opts, out):
    """The function `mapInArrow` runs over (file_no, path, content) batches: with `out`, writes
    every table itself and yields one summary row a file; without, yields the wide table."""
    def analyse(batches):
        import pyarrow as pa

        import newsprobe

        for b in batches:
            for file_no, path, content in zip(b.column("file_no").to_pylist(),
                                              b.column("path").to_pylist(),
                                              b.column("content").to_pylist()):
                if content is None:
                    local = path[len("file://"):] if path.startswith("file://") else path
                    records = newsprobe.read(local, format=fmt, on_error="return")
                else:
                    records = newsprobe.read_bytes(path.rsplit("/", 1)[-1], content, format=fmt,
                                                   on_error="return")
                chunks = analysed_chunks(records, batch, threads, opts)
                if out is None:
                    for first, c in chunks:
                        yield arrow_batch(file_no, path, first, c, opts)
                    continue
                w = PartWriter(out, file_no, opts)
                for first, c in chunks:
                    w.add(part_tables(file_no, path, first, c, opts))
                w.close()
                yield pa.RecordBatch.from_pydict(
                    {"file_no": [file_no], "path": [path], "articles": [w.articles], "errors": [w.errors]},
                    schema=pa.schema([("file_no", pa.int64()), ("path", pa.string()),
                                      ("articles", pa.int64()), ("errors", pa.int64())]))

    return analyse


# --- The driver ---------------------------------------------------------------------------------

SUPPORTED = (".warc", ".warc.gz", ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".html", ".htm",
             ".txt", ".html.gz", ".txt.gz", ".xhtml")


def is_local(path: str) -> bool:
    return "://" not in path or path.startswith("file://")


def expand_local(path: str) -> List[str]:
    p = path[len("file://"):] if path.startswith("file://") else path
    if os.path.isdir(p):
        out = []
        for root, dirs, files in os.walk(p):
            dirs.sort()
            for f in sorted(files):
                if f.lower().endswith(SUPPORTED):
                    out.append(os.path.join(root, f))
        return sorted(out)
    return [p]


def spark_session(args):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    b = SparkSession.builder.appName("newsprobe")
    if args.master:
        b = b.master(args.master)
    master = args.master or ""
    if master.startswith("local"):
        cores = master[len("local["):-1] if master.startswith("local[") else "1"
        cores = os.cpu_count() or 2 if cores == "*" else int(cores)
        b = (b.config("spark.ui.enabled", "false")
             .config("spark.driver.host", "127.0.0.1")
             .config("spark.driver.bindAddress", "127.0.0.1")
             .config("spark.sql.shuffle.partitions", str(args.shuffle_partitions or 4 * cores)))
        if args.local_jvm_options:
            # Read when this process launches the JVM (python newsprobe_job.py); under
            # spark-submit the JVM is already running: pass --driver-java-options there.
            b = b.config("spark.driver.extraJavaOptions", args.local_jvm_options)
    elif args.shuffle_partitions:
        b = b.config("spark.sql.shuffle.partitions", str(args.shuffle_partitions))
    # One input file per Arrow batch into the analysis (a batch holds whole files' bytes when
    # they come from remote storage).
    b = b.config("spark.sql.execution.arrow.maxRecordsPerBatch", "1")
    return b.getOrCreate()


def input_files(spark, paths: List[str]):
    """A DataFrame (file_no, path, content): local files by path (read in the executors), remote
    files through Spark's binaryFile source (bytes handed to the executors)."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    schema = T.StructType([T.StructField("file_no", T.LongType()), T.StructField("path", T.StringType()),
                           T.StructField("content", T.BinaryType())])
    local_rows, remote = [], []
    n = 0
    for p in paths:
        if is_local(p):
            for f in expand_local(p):
                local_rows.append((n, f, None))
                n += 1
        else:
            remote.append((n, p))
            n += 1 << 20  # room for the files a remote glob expands to
    # One file a partition (a task reads and analyses one file).
    df = spark.createDataFrame(spark.sparkContext.parallelize(local_rows, max(1, len(local_rows))), schema) \
        if local_rows else spark.createDataFrame([], schema)
    for base, pattern in remote:
        files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(pattern))
        names = sorted(r.path for r in files.select("path").collect())
        order = spark.createDataFrame([(base + i, nm) for i, nm in enumerate(names)], "file_no long, path string")
        df = df.unionByName(order.join(files.select("path", "content"), "path")
                            .select("file_no", "path", "content").repartition(max(1, len(names)), "file_no"))
    return df


def write(df, out, name):
    df.write.mode("overwrite").parquet(f"{out}/{name}")


TABLES = ("articles", "quotes", "sources", "entities", "findings", "framing_spans", "signatures", "reports",
          "errors")


def delete_path(spark, path):
    """Removes a file or folder, locally or through Hadoop's file system (s3a://, hdfs://)."""
    if is_local(path):
        shutil.rmtree(path[len("file://"):] if path.startswith("file://") else path, ignore_errors=True)
        return
    jvm = spark.sparkContext._jvm
    hp = jvm.org.apache.hadoop.fs.Path(path)
    hp.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(hp, True)


def analyse(spark, args, paths, out, opts):
    """Analyses the inputs once, in the executors, into the tables under `out` (TABLES; `reports`
    only when opts asks). The direct writer (default) has the Python workers write each table's
    Parquet themselves, one file a table per input file, so nothing but a count a file crosses
    into the JVM; `--writer spark` hands the rows to Spark's writer (a wide table, then one
    table cut from it at a time) for file systems pyarrow cannot reach."""
    from pyspark.sql.pandas.types import from_arrow_schema

    files = input_files(spark, paths)
    for t in TABLES + ("_analysed",):
        delete_path(spark, f"{out}/{t}")
    if args.writer == "direct":
        fn = make_analyse(args.format, args.batch, args.threads_per_task, opts, out)
        done = files.mapInArrow(fn, "file_no long, path string, articles long, errors long").collect()
        return sum(r["articles"] for r in done)
    fn = make_analyse(args.format, args.batch, args.threads_per_task, opts, None)
    write(files.mapInArrow(fn, from_arrow_schema(arrow_schema(opts))), out, "_analysed")
    tables_from(spark.read.parquet(f"{out}/_analysed"), out, opts)
    delete_path(spark, f"{out}/_analysed")
    return spark.read.parquet(f"{out}/articles").count()


def tables_from(wide, out, opts):
    from pyspark.sql import functions as F

    ok = wide.where(F.col("error").isNull())
    write(wide.where(F.col("error").isNotNull()).select(F.col("file"), F.col("error").alias("message")),
          out, "errors")
    sig = [f for f, _ in signature_fields(opts)]
    scalars = [c for c in wide.columns if c not in (
        "error", "report", "quote_rows", "source_rows", "entity_rows", "finding_rows", "framing_rows", *sig)]
    write(ok.select(*scalars), out, "articles")
    for col, name in (("quote_rows", "quotes"), ("source_rows", "sources"), ("entity_rows", "entities"),
                      ("finding_rows", "findings"), ("framing_rows", "framing_spans")):
        write(ok.select("id", F.explode(col).alias("r")).select("id", "r.*"), out, name)
    write(ok.select("id", "ord", "site", "published", *sig), out, "signatures")
    if opts["reports"]:
        write(ok.select("id", "ord", "report"), out, "reports")


def near_copies(spark, sigs, min_sim, broadcast_rows=2_000_000, stats=None):
    """Pairs of articles sharing an LSH band key whose Jaccard reaches `min_sim`: candidates by the
    band join (read orders only: 33 keys an article), then verified on their shingle hashes (the
    exact Jaccard, beside the MinHash estimate). Only the candidates' signature rows are read
    into the verification (a semi-join on the candidates' read orders, broadcast while there are
    at most `broadcast_rows` of them), once for both sides of the pairs."""
    from pyspark.sql import functions as F

    keys = sigs.where(F.col("bands").isNotNull()).select("ord", F.explode("bands").alias("key"))
    x, y = keys.alias("x"), keys.alias("y")
    cand = (x.join(y, "key").where(F.col("x.ord") < F.col("y.ord"))
            .select(F.col("x.ord").alias("a_ord"), F.col("y.ord").alias("b_ord"))
            .distinct().localCheckpoint())
    members = cand.select(F.col("a_ord").alias("ord")).union(cand.select(F.col("b_ord").alias("ord"))).distinct()
    held = members.count()
    if stats is not None:
        stats.update(candidates=cand.count(), candidate_articles=held)
    if held <= broadcast_rows:
        members = F.broadcast(members)
    s = (sigs.select("ord", "id", "site", "published", "signature", "shingles")
         .join(members, "ord").localCheckpoint())
    a = s.select(*[F.col(c).alias("a_" + c) for c in s.columns])
    b = s.select(*[F.col(c).alias("b_" + c) for c in s.columns])
    shared = F.size(F.array_intersect("a_shingles", "b_shingles"))
    j = (cand.join(a, "a_ord").join(b, "b_ord")
         .withColumn("estimate", F.size(F.filter(F.zip_with("a_signature", "b_signature",
                                                            lambda x, y: x == y), lambda e: e))
                     / F.size("a_signature"))
         .withColumn("jaccard", shared / (F.size("a_shingles") + F.size("b_shingles") - shared))
         .where(F.col("jaccard") >= min_sim)
         .withColumnRenamed("a_id", "a").withColumnRenamed("b_id", "b"))
    # Who came first: the earlier publication (string order, as the archive compares dates);
    # an unknown date goes last; with both unknown, the earlier-read article.
    a_first = (F.when(F.col("a_published").isNotNull() & F.col("b_published").isNotNull(),
                      F.col("a_published") <= F.col("b_published"))
               .when(F.col("a_published").isNotNull(), F.lit(True))
               .when(F.col("b_published").isNotNull(), F.lit(False))
               .otherwise(F.lit(True)))
    ta, tb = F.to_timestamp("a_published"), F.to_timestamp("b_published")
    delay = (F.abs(F.unix_timestamp(tb) - F.unix_timestamp(ta)) / 3600.0)
    return j.select(
        "a", "b", "jaccard", "estimate",
        F.when(a_first, F.col("a")).otherwise(F.col("b")).alias("first"),
        "a_site", "b_site", "a_published", "b_published", "a_ord", "b_ord",
        delay.alias("delay_hours"),
    )


def site_links(pairs):
    from pyspark.sql import functions as F

    unknown = F.lit("(unknown)")
    p = pairs.select(
        "jaccard", "delay_hours",
        F.coalesce("a_site", unknown).alias("sa"), F.coalesce("b_site", unknown).alias("sb"),
        "a_published", "b_published", (F.col("first") == F.col("a")).alias("a_first"),
    ).where(F.col("sa") != F.col("sb"))
    oriented = p.select(
        F.when(F.col("a_first"), F.col("sa")).otherwise(F.col("sb")).alias("from"),
        F.when(F.col("a_first"), F.col("sb")).otherwise(F.col("sa")).alias("to"),
        F.when(F.col("a_first"), F.col("b_published")).otherwise(F.col("a_published")).alias("to_published"),
        "jaccard", "delay_hours",
    )
    return (oriented.groupBy("from", "to")
            .agg(F.count("*").alias("count"), F.min("to_published").alias("first_seen"),
                 F.avg("jaccard").alias("mean_similarity"),
                 F.percentile_approx("delay_hours", 0.5).alias("median_delay_hours"))
            .orderBy(F.desc("count"), "from", "to"))


def write_graph(links, out):
    """site_links.csv and site_network.graphml (the site graph is small: collected here)."""
    from xml.sax.saxutils import escape, quoteattr

    rows = links.collect()
    csv_lines = ["from,to,count,first_seen,mean_similarity,median_delay_hours"]

    def cell(v):
        s = "" if v is None else str(v)
        return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n\r') else s

    nodes = sorted({r["from"] for r in rows} | {r["to"] for r in rows})
    g = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
         '<key id="count" for="edge" attr.name="count" attr.type="int"/>',
         '<key id="first_seen" for="edge" attr.name="first_seen" attr.type="string"/>',
         '<key id="mean_similarity" for="edge" attr.name="mean_similarity" attr.type="double"/>',
         '<key id="median_delay_hours" for="edge" attr.name="median_delay_hours" attr.type="double"/>',
         '<graph id="sites" edgedefault="directed">']
    g += [f"<node id={quoteattr(n)}/>" for n in nodes]
    for r in rows:
        csv_lines.append(",".join(cell(r[c]) for c in ("from", "to", "count", "first_seen",
                                                        "mean_similarity", "median_delay_hours")))
        g.append(f"<edge source={quoteattr(r['from'])} target={quoteattr(r['to'])}>"
                 f"<data key=\"count\">{r['count']}</data>"
                 f"<data key=\"first_seen\">{escape(r['first_seen'] or '')}</data>"
                 f"<data key=\"mean_similarity\">{r['mean_similarity']}</data>"
                 + (f"<data key=\"median_delay_hours\">{r['median_delay_hours']}</data>"
                    if r["median_delay_hours"] is not None else "") + "</edge>")
    g += ["</graph>", "</graphml>"]
    put_text(links.sparkSession, f"{out}/site_links.csv", "\n".join(csv_lines) + "\n")
    put_text(links.sparkSession, f"{out}/site_network.graphml", "\n".join(g) + "\n")


def put_text(spark, path, text):
    """Writes one small text file, locally or through Hadoop's file system (s3a://, hdfs://)."""
    if is_local(path):
        with open(path[len("file://"):] if path.startswith("file://") else path, "w", encoding="utf-8") as f:
            f.write(text)
        return
    jvm = spark.sparkContext._jvm
    hp = jvm.org.apache.hadoop.fs.Path(path)
    fs = hp.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    stream = fs.create(hp, True)
    stream.write(bytearray(text.encode("utf-8")))
    stream.close()


def story_pairs(spark, sigs, n):
    """Same-story pairs, found and weighed by joins as `clusters --by story` finds and weighs
    them: each article's terms (stemmed content words, the title's twice; anchors: names, short
    numbers, entity and speaker names) weighted by TF-IDF over the crawl, content and anchors each
    a unit vector; candidates share at least `min_shared` of their `candidate_terms` strongest
    content terms (terms in more than `max_df_share` of the articles, or in more than
    `max_postings` strong lists, make none); the similarity mixes the two cosines and is halved
    when the publication days are more than `max_days` apart; pairs at the archive's threshold.
    One self-join on terms gives both the candidates and the cosines, so the content cosine is
    summed over the shared strong terms and the anchor cosine over anchors held by at most
    `max_postings` articles: a lower bound of the archive's similarity (the terms left out are
    each article's weakest), so a pair found here is one the archive's weighing finds too."""
    import math

    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    import newsprobe

    p = newsprobe.story_params()
    t = (sigs.where(F.col("story_terms").isNotNull())
         .select("ord", F.explode(F.arrays_zip("story_terms", "story_counts")).alias("t"))
         .select("ord", F.col("t.story_terms").alias("term"), F.col("t.story_counts").alias("c")))
    df_ = t.groupBy("term").agg(F.count("*").alias("df"))
    w = (1.0 + F.log("c")) * F.greatest(F.log((1.0 + n) / (1.0 + F.col("df"))), F.lit(0.0)) + 1e-6
    t = t.join(df_, "term").withColumn("anchor", (F.col("term") % 2) == 1).withColumn("w", w)
    norm = F.sqrt(F.sum(F.col("w") * F.col("w")).over(Window.partitionBy("ord", "anchor")))
    max_df = max(math.ceil(n * p["max_df_share"]), 2)
    t = t.withColumn("w", F.col("w") / norm).where(F.col("df") <= max_df)
    rank = F.row_number().over(Window.partitionBy("ord", "anchor").orderBy(F.desc("w"), "term"))
    kept = t.withColumn("rank", rank).where(F.col("anchor") | (F.col("rank") <= p["candidate_terms"]))
    postings = kept.groupBy("term").agg(F.count("*").alias("postings"))
    kept = (kept.join(postings.where(F.col("postings") <= p["max_postings"]), "term")
            .select("ord", "term", "anchor", "w"))
    x, y = kept.alias("x"), kept.alias("y")
    prod = F.col("x.w") * F.col("y.w")
    pairs = (x.join(y, "term").where(F.col("x.ord") < F.col("y.ord"))
             .groupBy(F.col("x.ord").alias("a"), F.col("y.ord").alias("b"))
             .agg(F.sum(F.when(~F.col("x.anchor"), 1).otherwise(0)).alias("shared"),
                  F.sum(F.when(~F.col("x.anchor"), prod).otherwise(0.0)).alias("content"),
                  F.sum(F.when(F.col("x.anchor"), prod).otherwise(0.0)).alias("anchors"))
             .where(F.col("shared") >= p["min_shared"]))
    day = F.datediff(F.to_date(F.substring("published", 1, 10)), F.lit("1970-01-01"))
    days = sigs.select("ord", "id", day.alias("day"))
    da = days.select(F.col("ord").alias("a"), F.col("id").alias("a_id"), F.col("day").alias("da"))
    db = days.select(F.col("ord").alias("b"), F.col("id").alias("b_id"), F.col("day").alias("db"))
    sim = (1.0 - p["anchor_weight"]) * F.col("content") + p["anchor_weight"] * F.col("anchors")
    far = F.col("da").isNotNull() & F.col("db").isNotNull() & (F.abs(F.col("da") - F.col("db")) > p["max_days"])
    return (pairs.withColumn("s", sim).where(F.col("s") >= p["threshold"])
            .join(da, "a").join(db, "b")
            .withColumn("similarity", F.when(far, F.col("s") * 0.5).otherwise(F.col("s")))
            .where(F.col("similarity") >= p["threshold"])
            .select(F.col("a_id").alias("a"), F.col("b_id").alias("b"), "similarity",
                    F.col("a").alias("a_ord"), F.col("b").alias("b_ord")))


def components(spark, pairs, max_iterations):
    """Connected components of a graph of (a_ord, b_ord) edges by label propagation over
    DataFrames (each vertex takes the least read order among itself and its neighbours, until
    nothing changes): `(v, l)` for the vertices of the edges."""
    from pyspark.sql import functions as F

    e = pairs.select(F.col("a_ord").alias("src"), F.col("b_ord").alias("dst"))
    edges = e.union(e.select(F.col("dst").alias("src"), F.col("src").alias("dst"))).localCheckpoint()
    labels = edges.select(F.col("src").alias("v")).distinct().withColumn("l", F.col("v")).localCheckpoint()
    for _ in range(max_iterations):
        # The least label among the neighbours' and its own, beside its own (`old`): one
        # aggregation a round, and the rows that changed counted on its result.
        moved = (edges.join(labels, edges.src == labels.v)
                 .select(F.col("dst").alias("v"), "l", F.lit(None).cast("long").alias("old"))
                 .union(labels.select("v", "l", F.col("l").alias("old")))
                 .groupBy("v").agg(F.min("l").alias("l"), F.min("old").alias("old")).localCheckpoint())
        labels = moved.select("v", "l")
        if moved.where(F.col("l") != F.col("old")).isEmpty():
            break
    return labels


def clusters_table(spark, articles, pairs, max_iterations, out):
    """Each article's cluster (the first-read member's id) and its size: the components of the
    edges, then every article, alone where it has no edge."""
    from pyspark.sql import functions as F

    labels = components(spark, pairs, max_iterations)
    ids = articles.select("id", "ord")
    sizes = labels.groupBy("l").agg(F.count("*").alias("size"))
    named = (labels.join(sizes, "l")
             .join(ids.select(F.col("ord").alias("l"), F.col("id").alias("cluster")), "l")
             .select("v", "cluster", "size"))
    write(ids.join(named, ids.ord == named.v, "left")
          .select("id", F.coalesce("cluster", "id").alias("cluster"),
                  F.coalesce("size", F.lit(1)).cast("long").alias("size")), out, "clusters")


def trace_step(spark, args, out, sigs, reports):
    """Traces the given ids (or rewrites) against the crawl: candidates by band key and by shared
    rare terms, then `newsprobe.trace_among` (the archive's trace code) on each candidate set."""
    from pyspark.sql import functions as F

    ids: List[str] = []
    if args.trace_ids:
        ids += [i for i in args.trace_ids.split(",") if i]
    if args.trace_ids_file:
        with open(args.trace_ids_file, encoding="utf-8") as f:
            ids += [line.strip() for line in f if line.strip()]
    inputs = None
    if ids:
        want = spark.createDataFrame([(i,) for i in ids], "tid string")
        inputs = (want.join(sigs, want.tid == sigs.id).join(reports.select("id", F.col("report").alias("treport")), "id")
                  .select("tid", "bands", "treport"))
    if args.trace_input:
        tin = f"{out}/_trace_input"
        analyse(spark, args, args.trace_input, tin, {"reports": True, "shingles": False, "stories": False})
        extra = (spark.read.parquet(f"{tin}/signatures").select("id", "bands")
                 .join(spark.read.parquet(f"{tin}/reports").select("id", "report"), "id")
                 .select(F.col("id").alias("tid"), "bands", F.col("report").alias("treport")))
        inputs = extra if inputs is None else inputs.unionByName(extra)
    if inputs is None:
        return
    inputs = inputs.localCheckpoint()
    n = reports.count()
    rare_df = args.rare_df or max(20, n // 100)

    def terms(df, idcol, textcol):
        words = F.split(F.lower(F.get_json_object(textcol, "$.text")), r"[^\p{L}\p{N}]+")
        title = F.split(F.lower(F.coalesce(F.get_json_object(textcol, "$.metadata.title"), F.lit(""))),
                        r"[^\p{L}\p{N}]+")
        return (df.select(idcol, F.explode(F.array_distinct(F.concat(title, words))).alias("term"))
                .where(F.length("term") >= 4))

    crawl_terms = terms(reports, "id", "report")
    df_ = crawl_terms.groupBy("term").agg(F.count("*").alias("df")).where(F.col("df") <= rare_df)
    rare = crawl_terms.join(df_.select("term"), "term")
    in_terms = terms(inputs, "tid", "treport")
    from pyspark.sql.window import Window

    by_terms = (in_terms.join(rare, "term").where(F.col("tid") != F.col("id"))
                .groupBy("tid", "id").agg(F.count("*").alias("shared"))
                .withColumn("rank", F.row_number().over(Window.partitionBy("tid").orderBy(F.desc("shared"), "id")))
                .where(F.col("rank") <= args.trace_candidates).select("tid", "id"))
    # Names (words of the entities' names): every article sharing a rare one is a candidate, as
    # the archive's search puts names first.
    def names(df, idcol, textcol):
        ns = F.from_json(F.get_json_object(textcol, "$.entities[*].name"), "array<string>")
        ws = F.flatten(F.transform(F.coalesce(ns, F.array().cast("array<string>")),
                                   lambda n: F.split(F.lower(n), r"[^\p{L}\p{N}]+")))
        return df.select(idcol, F.explode(F.array_distinct(ws)).alias("term")).where(F.length("term") >= 3)

    crawl_names = names(reports, "id", "report")
    name_df = crawl_names.groupBy("term").agg(F.count("*").alias("df")).where(F.col("df") <= rare_df)
    by_names = (names(inputs, "tid", "treport").join(crawl_names.join(name_df.select("term"), "term"), "term")
                .where(F.col("tid") != F.col("id")).select("tid", "id"))
    in_keys = inputs.select("tid", F.explode("bands").alias("key"))
    crawl_keys = sigs.select("id", F.explode("bands").alias("key"))
    by_band = in_keys.join(crawl_keys, "key").where(F.col("tid") != F.col("id")).select("tid", "id")
    cands = by_terms.union(by_band).union(by_names).distinct().join(reports, "id")
    grouped = (cands.groupBy("tid").agg(F.sort_array(F.collect_list(F.struct("ord", "report"))).alias("pool"))
               .join(inputs.select("tid", "treport"), "tid", "right"))

    def run(rows):
        import newsprobe

        for r in rows:
            pool = [c["report"] for c in (r["pool"] or [])]
            t = newsprobe.trace_among(r["treport"], pool)
            yield (r["tid"], json.dumps(t, ensure_ascii=False, sort_keys=True),
                   [s["id"] for s in t["sources"]], [c["kind"] for c in t["changes"]])

    traced = grouped.rdd.mapPartitions(run).toDF(
        "id string, trace string, sources array<string>, changes array<string>")
    write(traced, out, "traces")


class TreeCpu:
    """CPU seconds (user + system) of this process and its descendants (the JVM, the Python
    daemon and workers, in local mode), from /proc, sampled every `every` seconds by a thread:
    a process that has ended keeps the CPU it was last seen with (Python workers end when idle,
    and no process of the tree reaps them into its own count); 0 where there is no /proc."""

    def __init__(self, every=0.5):
        import threading

        self.seen = {}  # (pid, start time) -> CPU seconds when last seen
        self.lock = threading.Lock()
        self.stop = threading.Event()
        try:
            self.tick = os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError):
            self.tick = 0
        self.sample()
        if self.tick:
            t = threading.Thread(target=self._run, args=(every,), daemon=True)
            t.start()

    def _run(self, every):
        while not self.stop.wait(every):
            self.sample()

    def sample(self):
        if not self.tick:
            return
        stats = {}
        try:
            pids = os.listdir("/proc")
        except OSError:
            return
        for pid in pids:
            if pid.isdigit():
                try:
                    with open(f"/proc/{pid}/stat") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                    stats[int(pid)] = (int(fields[1]), fields[19], int(fields[11]) + int(fields[12]))
                except (OSError, IndexError, ValueError):
                    continue
        mine, frontier = {os.getpid()}, [os.getpid()]
        while frontier:
            parent = frontier.pop()
            for pid, (ppid, _, _) in stats.items():
                if ppid == parent and pid not in mine:
                    mine.add(pid)
                    frontier.append(pid)
        with self.lock:
            for p in mine:
                if p in stats:
                    self.seen[(p, stats[p][1])] = stats[p][2] / self.tick

    def __call__(self) -> float:
        self.sample()
        with self.lock:
            return sum(self.seen.values())


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import time

    import newsprobe
    from pyspark.sql import functions as F

    tree_cpu = TreeCpu()
    times = {k: 0.0 for k in ("session", "analysis", "near_copies", "site_links", "stories", "clusters", "trace")}
    clock = [time.time()]

    def lap(step):
        now = time.time()
        times[step] += now - clock[0]
        clock[0] = now
        times["cpu_after_" + step] = tree_cpu()

    spark = spark_session(args)
    lap("session")
    out = args.output.rstrip("/")
    min_sim = args.min_similarity if args.min_similarity is not None else \
        newsprobe.near_copy_params()["min_similarity"]
    skip = set(filter(None, args.skip.split(",")))
    tracing = bool(args.trace_ids or args.trace_ids_file or args.trace_input)
    opts = extras(args, tracing)
    try:
        for t in ("near_copies", "site_links", "story_pairs", "clusters", "traces", "_trace_input"):
            delete_path(spark, f"{out}/{t}")
        n = analyse(spark, args, args.input, out, opts)
        times["articles"] = n
        lap("analysis")
        sigs = spark.read.parquet(f"{out}/signatures")
        if "near_copies" not in skip:
            write(near_copies(spark, sigs, min_sim, stats=times), out, "near_copies")
            pairs = spark.read.parquet(f"{out}/near_copies")
            lap("near_copies")
            write(site_links(pairs), out, "site_links")
            write_graph(spark.read.parquet(f"{out}/site_links").orderBy(F.desc("count"), "from", "to"), out)
            lap("site_links")
            if "clusters" not in skip:
                edges = pairs.select("a_ord", "b_ord")
                if opts["stories"]:
                    write(story_pairs(spark, sigs, n), out, "story_pairs")
                    lap("stories")
                    stories = spark.read.parquet(f"{out}/story_pairs")
                    edges = edges.union(stories.select("a_ord", "b_ord"))
                clusters_table(spark, spark.read.parquet(f"{out}/articles"), edges, args.max_iterations, out)
                lap("clusters")
        if tracing:
            trace_step(spark, args, out, sigs, spark.read.parquet(f"{out}/reports"))
        lap("trace")
    finally:
        spark.stop()
    if args.timings:
        with open(args.timings, "w", encoding="utf-8") as f:
            json.dump(times, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
