//! The `gainsay` command line: a thin layer over the library.
//!
//! Exit codes (as ripgrep's): 0 success; 1 findings `--fail-on` names were reported;
//! 2 an error (bad arguments, unreadable resources or output, or an input that could not be read —
//! the output is still complete for every input that could be read).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};

use gainsay::check::{CheckOptions, RULES};
use gainsay::extract::Extraction;
use gainsay::graph::ClaimGraph;
use gainsay::ingest::{self, DocStatus, Ingested};
use gainsay::lexicon::Lexicon;
use gainsay::{audit, eval, report};

#[derive(Parser)]
#[command(
    name = "gainsay",
    version,
    about = "Claim-contradiction checker for news reports",
    long_about = "Reads news reports, extracts attributed claims (who said what, through which cue), \
                  builds a claim graph and reports conflicts between the parties' claims."
)]
struct Cli {
    /// With --resources DIR: each file there REPLACES the built-in file of the same name (the
    /// default adds its rows to the built-in ones).
    #[arg(long, global = true)]
    resources_replace: bool,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Args, Clone)]
struct Common {
    /// Files, directories (read recursively: .txt, .md, .markdown, .jsonl) or `-` for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Write the output to this file instead of stdout (opened before any work starts).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Directory of resource files extending the built-in ones (same file names as resources/;
    /// with --resources-replace they replace them).
    #[arg(long, value_name = "DIR")]
    resources: Option<PathBuf>,
    /// Date each document by the dateline in its text ("Published September 25 2016", within
    /// its first 40 words) when it has one, instead of its metadata date; scraped corpora often
    /// carry a wrong date. Each change is noted.
    #[arg(long)]
    text_dates: bool,
    /// No progress line on stderr (it is shown only when stderr is a terminal).
    #[arg(short, long)]
    quiet: bool,
    /// Worker threads for extraction (0: one per core). The output is the same whatever the
    /// number.
    #[arg(short = 'j', long, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// Attribution model: the rules alone (`none`), or the learned layer choosing each
    /// attribution's reading (`learned`, resources/attribution_model.tsv).
    #[arg(long, value_enum, default_value_t = AttribModelChoice::None)]
    model: AttribModelChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AttribModelChoice {
    None,
    Learned,
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract claims, build the graph, run the checker and print the contradiction report.
    ///
    /// Example: gainsay check samples/aleppo-2016-09 --format json
    Check {
        #[command(flatten)]
        common: Common,
        #[arg(short, long, value_enum, default_value_t = CheckFormat::Md)]
        format: CheckFormat,
        /// Skip a rule (repeatable); `gainsay rules` lists them.
        #[arg(long, value_name = "RULE")]
        disable: Vec<String>,
        /// Exit with status 1 when findings of these kinds are reported (comma-separated or
        /// repeated): `any`, a rule id (`gainsay rules`), or a severity (`low`, `medium`,
        /// `high`: findings at that severity or above). Errors still exit with 2.
        #[arg(long, value_name = "WHAT", value_delimiter = ',')]
        fail_on: Vec<String>,
        /// The same as `--fail-on any`.
        #[arg(long, hide = true)]
        fail_on_findings: bool,
        /// Compare only attributed claims: leave out what reports say in their own voice (a
        /// party's own statement, its issuer named at its head, still speaks for the party). By
        /// default a report's own casualty figures, blame and control statements are claims of
        /// its outlet ("AFP (own voice)"), compared with another report's only where the two
        /// mentions surely describe one incident.
        #[arg(long)]
        no_own_voice: bool,
        /// Accepted for compatibility: own-voice claims are compared by default.
        #[arg(long, hide = true)]
        own_voice: bool,
        /// The inputs are DocRecords (`gainsay extract --format records`), not reports.
        #[arg(long)]
        records: bool,
    },
    /// Print the attributed claims, one JSON object per line; or with `--format records`, one
    /// DocRecord per document (everything `check`, `audit`, `compare` and `graph` read, so
    /// that they can run on the records with `--records`).
    ///
    /// Example: gainsay extract report.txt
    Extract {
        #[command(flatten)]
        common: Common,
        #[arg(short, long, value_enum, default_value_t = ExtractFormat::Claims)]
        format: ExtractFormat,
        /// The same as `--format records`.
        #[arg(long)]
        records: bool,
    },
    /// Print the claim graph (documents, parties, events, places, propositions).
    ///
    /// Example: gainsay graph samples/aleppo-2016-09 --format dot | dot -Tsvg > graph.svg
    Graph {
        #[command(flatten)]
        common: Common,
        #[arg(short, long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
        /// Leave the reports' own-voice claims out of the graph (as `check --no-own-voice`).
        #[arg(long)]
        no_own_voice: bool,
        /// Accepted for compatibility: own-voice claims are in the graph by default.
        #[arg(long, hide = true)]
        own_voice: bool,
        /// The inputs are DocRecords (`gainsay extract --format records`), not reports.
        #[arg(long)]
        records: bool,
    },
    /// Compare two reports (or two sets of reports): the events both cover, what each says that
    /// the other does not, and where they conflict.
    ///
    /// Example: gainsay compare report-a.txt report-b.txt
    Compare {
        #[command(flatten)]
        common: Common,
        #[arg(short, long, value_enum, default_value_t = AuditFormat::Md)]
        format: AuditFormat,
        /// Compare only attributed claims (as `check --no-own-voice`).
        #[arg(long)]
        no_own_voice: bool,
        /// Accepted for compatibility: own-voice claims are compared by default.
        #[arg(long, hide = true)]
        own_voice: bool,
        /// A and B are DocRecord files (`gainsay extract --format records`), not reports.
        #[arg(long)]
        records: bool,
    },
    /// Coverage audit: parties and events per report, one-sided disputes, single-sourced and
    /// unattributed claims, unresolved speakers, sentences nothing was extracted from.
    ///
    /// Example: gainsay audit samples/aleppo-2016-09
    Audit {
        #[command(flatten)]
        common: Common,
        #[arg(short, long, value_enum, default_value_t = AuditFormat::Md)]
        format: AuditFormat,
        /// The inputs are DocRecords (`gainsay extract --format records`), not reports.
        #[arg(long)]
        records: bool,
    },
    /// Stance of each report toward a claim: for, against, observing (it reports the claim
    /// without taking a position: "X, officials say", "reportedly") or unrelated.
    ///
    /// Example: gainsay stance --claim "Russian aircraft struck the aid convoy" samples/aleppo-2016-09
    Stance {
        /// The claim to judge the reports against.
        #[arg(long)]
        claim: String,
        #[command(flatten)]
        common: Common,
        #[arg(short, long, value_enum, default_value_t = StanceFormat::Md)]
        format: StanceFormat,
    },
    /// Score extraction, conflicts or stance against gold annotations.
    #[command(subcommand)]
    Eval(EvalCmd),
    /// Train a model (deterministically: the same command rebuilds the same file).
    #[command(subcommand)]
    Train(TrainCmd),
    /// List the checker rules with their stable ids.
    Rules,
    /// Print the resource entries with where each comes from (built-in file and line, or the
    /// user's), or what a phrase resolves to.
    ///
    /// Examples: gainsay resources parties.tsv --resources my-lists/
    ///           gainsay resources --find "civil defence said in Gaza"
    Resources {
        /// One resource file (as `parties.tsv`); all when absent.
        file: Option<String>,
        /// Show what TEXT resolves to: the party aliases matching in it (every reading, which
        /// fires and why), and the entries whose first column is TEXT.
        #[arg(long, value_name = "TEXT")]
        find: Option<String>,
        /// Directory of resource files extending the built-in ones (see --resources-replace).
        #[arg(long, value_name = "DIR")]
        resources: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum TrainCmd {
    /// Train the learned layer over the attribution rules on PolNeAR's train split: the same
    /// command and seed rebuild the same file byte for byte.
    ///
    ///   gainsay train attributions --polnear ../shared/data/polnear --out resources/attribution_model.tsv
    Attributions {
        /// PolNeAR directory (with train/ and train.attributions.single.jsonl).
        #[arg(long)]
        polnear: PathBuf,
        /// PolNeAR split to train on.
        #[arg(long, default_value = "train")]
        split: String,
        /// Only the first N documents.
        #[arg(long)]
        limit: Option<usize>,
        /// Where to write the model (stdout when absent).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Seed of the shuffling and of the held-out part.
        #[arg(long, default_value_t = 13)]
        seed: u64,
        /// Perceptron passes over the data.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Only choose among the rules' readings: do not read the cue forms the rules passed
        /// over.
        #[arg(long)]
        no_forced: bool,
        /// Directory of resource files extending the built-in ones (same file names as resources/;
        /// with --resources-replace they replace them).
        #[arg(long, value_name = "DIR")]
        resources: Option<PathBuf>,
    },
    /// Train the part-of-speech tagger (averaged perceptron, Penn tags) on UD English EWT.
    ///
    ///   gainsay train pos --ud ../shared/data/ud-ewt --out resources/pos-ewt.model
    Pos {
        /// Directory holding train.conllu.
        #[arg(long, value_name = "DIR")]
        ud: PathBuf,
        /// Write the model here (default: stdout).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Passes over the training sentences.
        #[arg(long, default_value_t = 8, value_name = "N")]
        iterations: usize,
        /// Seed of the shuffling (and of the choice of merged training sentences).
        #[arg(long, default_value_t = 13, value_name = "S")]
        seed: u64,
        /// Train on the first N sentences only.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
}

#[derive(Subcommand)]
enum EvalCmd {
    /// Score attributions (cue, source, content) against gold.
    ///
    /// String-form gold (source/cue/content as strings in the document):
    ///   gainsay eval attributions --gold ../shared/gold/aleppo-2016-09.attributions.jsonl --corpus samples
    ///
    /// PolNeAR span-form gold:
    ///   gainsay eval attributions --polnear ../shared/data/polnear --split dev
    Attributions {
        /// String-form gold JSONL (needs --corpus).
        #[arg(long, conflicts_with = "polnear", requires = "corpus")]
        gold: Option<PathBuf>,
        /// Directory the gold's `doc` paths are relative to.
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// PolNeAR directory (with train/ dev/ and *.attributions.single.jsonl).
        #[arg(long)]
        polnear: Option<PathBuf>,
        /// PolNeAR split.
        #[arg(long, default_value = "dev")]
        split: String,
        /// Only the first N documents.
        #[arg(long)]
        limit: Option<usize>,
        /// Print up to N missed / spurious attributions.
        #[arg(long, default_value_t = 0)]
        show_errors: usize,
        /// Also print precision by cue lemma (where the lexicon gains or loses).
        #[arg(long)]
        by_cue: bool,
        /// `none`: the rules alone; `learned`: the rules and then the learned layer, both
        /// measured in one run.
        #[arg(long, value_enum, default_value_t = AttribModelChoice::None)]
        model: AttribModelChoice,
        #[arg(short, long, value_enum, default_value_t = EvalFormat::Text)]
        format: EvalFormat,
        /// Directory of resource files extending the built-in ones (same file names as resources/;
        /// with --resources-replace they replace them).
        #[arg(long, value_name = "DIR")]
        resources: Option<PathBuf>,
    },
    /// Score `check` on FA-KES article clusters against a conflict gold.
    ///
    /// Recall of the gold conflicts (by type and by confidence), judged and strict precision of
    /// the findings: the Python scorer `../shared/tools/score-conflicts`, in process.
    ///
    ///   gainsay eval conflicts --gold ../shared/gold/fakes-dev-conflicts.jsonl --data ../shared/data/fakes/FA-KES-dev.csv
    Conflicts {
        /// Conflict gold JSONL (event, claim, conflict and non_conflict records).
        #[arg(long)]
        gold: PathBuf,
        /// FA-KES CSV file (Latin-1) holding the gold's articles.
        #[arg(long, value_name = "FAKES.csv")]
        data: PathBuf,
        /// Check all clusters' articles as one input (as a user with a corpus would), then score
        /// each cluster on the findings with evidence in its articles.
        #[arg(long)]
        whole: bool,
        /// Compare only attributed claims (as `check --no-own-voice`).
        #[arg(long)]
        no_own_voice: bool,
        /// Accepted for compatibility: own-voice claims are compared by default.
        #[arg(long, hide = true)]
        own_voice: bool,
        /// Attribution model of the extraction: the rules alone (`none`) or with the learned
        /// layer (`learned`), as `check --model`.
        #[arg(long, value_enum, default_value_t = AttribModelChoice::None)]
        model: AttribModelChoice,
        /// Print up to N missed conflicts with both sides' sentences.
        #[arg(long, default_value_t = 0, value_name = "N")]
        show_missed: usize,
        /// Print up to N false findings (matching a recorded non-conflict) with their evidence.
        #[arg(long, default_value_t = 0, value_name = "N")]
        show_false: usize,
        /// Print up to N unjudged findings (matching nothing recorded) with their evidence.
        #[arg(long, default_value_t = 0, value_name = "N")]
        show_unjudged: usize,
        #[arg(short, long, value_enum, default_value_t = EvalFormat::Text)]
        format: EvalFormat,
        /// Directory of resource files extending the built-in ones (same file names as resources/;
        /// with --resources-replace they replace them).
        #[arg(long, value_name = "DIR")]
        resources: Option<PathBuf>,
    },
    /// Score `stance` on headline–claim pairs (Emergent's CSV: claimHeadline, articleHeadline,
    /// articleHeadlineStance).
    ///
    ///   gainsay eval stance --emergent ../shared/data/emergent/emergent_train.csv
    Stance {
        /// Emergent CSV file.
        #[arg(long)]
        emergent: PathBuf,
        /// Print up to N wrongly judged headlines with their markers.
        #[arg(long, default_value_t = 0)]
        show_errors: usize,
        /// Attribution model of the headlines' extraction: the rules alone (`none`) or with the
        /// learned layer (`learned`), as `stance --model`.
        #[arg(long, value_enum, default_value_t = AttribModelChoice::None)]
        model: AttribModelChoice,
        #[arg(short, long, value_enum, default_value_t = EvalFormat::Text)]
        format: EvalFormat,
        /// Directory of resource files extending the built-in ones (same file names as resources/;
        /// with --resources-replace they replace them).
        #[arg(long, value_name = "DIR")]
        resources: Option<PathBuf>,
    },
    /// Score the part-of-speech tagger on UD English EWT: token accuracy and the most frequent
    /// errors.
    ///
    ///   gainsay eval pos --ud ../shared/data/ud-ewt --split dev
    Pos {
        /// Directory holding {train,dev,test}.conllu.
        #[arg(long, value_name = "DIR")]
        ud: PathBuf,
        /// The split to score.
        #[arg(long, default_value = "dev", value_parser = ["dev", "test", "train"])]
        split: String,
        /// Print the N most frequent errors (gold -> predicted).
        #[arg(long, default_value_t = 15, value_name = "N")]
        top: usize,
        /// Directory of resource files replacing the built-in ones (a `pos-ewt.model` there
        /// replaces the shipped model).
        #[arg(long, value_name = "DIR")]
        resources: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum StanceFormat {
    Md,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Md,
    Json,
    Jsonl,
    /// One flat row per finding, for spreadsheets.
    Csv,
    /// One self-contained page (inline CSS and SVG, no network).
    Html,
}
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    /// One attributed claim per line.
    Claims,
    /// One DocRecord per document (docs/schema.md, "DocRecords").
    Records,
}
#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    Dot,
    Json,
}
#[derive(Clone, Copy, ValueEnum)]
enum AuditFormat {
    Md,
    Json,
}
#[derive(Clone, Copy, ValueEnum)]
enum EvalFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    RESOURCES_REPLACE.store(cli.resources_replace, std::sync::atomic::Ordering::Relaxed);
    match run(cli) {
        Ok(code) => code,
        // a closed pipe (`gainsay extract ... | head`) is the reader's choice, not an error
        Err(e)
            if e.chain().any(|c| {
                let pipe = std::io::ErrorKind::BrokenPipe;
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == pipe)
                    || c.downcast_ref::<serde_json::Error>()
                        .is_some_and(|j| j.io_error_kind() == Some(pipe))
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gainsay: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Output sink opened before the work starts, so a bad path fails fast. An output path that is
/// also an input (or lies in an input directory with an input extension) is refused: creating it
/// would wipe the input before it is read.
fn open_output(path: &Option<PathBuf>, inputs: &[PathBuf]) -> Result<Box<dyn Write>> {
    if let Some(p) = path {
        let abs =
            |x: &std::path::Path| std::fs::canonicalize(x).unwrap_or_else(|_| x.to_path_buf());
        let out_parent = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        let out_abs = abs(out_parent).join(p.file_name().unwrap_or_default());
        let readable_ext = p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ingest::EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        for i in inputs.iter().filter(|i| i.as_os_str() != "-") {
            let ia = abs(i);
            if ia == out_abs || (ia.is_dir() && readable_ext && out_abs.starts_with(&ia)) {
                bail!(
                    "output file {} is also an input (or inside an input directory); choose another path",
                    p.display()
                );
            }
        }
    }
    Ok(match path {
        Some(p) => Box::new(Named {
            inner: std::io::BufWriter::new(
                std::fs::File::create(p)
                    .with_context(|| format!("cannot create output file {}", p.display()))?,
            ),
            name: format!("the output file {}", p.display()),
        }),
        None => Box::new(Named {
            inner: std::io::BufWriter::new(std::io::stdout().lock()),
            name: "the output (stdout)".into(),
        }),
    })
}

/// A writer whose errors name what was being written ("cannot write the output (stdout): No
/// space left on device"), keeping the error's kind (a closed pipe stays a closed pipe).
struct Named<W> {
    inner: W,
    name: String,
}

impl<W: Write> Named<W> {
    fn named(&self, e: std::io::Error) -> std::io::Error {
        std::io::Error::new(e.kind(), format!("cannot write {}: {e}", self.name))
    }
}

impl<W: Write> Write for Named<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.named(e))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().map_err(|e| self.named(e))
    }
}

/// The lexicon, loaded once for the process and never freed (freeing thousands of aliases at
/// exit would cost more than the rest of a small run).
fn load_lexicon(dir: &Option<PathBuf>) -> Result<Leaked> {
    let merge = if RESOURCES_REPLACE.load(std::sync::atomic::Ordering::Relaxed) {
        gainsay::lexicon::Merge::Replace
    } else {
        gainsay::lexicon::Merge::Extend
    };
    let lx = Lexicon::load_with(dir.as_deref(), merge).context("cannot load resources")?;
    Ok(Leaked(Box::leak(Box::new(lx))))
}

/// The process's lexicon, never freed (see [`load_lexicon`]).
struct Leaked(&'static Lexicon);

impl std::ops::Deref for Leaked {
    type Target = Lexicon;
    fn deref(&self) -> &Lexicon {
        self.0
    }
}

/// `--resources-replace`: a `--resources` file replaces the built-in one instead of extending it.
static RESOURCES_REPLACE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Documents extracted together: at most this many, or this much text, at a time. Bounds the
/// memory held while streaming, and gives every thread work.
const BATCH_DOCS: usize = 128;
const FIRST_BATCH_DOCS: usize = 8;
/// Batches extracted at once (bounds the documents held in memory).
const IN_FLIGHT: usize = 3;
const BATCH_BYTES: usize = 8 << 20;

/// Reads the inputs, reports problems on stderr, extracts every document and turns it into what
/// the command keeps with `per_doc` (both in parallel, on `--threads` threads), and hands the
/// results to `sink` in input order. Only a batch of documents is held at a time, so a sink
/// that writes and forgets streams the corpus.
fn extract_each<T: Send>(
    common: &Common,
    lx: &Lexicon,
    per_doc: impl Fn(Extraction) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<()>,
) -> Result<(Ingested, bool)> {
    extract_each_status(common, lx, per_doc, |_, x| match x {
        Some(x) => sink(x),
        None => Ok(()),
    })
}

/// [`extract_each`], handing the sink every input document's final status (its warnings
/// complete) with what `per_doc` made of it when it was processed.
fn extract_each_status<T: Send>(
    common: &Common,
    lx: &Lexicon,
    per_doc: impl Fn(Extraction) -> T + Sync,
    mut sink: impl FnMut(&DocStatus, Option<T>) -> Result<()>,
) -> Result<(Ingested, bool)> {
    use rayon::prelude::*;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(common.threads)
        .build()
        .context("cannot start the worker threads")?;
    let mut reader = ingest::Reader::new(&common.inputs);
    let mut ing = Ingested::default();
    let mut had_errors = !reader.errors.is_empty();
    for e in &reader.errors {
        eprintln!("gainsay: {e}");
    }
    let opts = gainsay::extract::ExtractOptions {
        text_dates: common.text_dates,
        learned: common.model == AttribModelChoice::Learned,
    };
    let mut progress = Progress::new(reader.total_bytes, common.quiet);
    // A pipeline: up to IN_FLIGHT batches are extracted on the pool at once while this thread
    // reads the next batches and writes out finished ones in input order, so no worker waits
    // for a batch to end, and reading and writing overlap the extraction.
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Option<Vec<Extracted<T>>>)>();
    let mut failed: Result<()> = Ok(());
    pool.in_place_scope(|scope| {
        let mut statuses: std::collections::VecDeque<Vec<DocStatus>> = Default::default();
        let mut arrived: std::collections::BTreeMap<usize, Option<Vec<Extracted<T>>>> =
            Default::default();
        let (mut sent, mut next, mut exhausted) = (0usize, 0usize, false);
        loop {
            while !exhausted && sent - next < IN_FLIGHT {
                // the first batch is small, so that the workers start at once
                let size = if sent == 0 {
                    FIRST_BATCH_DOCS
                } else {
                    BATCH_DOCS
                };
                let (st, docs) = read_batch(&mut reader, size);
                if st.is_empty() {
                    exhausted = true;
                    break;
                }
                statuses.push_back(st);
                let (tx, per_doc, opts) = (tx.clone(), &per_doc, &opts);
                let batch = sent;
                scope.spawn(move |_| {
                    // extraction does not panic (fuzzed); should it ever, the run stops with an
                    // error instead of waiting for this batch forever
                    let xs = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        docs.into_par_iter()
                            .map(|d| {
                                let x = gainsay::extract::extract_with(d, lx, opts);
                                (x.warnings.clone(), per_doc(x))
                            })
                            .collect::<Vec<_>>()
                    }));
                    let _ = tx.send((batch, xs.ok()));
                });
                sent += 1;
            }
            if next == sent {
                break;
            }
            while !arrived.contains_key(&next) {
                match rx.recv() {
                    Ok((i, xs)) => {
                        arrived.insert(i, xs);
                    }
                    Err(_) => break,
                }
            }
            let (Some(Some(xs)), Some(st)) = (arrived.remove(&next), statuses.pop_front()) else {
                failed = Err(anyhow::anyhow!(
                    "internal error: a batch of documents could not be extracted"
                ));
                break;
            };
            let read = reader.read_bytes;
            failed = emit(
                st,
                xs,
                &mut ing,
                &mut had_errors,
                &mut sink,
                &mut progress,
                read,
            );
            if failed.is_err() {
                break;
            }
            next += 1;
        }
    });
    failed?;
    progress.finish();
    // the reader's errors (a directory that cannot be listed) were all found, and reported,
    // when it expanded the paths
    ing.errors = reader.errors;
    if ing.status.is_empty() {
        eprintln!(
            "gainsay: no documents found in the inputs (readable: {}, or `-` for stdin)",
            ingest::EXTENSIONS
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        had_errors = true;
    }
    Ok((ing, had_errors))
}

/// What a worker returns for one document: extraction's warnings, and what the command keeps.
type Extracted<T> = (Vec<String>, T);

/// The next batch from the reader, in input order: every status, and the documents to extract.
fn read_batch(
    reader: &mut ingest::Reader,
    max_docs: usize,
) -> (Vec<DocStatus>, Vec<gainsay::model::Document>) {
    let mut statuses = Vec::new();
    let mut docs = Vec::new();
    let mut bytes = 0;
    for item in reader.by_ref() {
        if let Some(d) = item.doc {
            bytes += d.text.len();
            docs.push(d);
        }
        statuses.push(item.status);
        if docs.len() >= max_docs || bytes >= BATCH_BYTES {
            break;
        }
    }
    (statuses, docs)
}

/// Reports a batch's statuses on stderr (with what extraction noticed) and hands its results to
/// the sink, in input order.
fn emit<T>(
    statuses: Vec<DocStatus>,
    xs: Vec<Extracted<T>>,
    ing: &mut Ingested,
    had_errors: &mut bool,
    sink: &mut impl FnMut(&DocStatus, Option<T>) -> Result<()>,
    progress: &mut Progress,
    read_bytes: u64,
) -> Result<()> {
    let mut xs = xs.into_iter();
    for mut s in statuses {
        if let Some(r) = &s.reason {
            progress.message(&format!("gainsay: skipped {}: {r}", s.origin));
            *had_errors = true;
        }
        let x = if s.status == "processed" {
            xs.next()
        } else {
            None
        };
        // what extraction noticed joins the document's notes
        if let Some((warnings, _)) = &x {
            s.warnings.extend(warnings.iter().cloned());
        }
        for w in &s.warnings {
            progress.message(&format!("gainsay: warning: {}: {w}", s.origin));
        }
        let done = x.is_some();
        sink(&s, x.map(|(_, x)| x))?;
        ing.status.push(s);
        if done {
            progress.tick(read_bytes);
        }
    }
    Ok(())
}

/// [`extract_each`], keeping every extraction, compacted; its tokens only when `keep_tokens`
/// (the wire-copy audit and `stance` read them).
fn read_and_extract(
    common: &Common,
    lx: &Lexicon,
    keep_tokens: bool,
) -> Result<(Ingested, Vec<Extraction>, bool)> {
    let mut xs = Vec::new();
    let (ing, had_errors) = extract_each(
        common,
        lx,
        |mut x| {
            x.compact(!keep_tokens);
            x
        },
        |x| {
            xs.push(x);
            Ok(())
        },
    )?;
    Ok((ing, xs, had_errors))
}

/// Lines of records parsed at once (in parallel), at most.
const RECORD_BATCH_LINES: usize = 64;
const RECORD_BATCH_BYTES: usize = 4 << 20;

/// `--records`: reads DocRecord files (`-` for stdin) and rebuilds what [`read_and_extract`]
/// returns for the reports they were extracted from, in input order. A malformed line is an
/// input error naming its file and line (the other lines are read); a record of another major
/// version or extracted with other resources stops the run.
fn read_records(
    common: &Common,
    lx: &Lexicon,
    needs: gainsay::records::Needs,
) -> Result<(Ingested, Vec<Extraction>, bool)> {
    use gainsay::records::{Collector, Parsed, RecordError, Taken, parse_record};
    use rayon::prelude::*;
    use std::io::BufRead;
    if common.text_dates || common.model != AttribModelChoice::None {
        bail!(
            "--text-dates and --model act when reports are extracted: give them to              `gainsay extract --format records`, not with --records"
        );
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(common.threads)
        .build()
        .context("cannot start the worker threads")?;
    let fingerprint = lx.fingerprint();
    let mut col = Collector::default();
    let mut had_errors = false;
    let mut progress = Progress::new(0, common.quiet);
    let error = |col: &mut Collector, e: String| {
        eprintln!("gainsay: {e}");
        col.error(e);
    };
    for path in &common.inputs {
        let name = path.display().to_string();
        let mut src: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::BufReader::new(std::io::stdin().lock()))
        } else {
            match std::fs::File::open(path) {
                Ok(f) if !f.metadata().is_ok_and(|m| m.is_dir()) => {
                    Box::new(std::io::BufReader::with_capacity(1 << 20, f))
                }
                Ok(_) => {
                    error(&mut col, format!("{name}: a directory, not a record file"));
                    had_errors = true;
                    continue;
                }
                Err(e) => {
                    error(&mut col, format!("{name}: {e}"));
                    had_errors = true;
                    continue;
                }
            }
        };
        let mut line_no = 0usize;
        let mut eof = false;
        while !eof {
            // a batch of lines, parsed on the pool, then taken in order
            let mut batch: Vec<(usize, Vec<u8>)> = Vec::new();
            let mut bytes = 0;
            while batch.len() < RECORD_BATCH_LINES && bytes < RECORD_BATCH_BYTES {
                let mut buf = Vec::new();
                let n = src
                    .read_until(b'\n', &mut buf)
                    .with_context(|| format!("cannot read {name}"))?;
                if n == 0 {
                    eof = true;
                    break;
                }
                line_no += 1;
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                bytes += buf.len();
                batch.push((line_no, buf));
            }
            let parsed: Vec<(usize, Result<Parsed, RecordError>)> = pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|(no, buf)| {
                        let r = match std::str::from_utf8(&buf) {
                            Ok(line) => parse_record(line.trim_end(), &fingerprint, needs),
                            Err(e) => Err(RecordError::Bad(format!("not UTF-8: {e}"))),
                        };
                        (no, r)
                    })
                    .collect()
            });
            for (no, r) in parsed {
                match col.take(&format!("{name}:{no}"), r) {
                    Err(m) => bail!("{m}"),
                    Ok(Taken::Error(e)) => {
                        eprintln!("gainsay: {e}");
                        had_errors = true;
                    }
                    Ok(Taken::Doc(st, processed)) => {
                        if let Some(r) = &st.reason {
                            progress.message(&format!("gainsay: skipped {}: {r}", st.origin));
                            had_errors = true;
                        }
                        for w in &st.warnings {
                            progress.message(&format!("gainsay: warning: {}: {w}", st.origin));
                        }
                        if processed {
                            progress.tick(0);
                        }
                    }
                }
            }
        }
    }
    progress.finish();
    if col.ing.status.is_empty() {
        eprintln!("gainsay: no document records found in the inputs");
        had_errors = true;
    }
    Ok((col.ing, col.xs, had_errors))
}

