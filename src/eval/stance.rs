//! Stance evaluation on headline–claim pairs (the Emergent dataset: claim, article headline,
//! stance `for` / `against` / `observing`).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use serde_json::json;

use super::{EvalError, Prf, read};
use crate::lexicon::Lexicon;
use crate::model::Document;
use crate::stance::{Claim, Stance, judge};

/// One headline paired with its claim and the gold stance.
#[derive(Debug, Clone)]
pub struct StanceItem {
    pub id: String,
    /// 1-based line of the record in its file.
    pub line: usize,
    pub claim: String,
    pub headline: String,
    pub gold: Stance,
}

/// Reads Emergent's CSV (columns by header name: `claimHeadline`, `articleHeadline`,
/// `articleHeadlineStance`, and `id` when present). Every data error names the file and line.
pub fn load_emergent(path: &Path) -> Result<Vec<StanceItem>, EvalError> {
    let text = read(path)?;
    let data = |line: usize, message: String| EvalError::Data {
        path: path.to_path_buf(),
        line,
        message,
    };
    let records = crate::csv::parse(&text).map_err(|(line, m)| data(line, m))?;
    let Some((header, rows)) = records.split_first() else {
        return Err(data(1, "empty file".into()));
    };
    let col = |name: &str| {
        header
            .fields
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| data(header.line, format!("no `{name}` column")))
    };
    let (c_claim, c_head, c_stance) = (
        col("claimHeadline")?,
        col("articleHeadline")?,
        col("articleHeadlineStance")?,
    );
    let c_id = col("id").ok();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let field = |c: usize| {
            r.fields
                .get(c)
                .cloned()
                .ok_or_else(|| data(r.line, format!("{} fields, expected more", r.fields.len())))
        };
        let stance = field(c_stance)?;
        let gold = Stance::parse(stance.trim())
            .filter(|s| *s != Stance::Unrelated)
            .ok_or_else(|| data(r.line, format!("unknown stance `{stance}`")))?;
        out.push(StanceItem {
            id: match c_id {
                Some(c) => field(c)?,
                None => format!("line{}", r.line),
            },
            line: r.line,
            claim: field(c_claim)?,
            headline: field(c_head)?,
            gold,
        });
    }
    Ok(out)
}

/// Accuracy, per-class scores and the confusion matrix of a stance run.
#[derive(Debug, Clone, Default)]
pub struct StanceReport {
    pub items: usize,
    pub correct: usize,
    /// (gold, predicted) → count.
    pub confusion: BTreeMap<(Stance, Stance), usize>,
    pub seconds: f64,
    /// Every wrong judgment, in input order.
    pub errors: Vec<StanceError>,
}

/// A headline judged wrongly, with the markers the judgment rested on.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StanceError {
    pub id: String,
    pub line: usize,
    pub gold: Stance,
    pub predicted: Stance,
    pub claim: String,
    pub headline: String,
    /// `kind:text` of each marker.
    pub markers: Vec<String>,
}

impl std::fmt::Display for StanceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}: gold {} predicted {} | {} | {} | {}",
            self.line,
            self.gold.id(),
            self.predicted.id(),
            self.claim,
            self.headline,
            self.markers.join(", ")
        )
    }
}

/// The gold classes, in report order.
const CLASSES: [Stance; 3] = [Stance::For, Stance::Against, Stance::Observing];

impl StanceReport {
    pub fn accuracy(&self) -> f64 {
        Prf::ratio(self.correct, self.items)
    }

    /// Precision / recall counts of one class (a prediction of `unrelated` is wrong for all).
    pub fn class(&self, c: Stance) -> Prf {
        let mut p = Prf::default();
        for (&(g, pr), &n) in &self.confusion {
            match (g == c, pr == c) {
                (true, true) => p.tp += n,
                (false, true) => p.fp += n,
                (true, false) => p.fn_ += n,
                _ => {}
            }
        }
        p
    }

    /// Mean F1 over the three gold classes.
    pub fn macro_f1(&self) -> f64 {
        CLASSES.iter().map(|&c| self.class(c).f1()).sum::<f64>() / CLASSES.len() as f64
    }

    pub fn to_text(&self) -> String {
        let mut s = format!(
            "stance: {} pairs, accuracy {:.3}, macro F1 {:.3}\n",
            self.items,
            self.accuracy(),
            self.macro_f1()
        );
        s += &format!(
            "{:<10} {:>6} {:>6} {:>6} {:>6}\n",
            "class", "P", "R", "F1", "gold"
        );
        for c in CLASSES {
            let p = self.class(c);
            s += &format!(
                "{:<10} {:>6.3} {:>6.3} {:>6.3} {:>6}\n",
                c.id(),
                p.precision(),
                p.recall(),
                p.f1(),
                p.tp + p.fn_
            );
        }
        s += "confusion (rows gold, columns predicted):\n";
        s += &format!("{:<10}", "");
        for c in Stance::ALL {
            s += &format!(" {:>9}", c.id());
        }
        s += "\n";
        for g in CLASSES {
            s += &format!("{:<10}", g.id());
            for p in Stance::ALL {
                s += &format!(" {:>9}", self.confusion.get(&(g, p)).copied().unwrap_or(0));
            }
            s += "\n";
        }
        s += &format!("{:.3} s (extraction and judgment)\n", self.seconds);
        s
    }

    pub fn to_json(&self) -> serde_json::Value {
        let classes: serde_json::Map<String, serde_json::Value> = CLASSES
            .iter()
            .map(|&c| (c.id().to_string(), self.class(c).to_json()))
            .collect();
        let confusion: Vec<serde_json::Value> = self
            .confusion
            .iter()
            .map(|(&(g, p), &n)| json!({"gold": g, "predicted": p, "count": n}))
            .collect();
        json!({
            "items": self.items, "correct": self.correct, "accuracy": self.accuracy(),
            "macro_f1": self.macro_f1(), "classes": classes, "confusion": confusion,
            "seconds": self.seconds, "errors": self.errors,
        })
    }
}

/// Judges every headline against its claim (each headline is a one-sentence report that the
/// dataset pairs with the claim, so it is never called unrelated).
/// Judges every item; `learned`: the headlines' attributions are read with the learned layer
/// (`stance --model learned`).
pub fn evaluate_stance(items: &[StanceItem], lx: &Lexicon, learned: bool) -> StanceReport {
    let opts = crate::extract::ExtractOptions {
        learned,
        ..Default::default()
    };
    let mut r = StanceReport::default();
    let start = Instant::now();
    let mut claims: BTreeMap<&str, Claim> = BTreeMap::new();
    for it in items {
        let claim = claims
            .entry(it.claim.as_str())
            .or_insert_with(|| Claim::new(&it.claim, lx));
        let doc = Document::new(it.id.as_str(), it.headline.as_str());
        let x = crate::extract::extract_with(doc, lx, &opts);
        let j = judge(claim, &x, lx, true);
        r.items += 1;
        if j.stance == it.gold {
            r.correct += 1;
        }
        *r.confusion.entry((it.gold, j.stance)).or_insert(0) += 1;
        if j.stance != it.gold {
            r.errors.push(StanceError {
                id: it.id.clone(),
                line: it.line,
                gold: it.gold,
                predicted: j.stance,
                claim: it.claim.clone(),
                headline: it.headline.clone(),
                markers: j
                    .markers
                    .iter()
                    .map(|m| format!("{}:{}", m.kind, m.span.text))
                    .collect(),
            });
        }
    }
    r.seconds = start.elapsed().as_secs_f64();
    r
}
