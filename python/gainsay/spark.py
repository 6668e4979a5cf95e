"""gainsay on Spark: the findings of ``gainsay check`` on a corpus too large for one machine.

The job (``run``), on the package's exact decomposition (ARCHITECTURE.md, "Groups are exact"):

1. read the reports (JSON Lines or Parquet, with ``id``, ``text`` and optional ``title``,
   ``outlet``, ``date``);
2. extract them in ``mapPartitions`` into DocRecords (``gainsay.records``), each with its
   interaction keys;
3. group the documents: a union-find over the keys (``gainsay.groups``, on the driver: it
   holds one id and a few dozen keys per document, not the texts);
4. shuffle the records by group and run ``check`` on each group (``gainsay.check_partial``);
5. number the findings and events in ``check``'s order (a sort of the findings' keys and of the
   events' keys) and write the lines ``gainsay check --format jsonl`` writes on the whole
   corpus, as JSON Lines or Parquet.

Run it with ``spark-submit`` (see the README) or ``python -m gainsay.spark INPUT OUTPUT``.
Document ids must be unique across the corpus (the job stops otherwise).
"""

import json
import sys

import gainsay

__all__ = ["run", "main"]

_FIELDS = ("id", "text", "title", "outlet", "date")


def _report(row):
    """A report (a JSON Lines line or a Parquet row) as the dict ``gainsay.records`` reads."""
    if isinstance(row, str):
        return json.loads(row)
    d = row.asDict() if hasattr(row, "asDict") else dict(row)
    return {k: d[k] for k in _FIELDS if d.get(k) is not None}


def _extract(options):
    resources, text_dates, model = options

    def extract(rows):
        docs = [_report(r) for r in rows if not (isinstance(r, str) and not r.strip())]
        if not docs:
            return
        lines = gainsay._native.records(
            gainsay._docs(docs), None, "docs", gainsay._resources(resources), False, text_dates, model)
        for line in lines:
            head = json.loads(line)
            if head.get("status") == "processed":
                yield head["id"], head.get("keys", []), line
    return extract


def _check_group(options):
    own_voice, disable, resources = options

    def check(lines):
        return gainsay.check_partial(list(lines), own_voice, disable=disable, resources=resources)
    return check


def findings(spark, reports, *, own_voice=True, disable=(), resources=None, text_dates=False,
             model="none", partitions=None):
    """The findings of ``gainsay check --format jsonl`` on an RDD of reports (JSON lines or
    rows), as an RDD of ``(n, line)`` sorted by ``n`` (the finding's number, from 1)."""
    sc = spark.sparkContext
    records = reports.mapPartitions(_extract((resources, text_dates, model))).cache()
    # groups, on the driver: ids and keys only
    pairs = records.map(lambda r: (r[0], r[1])).collect()
    ids = [p[0] for p in pairs]
    if len(set(ids)) != len(ids):
        seen, dup = set(), None
        for i in ids:
            if i in seen:
                dup = i
                break
            seen.add(i)
        raise ValueError(f"document id `{dup}` repeats: give every report its own id")
    group_of = sc.broadcast(dict(zip(ids, gainsay._native.components(pairs))))
    n_groups = len(set(group_of.value.values()))
    parts = (records.map(lambda r: (group_of.value[r[0]], r[2]))
             .groupByKey(partitions or max(1, min(n_groups, sc.defaultParallelism * 4)))
             .map(lambda g: g[1])
             .map(_check_group((own_voice, list(disable), resources)))
             .cache())
    # event ids: each event's rank among all events' keys
    event_ids = (parts.flatMap(lambda p: [tuple(e) for e in p["events"]])
                 .sortBy(lambda e: e)
                 .zipWithIndex())
    # finding numbers: each finding's rank by its key
    numbered = (parts.flatMap(lambda p: p["findings"])
                .sortBy(lambda f: tuple(f["key"]))
                .zipWithIndex()
                .map(lambda fi: (fi[1] + 1, fi[0])))
    with_event = (numbered.filter(lambda nf: "event" in nf[1])
                  .map(lambda nf: (tuple(nf[1]["event"]), nf))
                  .join(event_ids)
                  .map(lambda kv: (kv[1][0][0], gainsay.render_finding(kv[1][0][1]["finding"], kv[1][0][0],
                                                                          kv[1][1]))))
    without = numbered.filter(lambda nf: "event" not in nf[1]).map(
        lambda nf: (nf[0], gainsay.render_finding(nf[1]["finding"], nf[0], None)))
    return with_event.union(without).sortByKey()


def run(spark, input_path, output_path, *, input_format=None, output_format="jsonl", own_voice=True,
        disable=(), resources=None, partitions=None):
    """Reads reports at ``input_path`` (``jsonl``, or ``parquet`` when the path ends so or
    ``input_format="parquet"``), writes the findings to ``output_path``: JSON Lines text files
    (``output_format="jsonl"``, one finding per line, in ``check``'s order) or Parquet (columns
    ``n``, ``id``, ``rule``, ``type``, ``severity``, ``finding``: the JSON line). Returns the
    number of findings."""
    fmt = input_format or ("parquet" if str(input_path).rstrip("/").endswith(".parquet") else "jsonl")
    if fmt == "parquet":
        reports = spark.read.parquet(str(input_path)).rdd
    else:
        reports = spark.sparkContext.textFile(str(input_path))
    out = findings(spark, reports, own_voice=own_voice, disable=disable, resources=resources,
                   partitions=partitions).cache()
    if output_format == "parquet":
        from pyspark.sql import Row

        def row(nl):
            f = json.loads(nl[1])
            return Row(n=nl[0], id=f["id"], rule=f["rule"], type=f["type"], severity=f["severity"],
                       finding=nl[1])
        spark.createDataFrame(out.map(row)).write.mode("overwrite").parquet(str(output_path))
    else:
        out.map(lambda nl: nl[1]).saveAsTextFile(str(output_path))
    return out.count()


def main(argv=None):
    import argparse

    ap = argparse.ArgumentParser(prog="gainsay.spark", description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="reports: JSON Lines (a file, directory or glob) or Parquet")
    ap.add_argument("output", help="a directory for the findings")
    ap.add_argument("--input-format", choices=["jsonl", "parquet"])
    ap.add_argument("--output-format", choices=["jsonl", "parquet"], default="jsonl")
    ap.add_argument("--no-own-voice", action="store_true")
    ap.add_argument("--disable", action="append", default=[])
    ap.add_argument("--partitions", type=int)
    a = ap.parse_args(argv)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("gainsay").getOrCreate()
    n = run(spark, a.input, a.output, input_format=a.input_format, output_format=a.output_format,
            own_voice=not a.no_own_voice, disable=a.disable, partitions=a.partitions)
    print(f"gainsay: {n} findings written to {a.output}", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
