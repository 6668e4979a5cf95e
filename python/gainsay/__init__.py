"""gainsay: a claim-contradiction checker for news reports (Python bindings).

Every function runs the gainsay library (the code the ``gainsay`` CLI runs) with the GIL
released, and returns plain dicts and lists with the fields of the CLI's JSON output
(``docs/schema.md`` in the repository):

- ``extract(docs)``: the attributed claims, as ``gainsay extract`` writes them;
- ``records(docs)``: one DocRecord per document, as ``gainsay extract --format records``;
- ``check(docs)`` / ``check(records=...)``: what ``gainsay check --format json`` writes;
- ``audit(docs)``: what ``gainsay audit --format json`` writes;
- ``findings_table(result)``: the rows of ``gainsay check --format csv``, one flat dict per
  finding (``pandas.DataFrame(gainsay.findings_table(result))``);
- ``groups``, ``check_partial``, ``assemble``: the exact decomposition of ``check`` (checking
  groups of records apart and putting the findings together, byte for byte the lines of
  ``gainsay check --format jsonl``); ``gainsay.spark`` runs it on Spark.

``docs`` is a list whose items are strings (a report's text, read as a text file is, with ids
``doc1``, ``doc2``, ... by position) or dicts ``{"id", "text", "outlet"?, "date"?, "title"?}``
(read as a JSON Lines record is). Item ``i`` (from 1) has the origin ``"{name}:{i}"``. A document
that cannot be read (no text, no id, ...) is reported as skipped with its reason, as the CLI
reports it: in the ``documents`` of ``check`` and ``audit``, in its record, and as a
``GainsayWarning`` from ``extract``. Instead of ``docs``, ``paths`` names files and directories
read as the CLI reads its arguments.
"""

import json
import warnings

from . import _native

__all__ = [
    "extract",
    "records",
    "check",
    "audit",
    "findings_table",
    "rules",
    "groups",
    "check_partial",
    "assemble",
    "render_finding",
    "CSV_COLUMNS",
    "SCHEMA_VERSION",
    "RECORD_VERSION",
    "GainsayWarning",
]

__version__ = _native.VERSION
CSV_COLUMNS = list(_native.CSV_COLUMNS)
SCHEMA_VERSION = _native.SCHEMA_VERSION
RECORD_VERSION = _native.RECORD_VERSION


class GainsayWarning(UserWarning):
    """A document skipped or read with a problem (the CLI's ``gainsay: ...`` lines)."""


def _json_default(value):
    # dates (datetime.date, pandas.Timestamp, ...) as their ISO form; anything else as its str
    iso = getattr(value, "isoformat", None)
    if callable(iso):
        text = iso()
        # a datetime's date part: records carry dates only
        return text[:10] if len(text) > 10 and text[10] == "T" else text
    return str(value)


def _docs(docs, what="docs"):
    """`docs` as the native layer takes them: (is_record, text) pairs."""
    if isinstance(docs, (str, dict)):
        raise TypeError(f"{what} must be a list of strings or dicts, not a single {type(docs).__name__}")
    out = []
    for i, d in enumerate(docs):
        if isinstance(d, str):
            out.append((False, d))
        elif isinstance(d, dict):
            try:
                line = json.dumps(d, ensure_ascii=False, default=_json_default)
            except (TypeError, ValueError) as e:
                raise TypeError(f"{what}[{i}]: cannot be read as a JSON record: {e}") from None
            out.append((True, line))
        else:
            raise TypeError(
                f"{what}[{i}]: expected a string (a report's text) or a dict "
                f"{{id, text, outlet, date, title}}, got {type(d).__name__}"
            )
    return out


def _records(recs):
    if isinstance(recs, (str, dict)):
        raise TypeError("records must be a list of DocRecords (dicts or JSON lines)")
    out = []
    for i, r in enumerate(recs):
        if isinstance(r, str):
            out.append(r)
        elif isinstance(r, dict):
            out.append(json.dumps(r, ensure_ascii=False))
        else:
            raise TypeError(f"records[{i}]: expected a DocRecord (a dict or a JSON line), got {type(r).__name__}")
    return out


def _paths(paths):
    if paths is None:
        return None
    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        paths = [paths]
    import os

    return [os.fsdecode(os.fspath(p)) for p in paths]


def _inputs(docs, paths, recs=None, names="docs or paths"):
    if sum(x is not None for x in (docs, paths, recs)) != 1:
        raise TypeError(f"give exactly one of {names}")
    return (
        _docs(docs) if docs is not None else None,
        _paths(paths),
        _records(recs) if recs is not None else None,
    )


def _resources(resources):
    if resources is None:
        return None
    import os

    return os.fsdecode(os.fspath(resources))


def _warn_skipped(documents):
    for d in documents:
        if d.get("status") == "skipped":
            warnings.warn(f"skipped {d['origin']}: {d.get('reason', '')}", GainsayWarning, stacklevel=3)


