"""The Python package gives what the CLI gives: on every sample set, `check`, `audit`,
`extract`, `records` and `findings_table` equal the `gainsay` binary's output on the same input.

The binary is `$GAINSAY_BIN`, else the repository's target/release or target/debug build; the
tests comparing with it skip when there is none. The FA-KES tests skip when ../shared is absent.
All test documents are invented here or are the repository's samples.
"""

import csv
import datetime
import io
import json
import os
import pathlib
import shutil
import subprocess
import threading

import pytest

import gainsay

REPO = pathlib.Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SETS = sorted(
    [p for p in (REPO / "samples").iterdir() if p.is_dir()]
    + [p for p in (REPO / "tests" / "cases").iterdir() if p.is_dir()]
)


def _binary():
    env = os.environ.get("GAINSAY_BIN")
    if env:
        return env
    for build in ("release", "debug"):
        p = REPO / "target" / build / "gainsay"
        if p.exists():
            return str(p)
    return None


BIN = _binary()
needs_cli = pytest.mark.skipif(BIN is None, reason="no gainsay binary (cargo build, or set GAINSAY_BIN)")


def cli(*args, cwd=REPO):
    r = subprocess.run([BIN, *map(str, args)], cwd=cwd, capture_output=True, text=True, encoding="utf-8")
    assert r.returncode in (0, 1, 2), r.stderr
    return r.stdout


