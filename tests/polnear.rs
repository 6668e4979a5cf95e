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

/// The shipped learned layer scores at least as well as the rules alone on PolNeAR dev.
#[test]
fn polnear_dev_learned_layer_beats_the_rules() {
    let Some(dir) = common::shared("data/polnear") else {
        return;
    };
    let docs = load_polnear(&dir, "dev", None).unwrap();
    let lx = Lexicon::builtin();
    assert!(!lx.attrib_model.is_empty(), "the shipped model is empty");
    let run = |learned| {
        let opts = gainsay::extract::ExtractOptions {
            learned,
            ..Default::default()
        };
        let r = evaluate(&docs, |d| {
            predictions(&gainsay::extract::extract_with(d.clone(), &lx, &opts))
        });
        r.attribution.f1()
    };
    let (rules, learned) = (run(false), run(true));
    eprintln!("PolNeAR dev attribution F1: rules {rules:.3}, learned {learned:.3}");
    assert!(learned >= rules, "learned {learned:.3} < rules {rules:.3}");
}

/// Training on a slice of PolNeAR train is deterministic: the same seed gives the same file.
#[test]
fn polnear_training_is_byte_identical() {
    let Some(dir) = common::shared("data/polnear") else {
        return;
    };
    let docs = load_polnear(&dir, "train", Some(40)).unwrap();
    let lx = Lexicon::builtin();
    let build = || {
        let mut set = gainsay::eval::training_set(&docs, &lx, true);
        gainsay::extract::learned::train(&mut set, 5, 7, "# test\n").0
    };
    let (a, b) = (build(), build());
    assert_eq!(a, b);
    let m = gainsay::extract::learned::AttribModel::parse(&a).unwrap();
    assert!(!m.is_empty());
    assert!(m.forced, "the cue detector is trained and written");
}