def extract(docs=None, resources=None, text_dates=False, model="none", *, paths=None, name="docs",
            resources_replace=False):
    """The attributed claims of the documents, as ``gainsay extract`` writes them (a list of
    dicts, in document order). A skipped document is reported with a ``GainsayWarning``."""
    d, p, _ = _inputs(docs, paths)
    claims, status = _native.extract(d, p, name, _resources(resources), resources_replace, text_dates, model)
    _warn_skipped(json.loads(status)["documents"])
    return [json.loads(c) for c in claims]


def records(docs=None, resources=None, text_dates=False, model="none", *, paths=None, name="docs",
            resources_replace=False):
    """One DocRecord per document (``gainsay extract --format records``), as dicts: what
    ``check(records=...)`` and ``audit(records=...)`` read. Skipped documents have a record too,
    with their status and reason."""
    d, p, _ = _inputs(docs, paths)
    lines = _native.records(d, p, name, _resources(resources), resources_replace, text_dates, model)
    return [json.loads(line) for line in lines]


def check(docs=None, records=None, own_voice=True, resources=None, text_dates=False, model="none", *,
          paths=None, disable=(), name="docs", resources_replace=False):
    """What ``gainsay check --format json`` writes on the documents (or on their DocRecords),
    as a dict: ``schema_version``, ``tool``, ``summary``, ``documents``, ``findings``,
    ``updates``, ``timelines`` (and ``input_errors`` when there are any).

    ``own_voice=False`` is ``--no-own-voice``; ``disable`` lists rule ids to skip (``rules()``).
    Records of another major version, or extracted with other resources, raise ``ValueError``; a
    malformed record is an input error (``input_errors``), as the CLI reports it."""
    if isinstance(disable, str):
        disable = [disable]
    d, p, r = _inputs(docs, paths, records, "docs, paths or records")
    out = _native.check(d, p, r, name, own_voice, list(disable), _resources(resources), resources_replace,
                        text_dates, model)
    return json.loads(out)


def audit(docs=None, records=None, resources=None, text_dates=False, model="none", *, paths=None,
          name="docs", resources_replace=False):
    """What ``gainsay audit --format json`` writes on the documents (or their DocRecords)."""
    d, p, r = _inputs(docs, paths, records, "docs, paths or records")
    out = _native.audit(d, p, r, name, _resources(resources), resources_replace, text_dates, model)
    return json.loads(out)


def findings_table(check_result):
    """The findings of a ``check`` result (or its ``findings`` list) as flat dicts with the
    columns of ``gainsay check --format csv`` (``CSV_COLUMNS``), one per finding, in order:
    ``pandas.DataFrame(gainsay.findings_table(result), columns=gainsay.CSV_COLUMNS)``."""
    findings = check_result.get("findings") if isinstance(check_result, dict) else check_result
    if findings is None:
        raise TypeError("findings_table takes the result of gainsay.check (a dict with `findings`)")
    rows = _native.findings_rows([json.dumps(f, ensure_ascii=False) for f in findings])
    return [dict(zip(CSV_COLUMNS, row)) for row in rows]


def rules():
    """The checker's rules: ``{id: description}`` (``gainsay rules``)."""
    return dict(_native.rules())


# ----------------------------------------------------------------- the exact decomposition


def _record_line(r):
    return r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)


def groups(records):
    """Each processed record's group, ``{id: group}``: records linked by no chain of shared
    interaction keys (their ``keys``, record version 1.1) can be checked apart. A group is named
    by its smallest document id. Skipped records have no group. Document ids must be unique."""
    pairs = []
    for i, r in enumerate(records):
        r = json.loads(r) if isinstance(r, str) else r
        if r.get("status") != "processed":
            continue
        if "keys" not in r:
            raise ValueError(f"records[{i}] ({r.get('id')}): no interaction keys (record version "
                             f"{r.get('record_version')}): extract again")
        pairs.append((r["id"], list(r["keys"])))
    ids = [p[0] for p in pairs]
    if len(set(ids)) != len(ids):
        raise ValueError("document ids repeat: give every document its own id")
    return dict(zip(ids, _native.components(pairs)))


def check_partial(records, own_voice=True, *, disable=(), resources=None, resources_replace=False):
    """``check`` on one group's records, for ``assemble``: a dict ``{"findings": [{"key",
    "event"?, "finding"}], "events": [[doc, prop], ...]}`` (``key`` a finding's place in
    ``check``'s order, ``finding`` its JSON line with the numbers left to fill in)."""
    if isinstance(disable, str):
        disable = [disable]
    out = _native.check_partial([_record_line(r) for r in _records(records)], own_voice,
                                list(disable), _resources(resources), resources_replace)
    return json.loads(out)


def assemble(partials):
    """The groups' ``check_partial`` results put together: the lines (strings, without line
    ends) ``gainsay check --format jsonl`` writes on all their records at once."""
    return _native.assemble([p if isinstance(p, str) else json.dumps(p, ensure_ascii=False)
                             for p in partials])


def render_finding(finding, n, event_id=None):
    """A partial finding's line (``check_partial``'s ``finding``) with its number ``F{n}`` and its
    event's id: what ``assemble`` does to each, for engines that number them themselves."""
    return _native.render_finding(finding, n, event_id)
