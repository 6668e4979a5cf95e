"""The Spark job (``gainsay.spark``) and the decomposition under it give what ``gainsay check``
gives: on the same corpus (the samples, the test cases, invented reports, FA-KES dev when
``../shared`` is there), its findings equal the CLI's ``check --format jsonl`` lines byte for
byte, after sorting and in order. Spark runs in local mode; its tests skip when pyspark or Java
is missing (``.ci/run`` installs both when it can). FA-KES goes through the groups in process
only (the debug build CI tests with extracts it slowly); the Spark job on it is run by hand.
"""

import json
import os
import pathlib
import random
import shutil
import subprocess

import pytest

import gainsay

from test_gainsay import BIN, REPO, SHARED, header_split, needs_cli

try:
    import pyspark  # noqa: F401

    HAVE_SPARK = shutil.which("java") is not None
except ImportError:
    HAVE_SPARK = False
needs_spark = pytest.mark.skipif(not HAVE_SPARK, reason="pyspark or java is not installed")


def synthetic(n, seed=20161125):
    """Invented reports in the manner of scripts/bench-scale."""
    rng = random.Random(seed)
    syll = ["ka", "ro", "mi", "tal", "ven", "dor", "sa", "lin", "bar", "zu", "qa", "nef"]
    places = sorted({"".join(rng.choice(syll) for _ in range(3)).capitalize() for _ in range(max(40, n // 8))})
    parties = [("The army", "the army"), ("Rebel commanders", "the rebels"),
               ("Russia's defence ministry", "Russia"), ("The United Nations", "the UN")]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    out = []
    for i in range(n):
        p1, p2 = rng.sample(parties, 2)
        place, other = rng.sample(places, 2)
        s = [
            f"{p1[0]} said {p2[1]} shelled a market in {place} on {rng.choice(days)}, killing {rng.randint(3, 90)} people.",
            f"{p2[0]} denied carrying out the attack in {place}.",
            f"According to {p1[1]}, at least {rng.randint(3, 120)} civilians were wounded in {place}.",
            f"{p2[0]} said it had taken control of {other} after heavy fighting.",
            f"{p1[0]} accused {p2[1]} of violating the truce {rng.randint(2, 40)} times.",
        ]
        rng.shuffle(s)
        out.append({"id": f"syn-{i:05d}", "date": f"{rng.randint(2014, 2016)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "outlet": rng.choice(["Wire A", "Wire B"]), "text": " ".join(s[:rng.randint(3, 5)])})
    return out


def sample_reports():
    """The samples and test cases as JSON Lines records (their headers as fields)."""
    out = []
    for d in sorted([*(REPO / "samples").iterdir(), *(REPO / "tests" / "cases").iterdir()]):
        if not d.is_dir():
            continue
        for f in sorted(d.rglob("*")):
            if f.suffix in (".txt", ".md") and f.name != "README.md" and not f.name.startswith("."):
                meta, body = header_split(f.read_text(encoding="utf-8"))
                rel = f.relative_to(d).with_suffix("")
                out.append({"id": f"{d.name}/{rel}", "text": body, **meta})
    return out


def fakes_reports():
    path = SHARED / "data" / "fakes" / "FA-KES-dev.csv"
    if not path.exists():
        return []
    import csv

    out, seen = [], set()
    with open(path, encoding="latin-1", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["unit_id"] in seen:
                continue
            seen.add(r["unit_id"])
            rec = {"id": r["unit_id"], "text": r["article_content"], "title": r["article_title"],
                   "outlet": r["source"]}
            m, d, y = (r["date"].split("/") + [None, None, None])[:3]
            if y:
                rec["date"] = f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
            out.append(rec)
    return out


def write_jsonl(path, reports):
    with open(path, "w", encoding="utf-8") as fh:
        for r in reports:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def cli_lines(path, *extra):
    r = subprocess.run([BIN, "check", "-q", "--format", "jsonl", *extra, str(path)], capture_output=True,
                       text=True, encoding="utf-8")
    assert r.returncode in (0, 1), r.stderr
    return r.stdout.splitlines()


def corpora():
    out = [("samples", sample_reports()), ("synthetic", synthetic(400))]
    fk = fakes_reports()
    if fk:
        out.append(("fakes-dev", fk))
    return out


@needs_cli
@pytest.mark.parametrize("name,reports", corpora(), ids=lambda x: x if isinstance(x, str) else "")
def test_groups_checked_apart_give_the_cli_findings(tmp_path, name, reports):
    # without Spark: shuffle, split into random unions of groups, check each, put together
    path = tmp_path / f"{name}.jsonl"
    write_jsonl(path, reports)
    expected = cli_lines(path)
    recs = gainsay.records(reports)
    group_of = gainsay.groups(recs)
    rng = random.Random(len(reports))
    for _ in range(3):
        k = rng.randint(1, 5)
        bucket = {g: rng.randrange(k) for g in sorted(set(group_of.values()))}
        parts = [[] for _ in range(k)]
        shuffled = [r for r in recs if r["status"] == "processed"]
        rng.shuffle(shuffled)
        for r in shuffled:
            parts[bucket[group_of[r["id"]]]].append(r)
        partials = [gainsay.check_partial(p) for p in parts]
        rng.shuffle(partials)
        assert gainsay.assemble(partials) == expected


@pytest.fixture(scope="module")
def spark():
    if not HAVE_SPARK:
        pytest.skip("pyspark or java is not installed")
    import sys

    from pyspark.sql import SparkSession

    # the workers run this interpreter (the one gainsay is installed in)
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    s = (SparkSession.builder.master("local[2]").appName("gainsay-test")
         .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
         .getOrCreate())
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def read_output(path):
    lines = []
    for part in sorted(pathlib.Path(path).glob("part-*")):
        lines.extend(part.read_text(encoding="utf-8").splitlines())
    return lines


@needs_cli
@needs_spark
@pytest.mark.parametrize("name,reports", corpora()[:2], ids=lambda x: x if isinstance(x, str) else "")
def test_the_spark_job_gives_the_cli_findings(spark, tmp_path, name, reports):
    from gainsay.spark import run

    path = tmp_path / f"{name}.jsonl"
    # the reports in another order than the CLI reads them: the findings do not depend on it
    shuffled = list(reports)
    random.Random(7).shuffle(shuffled)
    write_jsonl(path, shuffled)
    expected = cli_lines(path)
    assert expected, "the corpus has findings"
    n = run(spark, str(path), str(tmp_path / "out"), partitions=3)
    got = read_output(tmp_path / "out")
    assert n == len(expected)
    assert sorted(got) == sorted(expected)
    assert got == expected


@needs_cli
@needs_spark
def test_the_spark_job_reads_and_writes_parquet(spark, tmp_path):
    from gainsay.spark import run

    reports = sample_reports()
    path = tmp_path / "samples.jsonl"
    write_jsonl(path, reports)
    expected = cli_lines(path, "--no-own-voice")
    fields = ("id", "text", "title", "outlet", "date")
    spark.createDataFrame([tuple(r.get(k) for k in fields) for r in reports],
                          schema=", ".join(f"{k} string" for k in fields)).write.parquet(str(tmp_path / "in.parquet"))
    run(spark, str(tmp_path / "in.parquet"), str(tmp_path / "out.parquet"), output_format="parquet",
        own_voice=False)
    rows = spark.read.parquet(str(tmp_path / "out.parquet")).orderBy("n").collect()
    assert [r["finding"] for r in rows] == expected
    assert [r["id"] for r in rows] == [f"F{i + 1}" for i in range(len(expected))]


@needs_spark
def test_repeated_ids_stop_the_job(spark, tmp_path):
    from gainsay.spark import run

    reports = synthetic(20)
    write_jsonl(tmp_path / "dup.jsonl", reports + reports[:1])
    with pytest.raises(ValueError, match="repeats"):
        run(spark, str(tmp_path / "dup.jsonl"), str(tmp_path / "out"))