def pretty(value):
    """`value` as the CLI's `--format json` writes it (serde_json's pretty form)."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def header_split(text):
    """A sample file's `---` metadata header as a JSONL record's fields, and the body."""
    meta = {}
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        for line in text[4:end].splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("title", "outlet", "date"):
                meta[key.strip()] = value.strip()
        text = text[end + 5 :]
    return meta, text


def set_docs(path):
    """A sample set as dicts, as a JSON Lines file of it holds them."""
    docs = []
    for f in sorted(path.rglob("*")):
        if f.suffix in (".txt", ".md"):
            meta, body = header_split(f.read_text(encoding="utf-8"))
            docs.append({"id": f.stem, "text": body, **meta})
        elif f.suffix == ".jsonl":
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    docs.append(json.loads(line))
    return docs


def write_jsonl(path, docs):
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")


@pytest.fixture(params=SETS, ids=lambda p: p.name)
def sample(request):
    return request.param


# ---------------------------------------------------------------- equal to the CLI


@needs_cli
def test_check_paths_equals_cli_byte_for_byte(sample, monkeypatch):
    rel = sample.relative_to(REPO)
    monkeypatch.chdir(REPO)
    assert pretty(gainsay.check(paths=[rel])) == cli("check", rel, "--format", "json")


@needs_cli
def test_check_no_own_voice_and_disable_equal_cli(sample, monkeypatch):
    rel = sample.relative_to(REPO)
    monkeypatch.chdir(REPO)
    r = gainsay.check(paths=[rel], own_voice=False, disable=["casualty-disjoint"])
    assert pretty(r) == cli("check", rel, "--format", "json", "--no-own-voice", "--disable", "casualty-disjoint")


@needs_cli
def test_check_dicts_equals_cli_on_jsonl(sample, tmp_path):
    docs = set_docs(sample)
    write_jsonl(tmp_path / "docs.jsonl", docs)
    r = gainsay.check(docs, name="docs.jsonl")
    assert pretty(r) == cli("check", "docs.jsonl", "--format", "json", cwd=tmp_path)


@needs_cli
def test_strings_read_as_text_files(sample, tmp_path):
    """A string is read as a text file (its header too), with the id doc1, doc2, ..."""
    texts = [f.read_text(encoding="utf-8") for f in sorted(sample.glob("*.txt"))]
    if not texts:
        pytest.skip("no text files in this set")
    d = tmp_path / "docs"
    d.mkdir()
    for i, t in enumerate(texts):
        (d / f"doc{i + 1}.txt").write_text(t, encoding="utf-8")
    mine = gainsay.check(texts)
    theirs = json.loads(cli("check", "docs", "--format", "json", cwd=tmp_path))
    # only the origins differ: `docs:1` here, the file's path there
    for i, doc in enumerate(mine["documents"]):
        assert doc["origin"] == f"docs:{i + 1}"
    for doc in mine["documents"] + theirs["documents"]:
        doc.pop("origin")
    assert mine == theirs


@needs_cli
def test_audit_equals_cli(sample, monkeypatch):
    rel = sample.relative_to(REPO)
    monkeypatch.chdir(REPO)
    assert pretty(gainsay.audit(paths=[rel])) == cli("audit", rel, "--format", "json")


@needs_cli
def test_extract_equals_cli(sample, tmp_path):
    docs = set_docs(sample)
    write_jsonl(tmp_path / "docs.jsonl", docs)
    lines = cli("extract", "docs.jsonl", cwd=tmp_path).splitlines()
    assert gainsay.extract(docs, name="docs.jsonl") == [json.loads(line) for line in lines]


@needs_cli
def test_records_equal_cli(sample, tmp_path):
    docs = set_docs(sample)
    write_jsonl(tmp_path / "docs.jsonl", docs)
    lines = cli("extract", "docs.jsonl", "--format", "records", cwd=tmp_path).splitlines()
    assert gainsay.records(docs, name="docs.jsonl") == [json.loads(line) for line in lines]


@needs_cli
def test_findings_table_equals_cli_csv(sample, monkeypatch):
    rel = sample.relative_to(REPO)
    monkeypatch.chdir(REPO)
    table = gainsay.findings_table(gainsay.check(paths=[rel]))
    rows = list(csv.DictReader(io.StringIO(cli("check", rel, "--format", "csv"), newline="")))
    assert table == rows
    assert list(rows[0]) == gainsay.CSV_COLUMNS if rows else True


# ---------------------------------------------------------------- records round trip


def test_check_from_records_equals_check(sample):
    docs = set_docs(sample)
    assert gainsay.check(records=gainsay.records(docs)) == gainsay.check(docs)
    assert gainsay.audit(records=gainsay.records(docs)) == gainsay.audit(docs)


def test_records_as_json_lines():
    docs = [INVENTED_A, INVENTED_B]
    lines = [json.dumps(r) for r in gainsay.records(docs)]
    assert gainsay.check(records=lines) == gainsay.check(docs)


# ---------------------------------------------------------------- invented documents

INVENTED_A = {
    "id": "wire-a",
    "outlet": "Example Wire",
    "date": "2031-03-14",
    "text": "Rebels said government aircraft bombed the market in Northtown on Monday, killing 12 civilians.",
}
INVENTED_B = {
    "id": "wire-b",
    "outlet": "Other Wire",
    "date": "2031-03-14",
    "text": "The defence ministry denied that its aircraft bombed the market in Northtown on Monday.",
}


def test_strings_and_dicts_both_accepted():
    r = gainsay.check(["The army said it shelled the town.", INVENTED_A])
    assert [d["id"] for d in r["documents"]] == ["doc1", "wire-a"]
    assert [d["origin"] for d in r["documents"]] == ["docs:1", "docs:2"]
    assert r["summary"]["documents_processed"] == 2


README_A = {
    "id": "a",
    "outlet": "Wire A",
    "date": "2031-03-14",
    "text": "Rebels said Russian jets bombed a market in Idlib on Monday, killing 12 civilians.",
}
README_B = {
    "id": "b",
    "outlet": "Wire B",
    "date": "2031-03-14",
    "text": "The Russian defence ministry denied that Russian jets bombed a market in Idlib on Monday.",
}


def test_readme_example_and_findings_table():
    r = gainsay.check([README_A, README_B])
    assert [f["rule"] for f in r["findings"]] == ["responsibility-dispute"]
    table = gainsay.findings_table(r)
    assert table[0]["rule"] == "responsibility-dispute" and table[0]["side_a"]
    assert len(table) == len(r["findings"])
    for row, f in zip(table, r["findings"]):
        assert list(row) == gainsay.CSV_COLUMNS
        assert row["id"] == f["id"] and row["rule"] == f["rule"]
    # a findings list alone will do too
    assert gainsay.findings_table(r["findings"]) == table


def test_findings_table_into_pandas():
    table = gainsay.findings_table(gainsay.check([README_A, README_B]))
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(table, columns=gainsay.CSV_COLUMNS)
    assert list(frame.columns) == gainsay.CSV_COLUMNS and len(frame) == 1


def test_dates_as_date_objects():
    d = dict(INVENTED_A, date=datetime.date(2031, 3, 14))
    assert gainsay.check([d, INVENTED_B]) == gainsay.check([INVENTED_A, INVENTED_B])


def test_same_result_from_threads():
    docs = [INVENTED_A, INVENTED_B] * 20
    want = gainsay.check(docs)
    got = [None] * 4

    def run(i):
        got[i] = gainsay.check(docs)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [want] * 4


# ---------------------------------------------------------------- bad input


def test_bad_items_raise_naming_the_item():
    with pytest.raises(TypeError, match=r"docs\[1\]"):
        gainsay.check(["fine text.", 42])
    with pytest.raises(TypeError, match="list"):
        gainsay.check("a single string, not a list")
    with pytest.raises(TypeError, match="exactly one"):
        gainsay.check([INVENTED_A], records=[])
    with pytest.raises(TypeError, match=r"records\[0\]"):
        gainsay.check(records=[3])


def test_unreadable_documents_are_skipped_as_the_cli_reports_them():
    docs = [
        {"text": "No id here."},
        {"id": "empty", "text": "   "},
        {"id": "no-text"},
        {"id": "bad-date", "text": "The army said it shelled the town.", "date": "someday"},
        {"id": "dup", "text": "Rebels said they hold the bridge."},
        {"id": "dup", "text": "Rebels said they hold the road."},
        "",
    ]
    r = gainsay.check(docs)
    st = r["documents"]
    assert [d["status"] for d in st] == ["skipped", "skipped", "skipped", "processed", "processed", "processed", "skipped"]
    assert "no `id`" in st[0]["reason"] and st[0]["origin"] == "docs:1"
    assert st[1]["reason"] == "empty text"
    assert "no `text`" in st[2]["reason"]
    assert any("someday" in w for w in st[3]["warnings"])
    assert st[5]["id"] == "dup~2"
    assert st[6]["reason"] == "empty document"
    with pytest.warns(gainsay.GainsayWarning, match="skipped docs:1"):
        gainsay.extract(docs)


@needs_cli
def test_skipped_statuses_equal_cli(tmp_path):
    docs = [{"text": "No id."}, {"id": 7, "text": "The army said it shelled the town."}, {"id": "x", "text": ""}]
    write_jsonl(tmp_path / "docs.jsonl", docs)
    assert pretty(gainsay.check(docs, name="docs.jsonl")) == cli("check", "docs.jsonl", "--format", "json", cwd=tmp_path)


def test_bad_options_raise():
    with pytest.raises(ValueError, match="unknown rule `nope`"):
        gainsay.check([INVENTED_A], disable=["nope"])
    with pytest.raises(ValueError, match="model `big`"):
        gainsay.check([INVENTED_A], model="big")
    with pytest.raises(ValueError, match="cannot load resources"):
        gainsay.check([INVENTED_A], resources="/nonexistent/gainsay-resources")
    with pytest.raises(ValueError, match="text_dates"):
        gainsay.check(records=gainsay.records([INVENTED_A]), text_dates=True)


def test_bad_records():
    recs = gainsay.records([INVENTED_A, INVENTED_B])
    # a malformed record is an input error naming it; the others are read
    r = gainsay.check(records=[recs[0], {"record_version": "1.0", "fingerprint": recs[0]["fingerprint"]}, recs[1]])
    assert r["summary"]["documents_processed"] == 2
    assert r["input_errors"] and r["input_errors"][0].startswith("docs:2: bad record")
    # records of other resources, or of another major version, stop the run
    with pytest.raises(ValueError, match="other resources"):
        gainsay.check(records=[dict(recs[0], fingerprint="0000")])
    with pytest.raises(ValueError, match="record_version 9.0"):
        gainsay.check(records=[dict(recs[0], record_version="9.0")])
    with pytest.raises(ValueError, match="findings\\[0\\]"):
        gainsay.findings_table({"findings": [{"id": "F1"}]})


def test_empty_resources_directory_changes_nothing(tmp_path):
    """A resources directory is loaded (a missing one raises: test_bad_options_raise)."""
    res = tmp_path / "res"
    res.mkdir()
    base = gainsay.check([INVENTED_A])
    assert gainsay.check([INVENTED_A], resources=res) == base


def test_rules_listed():
    rules = gainsay.rules()
    assert "responsibility-dispute" in rules and all(rules.values())


# ---------------------------------------------------------------- FA-KES (skips without ../shared)

FAKES = SHARED / "data" / "fakes" / "FA-KES-dev.csv"


def fakes_docs():
    with open(FAKES, encoding="latin-1", newline="") as f:
        rows = list(csv.DictReader(f))
    docs = []
    for r in rows:
        try:
            m, d, y = r["date"].split("/")
            date = f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
        except ValueError:
            date = r["date"]
        docs.append(
            {
                "id": r["unit_id"],
                "text": r["article_content"],
                "title": r["article_title"],
                "outlet": r["source"],
                "date": date,
            }
        )
    return docs


@needs_cli
@pytest.mark.skipif(not FAKES.exists(), reason="../shared/data/fakes is absent")
def test_fakes_check_equals_cli_and_records_round_trip(tmp_path):
    docs = fakes_docs()
    write_jsonl(tmp_path / "fakes.jsonl", docs)
    r = gainsay.check(docs, name="fakes.jsonl")
    assert pretty(r) == cli("check", "fakes.jsonl", "--format", "json", cwd=tmp_path)
    assert gainsay.check(records=gainsay.records(docs, name="fakes.jsonl")) == r
    shutil.rmtree(tmp_path)