/// A progress line on stderr for long runs: documents done, rate, share of the input read, time
/// left. Shown only when stderr is a terminal, the run has lasted a moment, and `--quiet` is not
/// given.
struct Progress {
    total_bytes: u64,
    done: usize,
    start: std::time::Instant,
    last: Option<std::time::Instant>,
    on: bool,
}

/// How long a run goes before it shows progress, and how often the line is redrawn.
const PROGRESS_AFTER: std::time::Duration = std::time::Duration::from_millis(500);
const PROGRESS_EVERY: std::time::Duration = std::time::Duration::from_millis(100);

impl Progress {
    fn new(total_bytes: u64, quiet: bool) -> Self {
        use std::io::IsTerminal;
        Progress {
            total_bytes,
            done: 0,
            start: std::time::Instant::now(),
            last: None,
            on: !quiet && std::io::stderr().is_terminal(),
        }
    }

    fn tick(&mut self, read_bytes: u64) {
        self.done += 1;
        if !self.on {
            return;
        }
        let now = std::time::Instant::now();
        let due = self.last.map_or(now - self.start >= PROGRESS_AFTER, |l| {
            now - l >= PROGRESS_EVERY
        });
        if due {
            self.last = Some(now);
            eprint!(
                "\r{}\x1b[K",
                progress_line(self.done, read_bytes, self.total_bytes, now - self.start)
            );
        }
    }

