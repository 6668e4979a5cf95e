//! Regression guard on real news: PolNeAR dev, read from ../shared/data (skips when absent).
//! The figures themselves are measured by `gainsay eval attributions --polnear ... --split dev`.

mod common;

use gainsay::eval::{evaluate, load_polnear, predictions};
use gainsay::extract::extract;
use gainsay::lexicon::Lexicon;

#[test]
fn polnear_dev_does_not_regress() {
    let Some(dir) = common::shared("data/polnear") else {
        return;
    };
    let docs = load_polnear(&dir, "dev", None).unwrap();
    let lx = Lexicon::builtin();
    let report = evaluate(&docs, |d| predictions(&extract(d.clone(), &lx)));
    let f1 = report.attribution.f1();
    eprintln!("PolNeAR dev attribution F1 {f1:.3}");
    // Floor set below the measured value; raise it as extraction improves.
    assert!(f1 >= 0.50, "PolNeAR dev attribution F1 fell to {f1:.3}");
    assert!(report.cue.f1() >= 0.60, "cue F1 {:.3}", report.cue.f1());
}