    /// A line on stderr (a warning): the progress line, when drawn, is cleared first and
    /// redrawn at the next tick.
    fn message(&mut self, line: &str) {
        if self.last.is_some() {
            eprint!("\r\x1b[K");
        }
        eprintln!("{line}");
    }

    fn finish(&self) {
        if self.last.is_some() {
            eprint!("\r\x1b[K");
        }
    }
}

/// "1200 documents · 850/s · 30% read · 4 s left" (the share and time left only when the input
/// size is known: files, not stdin).
fn progress_line(done: usize, read: u64, total: u64, elapsed: std::time::Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-3);
    let rate = done as f64 / secs;
    let mut line = format!("{done} documents · {rate:.0}/s");
    if total > 0 && read > 0 {
        let share = (read as f64 / total as f64).min(1.0);
        let left = secs * (1.0 - share) / share;
        line.push_str(&format!(" · {:.0}% read · {left:.0} s left", share * 100.0));
    }
    line
}

/// A severity by its id.
fn severity_named(w: &str) -> Option<gainsay::check::Severity> {
    use gainsay::check::Severity;
    [Severity::Low, Severity::Medium, Severity::High]
        .into_iter()
        .find(|s| s.id() == w)
}

fn finish(had_errors: bool) -> ExitCode {
    if had_errors {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.cmd {
        Cmd::Resources {
            file,
            find,
            resources,
        } => {
            let merge = if cli.resources_replace {
                gainsay::lexicon::Merge::Replace
            } else {
                gainsay::lexicon::Merge::Extend
            };
            let text = gainsay::resources::report(
                resources.as_deref(),
                merge,
                file.as_deref(),
                find.as_deref(),
            )
            .context("cannot load resources")?;
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Rules => {
            for r in RULES {
                println!("{:<26} {:<24} {}", r.id, r.finding.title(), r.description);
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Check {
            common,
            format,
            disable,
            mut fail_on,
            fail_on_findings,
            no_own_voice,
            own_voice: _,
            records,
        } => {
            let own_voice = !no_own_voice;
            for d in &disable {
                if !RULES.iter().any(|r| r.id == d) {
                    bail!("unknown rule `{d}` (see `gainsay rules`)");
                }
            }
            if fail_on_findings {
                fail_on.push("any".into());
            }
            for w in &mut fail_on {
                *w = w.trim().to_lowercase();
            }
            for w in &fail_on {
                if w != "any" && severity_named(w).is_none() && !RULES.iter().any(|r| r.id == w) {
                    bail!(
                        "--fail-on `{w}`: give `any`, a rule id (see `gainsay rules`) or a severity (low, medium, high)"
                    );
                }
            }
            let lx = load_lexicon(&common.resources)?;
            let mut out = open_output(&common.output, &common.inputs)?;
            // the HTML page holds the audit's coverage tables
            let html = matches!(format, CheckFormat::Html);
            let (ing, xs, had_errors) = if records {
                let needs = gainsay::records::Needs {
                    all_sentences: html,
                    words: html,
                };
                read_records(&common, &lx, needs)?
            } else {
                read_and_extract(&common, &lx, html)?
            };
            let g = ClaimGraph::build_with(xs, &lx, gainsay::graph::GraphOptions { own_voice });
            let opts = CheckOptions {
                disabled: disable.into_iter().collect(),
            };
            let (findings, co) = report::check_report(&g, &lx, &opts, &ing.status, &ing.errors);
            if let Some(w) = &co.summary.party_coverage.warning {
                eprintln!("gainsay: warning: {w}");
            }
            match format {
                CheckFormat::Md => out.write_all(report::check_markdown(&co).as_bytes())?,
                CheckFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &co)?;
                    out.write_all(b"\n")?;
                }
                CheckFormat::Jsonl => {
                    for f in &co.findings {
                        serde_json::to_writer(&mut out, f)?;
                        out.write_all(b"\n")?;
                    }
                }
                CheckFormat::Csv => out.write_all(report::check_csv(&co).as_bytes())?,
                CheckFormat::Html => {
                    let coverage = audit::audit(&g);
                    out.write_all(report::html::check_html(&co, Some(&coverage)).as_bytes())?
                }
            }
            out.flush()?;
            if had_errors {
                return Ok(ExitCode::from(2));
            }
            let fails = |f: &gainsay::check::Finding| {
                fail_on.iter().any(|w| {
                    w == "any" || w == f.rule || severity_named(w).is_some_and(|s| f.severity >= s)
                })
            };
            if findings.iter().any(fails) {
                return Ok(ExitCode::from(1));
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Extract {
            common,
            format,
            records,
        } if records || format == ExtractFormat::Records => {
            let lx = load_lexicon(&common.resources)?;
            let mut out = open_output(&common.output, &common.inputs)?;
            let fingerprint = lx.fingerprint();
            // each document's record is serialized by the worker that extracted it; the header
            // (sequence number, status with every warning) is added in input order
            let mut seq = 0;
            let (ing, had_errors) = extract_each_status(
                &common,
                &lx,
                |x| gainsay::records::body_json(&x, &lx),
                |status, body| {
                    let line =
                        gainsay::records::record_line(seq, &fingerprint, status, body.as_deref());
                    seq += 1;
                    Ok(out.write_all(&line)?)
                },
            )?;
            for e in &ing.errors {
                out.write_all(&gainsay::records::input_error_line(&fingerprint, e))?;
            }
            out.flush()?;
            Ok(finish(had_errors))
        }
        Cmd::Extract { common, .. } => {
            let lx = load_lexicon(&common.resources)?;
            let mut out = open_output(&common.output, &common.inputs)?;
            // streamed: each document's claims are written (by the worker that extracted it) as
            // soon as its turn comes
            let (_, had_errors) = extract_each(
                &common,
                &lx,
                |x| {
                    let mut lines = Vec::new();
                    for c in report::schema::claims(&x) {
                        // serializing plain data into memory cannot fail
                        if serde_json::to_writer(&mut lines, &c).is_ok() {
                            lines.push(b'\n');
                        }
                    }
                    lines
                },
                |lines| Ok(out.write_all(&lines)?),
            )?;
            out.flush()?;
            Ok(finish(had_errors))
        }
        Cmd::Graph {
            common,
            format,
            no_own_voice,
            own_voice: _,
            records,
        } => {
            let own_voice = !no_own_voice;
            let lx = load_lexicon(&common.resources)?;
            let mut out = open_output(&common.output, &common.inputs)?;
            let (_, xs, had_errors) = if records {
                read_records(&common, &lx, Default::default())?
            } else {
                read_and_extract(&common, &lx, false)?
            };
            let g = ClaimGraph::build_with(xs, &lx, gainsay::graph::GraphOptions { own_voice });
            match format {
                GraphFormat::Dot => out.write_all(report::graph_dot(&g).as_bytes())?,
                GraphFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &report::graph_json(&g))?;
                    out.write_all(b"\n")?;
                }
            }
            out.flush()?;
            Ok(finish(had_errors))
        }
        Cmd::Compare {
            common,
            format,
            no_own_voice,
            own_voice: _,
            records,
        } => {
            let own_voice = !no_own_voice;
            if common.inputs.len() != 2 {
                bail!(
                    "compare takes exactly two inputs, A and B (each a file or a directory); got {}",
                    common.inputs.len()
                );
            }
            let lx = load_lexicon(&common.resources)?;
            let mut out = open_output(&common.output, &common.inputs)?;
            let side = |p: &PathBuf| Common {
                inputs: vec![p.clone()],
                output: None,
                resources: common.resources.clone(),
                text_dates: common.text_dates,
                model: common.model,
                quiet: common.quiet,
                threads: common.threads,
            };
            let read = |c: &Common| {
                if records {
                    read_records(c, &lx, Default::default())
                } else {
                    read_and_extract(c, &lx, false)
                }
            };
            let (ing_a, mut xs, errors_a) = read(&side(&common.inputs[0]))?;
            let (ing_b, xb, errors_b) = read(&side(&common.inputs[1]))?;
            let split = xs.len();
            xs.extend(xb);
            let g = ClaimGraph::build_with(xs, &lx, gainsay::graph::GraphOptions { own_voice });
            let findings = gainsay::check::check(&g, &lx, &gainsay::check::CheckOptions::default());
            let cmp = gainsay::compare::compare(&g, split, &findings);
            let names = (
                common.inputs[0].display().to_string(),
                common.inputs[1].display().to_string(),
            );
            let co = report::compare_output(
                &g,
                &cmp,
                &findings,
                split,
                (&names.0, &names.1),
                &ing_a.status,
                &ing_b.status,
            );
            match format {
                AuditFormat::Md => out.write_all(report::compare_markdown(&co).as_bytes())?,
                AuditFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &co)?;
                    out.write_all(b"\n")?;
                }
            }
            out.flush()?;
            Ok(finish(errors_a || errors_b))
        }
        Cmd::Audit {
            common,
            format,
            records,
        } => {
            let lx = load_lexicon(&common.resources)?;
            let mut out = open_output(&common.output, &common.inputs)?;
            let (ing, xs, had_errors) = if records {
                let needs = gainsay::records::Needs {
                    all_sentences: true,
                    words: true,
                };
                read_records(&common, &lx, needs)?
            } else {
                read_and_extract(&common, &lx, true)?
            };
            let g = ClaimGraph::build(xs, &lx);
            let mut a = audit::audit(&g);
            a.inputs = ing.status;
            if let Some(w) = &a.party_coverage.warning {
                eprintln!("gainsay: warning: {w}");
            }
            match format {
                AuditFormat::Md => out.write_all(audit::audit_markdown(&a).as_bytes())?,
                AuditFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &a)?;
                    out.write_all(b"\n")?;
                }
            }
            out.flush()?;
            Ok(finish(had_errors))
        }
        Cmd::Stance {
            claim,
            common,
            format,
        } => {
            if claim.trim().is_empty() {
                bail!("--claim is empty: give the claim to judge the reports against");
            }
            let lx = load_lexicon(&common.resources)?;
            let mut out = open_output(&common.output, &common.inputs)?;
            let (ing, xs, had_errors) = read_and_extract(&common, &lx, true)?;
            let c = gainsay::stance::Claim::new(&claim, &lx);
            let judgments: Vec<_> = xs
                .iter()
                .map(|x| gainsay::stance::judge(&c, x, &lx, false))
                .collect();
            match format {
                StanceFormat::Json => {
                    let v = serde_json::json!({
                        "schema_version": gainsay::report::schema::SCHEMA_VERSION,
                        "tool": format!("gainsay {}", env!("CARGO_PKG_VERSION")),
                        "claim": claim,
                        "documents": ing.status,
                        "judgments": judgments,
                    });
                    writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
                }
                StanceFormat::Md => {
                    write!(out, "{}", gainsay::stance::markdown(&claim, &judgments))?;
                }
            }
            out.flush()?;
            Ok(finish(had_errors))
        }
        Cmd::Eval(EvalCmd::Conflicts {
            gold,
            data,
            whole,
            no_own_voice,
            own_voice: _,
            model,
            show_missed,
            show_false,
            show_unjudged,
            format,
            resources,
        }) => {
            use eval::conflicts;
            let lx = load_lexicon(&resources)?;
            let g = conflicts::load_conflict_gold(&gold)?;
            let articles = conflicts::load_fakes(&data)?;
            let opts = conflicts::ConflictOptions {
                whole,
                own_voice: !no_own_voice,
                learned: model == AttribModelChoice::Learned,
            };
            let r = conflicts::evaluate_conflicts(&g, &articles, &lx, &opts)?;
            match format {
                EvalFormat::Text => print!("{}", r.to_text(show_missed, show_false, show_unjudged)),
                EvalFormat::Json => println!("{}", serde_json::to_string_pretty(&r.to_json())?),
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Train(TrainCmd::Pos {
            ud,
            out,
            iterations,
            seed,
            limit,
        }) => {
            use gainsay::pos::train;
            let mut sents = train::read_conllu(&ud.join("train.conllu"))?;
            if let Some(n) = limit {
                sents.truncate(n);
            }
            let opts = train::TrainOptions {
                iterations,
                seed,
                ..Default::default()
            };
            let set = train::training_set(&sents, &mut train::Rng::new(seed));
            let model = train::train(&set, &opts);
            let limit_arg = limit.map(|n| format!(" --limit {n}")).unwrap_or_default();
            let header = format!(
                "gainsay part-of-speech model: averaged perceptron over Penn Treebank tags.\n\
                 Trained on UD English EWT (train.conllu, {} sentences), CC BY-SA 4.0; see pos-ewt.NOTICE.\n\
                 Command: gainsay train pos --ud DIR --iterations {iterations} --seed {seed}{limit_arg}\n\
                 {} dictionary words, {} weighted features.",
                sents.len(),
                model.dict.len(),
                model.weights.len()
            );
            let text = model.to_text(&header);
            match out {
                Some(p) => std::fs::write(&p, text)
                    .with_context(|| format!("cannot write {}", p.display()))?,
                None => print!("{text}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Eval(EvalCmd::Pos {
            ud,
            split,
            top,
            resources,
        }) => {
            let lx = load_lexicon(&resources)?;
            let sents = gainsay::pos::train::read_conllu(&ud.join(format!("{split}.conllu")))?;
            let r = gainsay::pos::train::evaluate(lx.tagger(), &sents);
            print!("{}", r.to_text(top));
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Eval(EvalCmd::Stance {
            emergent,
            show_errors,
            model,
            format,
            resources,
        }) => {
            let lx = load_lexicon(&resources)?;
            let items = eval::stance::load_emergent(&emergent)?;
            let r = eval::stance::evaluate_stance(&items, &lx, model == AttribModelChoice::Learned);
            match format {
                EvalFormat::Text => {
                    print!("{}", r.to_text());
                    for e in r.errors.iter().take(show_errors) {
                        println!("{e}");
                    }
                }
                EvalFormat::Json => println!("{}", serde_json::to_string_pretty(&r.to_json())?),
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Train(TrainCmd::Attributions {
            polnear,
            split,
            limit,
            out,
            seed,
            epochs,
            no_forced,
            resources,
        }) => {
            let lx = load_lexicon(&resources)?;
            let docs = eval::load_polnear(&polnear, &split, limit)?;
            let mut set = eval::training_set(&docs, &lx, !no_forced);
            let header = format!(
                "# gainsay attribution model: the learned layer over the attribution rules.\n\
                 # Trained on PolNeAR {split} ({} documents); features from the rules' outputs,\n\
                 # resources/, function words and word shapes only. Rebuild with:\n\
                 #   gainsay train attributions --polnear DIR --split {split} --seed {seed} --epochs {epochs}{}{}\n\
                 # columns: feature <TAB> weight; @threshold: a reading is kept above it\n",
                docs.len(),
                limit.map(|n| format!(" --limit {n}")).unwrap_or_default(),
                if no_forced { " --no-forced" } else { "" },
            );
            let (text, rep) = gainsay::extract::learned::train(&mut set, epochs, seed, &header);
            eprintln!(
                "trained on {} documents, {} attributions; {} features; threshold {:.2}; \
                 held-out strict F1 {:.3} (rules {:.3}, oracle {:.3}); \
                 {} candidate cues, {} read",
                docs.len(),
                set.groups.len(),
                rep.features,
                rep.threshold,
                rep.held_out_f1_learned,
                rep.held_out_f1_rules,
                rep.held_out_f1_oracle,
                rep.cue_candidates,
                rep.cue_candidates_read
            );
            match out {
                Some(p) => std::fs::write(&p, text)
                    .with_context(|| format!("cannot write {}", p.display()))?,
                None => print!("{text}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Eval(EvalCmd::Attributions {
            gold,
            corpus,
            polnear,
            split,
            limit,
            show_errors,
            by_cue,
            model,
            format,
            resources,
        }) => {
            let lx = load_lexicon(&resources)?;
            let mut docs = match (gold, polnear) {
                (Some(g), None) => {
                    let root = corpus.context("--gold needs --corpus")?;
                    eval::load_string_gold(&g, &root)?
                }
                (None, Some(p)) => eval::load_polnear(&p, &split, limit)?,
                _ => bail!("give either --gold FILE --corpus DIR, or --polnear DIR"),
            };
            if let Some(n) = limit {
                docs.truncate(n); // the string-form loader has no limit of its own
            }
            if model == AttribModelChoice::Learned && lx.attrib_model.is_empty() {
                bail!("the attribution model (attribution_model.tsv) is empty: train one first");
            }
            let mut runs = vec![("rules", false)];
            if model == AttribModelChoice::Learned {
                runs.push(("learned", true));
            }
            let mut json_runs = serde_json::Map::new();
            for (name, learned) in runs {
                let opts = gainsay::extract::ExtractOptions {
                    text_dates: false,
                    learned,
                };
                // speakers that stay unresolved (pronouns or roles with no antecedent)
                let (mut sourced, mut unresolved) = (0usize, 0usize);
                let report = eval::evaluate(&docs, |doc| {
                    let x = gainsay::extract::extract_with(doc.clone(), &lx, &opts);
                    let (s, u) = x.unresolved_speakers();
                    sourced += s;
                    unresolved += u;
                    eval::predictions(&x)
                });
                let share = if sourced == 0 {
                    0.0
                } else {
                    unresolved as f64 / sourced as f64
                };
                match format {
                    EvalFormat::Text => {
                        if model == AttribModelChoice::Learned {
                            println!("== model: {name}");
                        }
                        print!("{}", report.to_text());
                        println!(
                            "unresolved speakers: {unresolved} of {sourced} sourced attributions ({:.1}%)",
                            share * 100.0
                        );
                        if by_cue {
                            print!("{}", report.by_cue_text());
                        }
                        for e in report.errors.iter().take(show_errors) {
                            println!("{e}");
                        }
                    }
                    EvalFormat::Json => {
                        let mut v = report.to_json();
                        v["unresolved_speakers"] = serde_json::json!({
                            "unresolved": unresolved, "sourced": sourced, "share": share
                        });
                        json_runs.insert(name.to_string(), v);
                    }
                }
            }
            if let EvalFormat::Json = format {
                let v = if json_runs.len() == 1 {
                    json_runs.remove("rules").unwrap_or_default()
                } else {
                    serde_json::Value::Object(json_runs)
                };
                println!("{}", serde_json::to_string_pretty(&v)?);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_line_gives_count_rate_share_and_time_left() {
        let line = progress_line(250, 250, 1000, std::time::Duration::from_secs(5));
        assert_eq!(line, "250 documents · 50/s · 25% read · 15 s left");
        // stdin: no size known; no division by zero at the start
        assert_eq!(
            progress_line(10, 0, 0, std::time::Duration::ZERO),
            "10 documents · 10000/s"
        );
    }
}
