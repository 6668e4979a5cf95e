//! `gainsay stance`: for, against, observing and unrelated, each way, and a regression guard on
//! Emergent (read from ../shared/data; skips when absent). The figures themselves are measured by
//! `gainsay eval stance --emergent ../shared/data/emergent/emergent_train.csv`.

mod common;

use gainsay::eval::stance::{evaluate_stance, load_emergent};
use gainsay::lexicon::Lexicon;
use gainsay::stance::{Claim, Stance, judge};

fn stance(claim: &str, report: &str, assume_related: bool) -> Stance {
    let lx = Lexicon::builtin();
    let x = common::extract_one(report);
    judge(&Claim::new(claim, &lx), &x, &lx, assume_related).stance
}

const CLAIM: &str = "Rebels captured the town of Handarat";

#[test]
fn a_report_in_its_own_voice_is_for() {
    assert_eq!(
        stance(
            CLAIM,
            "Rebels captured Handarat on Saturday after heavy fighting.",
            false
        ),
        Stance::For
    );
}

#[test]
fn reported_speech_hedges_and_rumors_are_observing() {
    for r in [
        "Rebels captured Handarat, a spokesman for the faction said.",
        "Rebels reportedly captured Handarat on Saturday.",
        "Rebels may have captured Handarat.",
        "Unconfirmed reports: rebels captured Handarat.",
        "Have rebels captured Handarat?",
    ] {
        assert_eq!(stance(CLAIM, r, false), Stance::Observing, "{r}");
    }
}

#[test]
fn denials_negations_refutations_and_opposites_are_against() {
    for r in [
        "The army denied that rebels captured Handarat.",
        "Rebels have not captured Handarat, the army said.",
        "The story that rebels captured Handarat is a hoax.",
        "Handarat lost: rebels were captured in the town and later freed.",
    ] {
        assert_eq!(stance(CLAIM, r, false), Stance::Against, "{r}");
    }
}

#[test]
fn negations_elsewhere_and_negated_refutations_are_not_against() {
    // the negation bears on another matter
    assert_eq!(
        stance(
            CLAIM,
            "Rebels captured Handarat, and residents had no idea how long they would stay.",
            false
        ),
        Stance::For
    );
    // "no hoax" refutes nothing
    assert_eq!(
        stance(CLAIM, "Rebels captured Handarat, and it is no hoax.", false),
        Stance::For
    );
}

#[test]
fn a_report_that_does_not_mention_the_claim_is_unrelated() {
    assert_eq!(
        stance(CLAIM, "The weather in Geneva was mild on Monday.", false),
        Stance::Unrelated
    );
    // a headline paired with the claim is always judged
    assert_eq!(
        stance(CLAIM, "The weather in Geneva was mild on Monday.", true),
        Stance::For
    );
}

#[test]
fn a_marker_inside_the_claim_is_part_of_the_claim() {
    let claim = "A priest says he met God";
    assert_eq!(
        stance(claim, "Priest says he met God during surgery", false),
        Stance::For
    );
}

#[test]
fn emergent_does_not_regress() {
    let Some(path) = common::shared("data/emergent/emergent_train.csv") else {
        return;
    };
    let items = load_emergent(&path).unwrap();
    assert!(items.len() > 2000);
    let r = evaluate_stance(&items, &Lexicon::builtin());
    let against = r.class(Stance::Against).f1();
    eprintln!(
        "Emergent accuracy {:.3}, against F1 {against:.3}",
        r.accuracy()
    );
    // floors set below the measured values; raise them as the judgment improves
    assert!(r.accuracy() >= 0.74, "accuracy fell to {:.3}", r.accuracy());
    assert!(against >= 0.80, "against F1 fell to {against:.3}");
}

#[test]
fn a_report_of_both_sides_is_observing_and_of_a_denial_alone_against() {
    let claim = "Russian aircraft struck the aid convoy";
    let both = "US officials said Russian aircraft struck the aid convoy.\n\n\
                Moscow denied that Russian aircraft struck the convoy.";
    assert_eq!(stance(claim, both, false), Stance::Observing);
    let denial = "Moscow denied that Russian aircraft struck the aid convoy.";
    assert_eq!(stance(claim, denial, false), Stance::Against);
    // a sentence about the matter that does not state the claim
    let topic = "An air strike hit an aid convoy west of Aleppo.";
    assert_eq!(stance(claim, topic, false), Stance::Unrelated);
}

#[test]
fn denying_who_did_it_is_no_denial_that_it_happened() {
    let report = "Activists said 12 people were killed in a strike on a market in Idlib.\n\n\
                  Russia denied carrying out the strike on the market in Idlib.";
    // the toll is only reported: observing
    assert_eq!(
        stance(
            "12 people were killed in a strike on a market in Idlib",
            report,
            false
        ),
        Stance::Observing
    );
    // who did it is denied, and nobody in the report asserts it
    assert_eq!(
        stance(
            "Russian jets carried out the strike on the market in Idlib",
            report,
            false
        ),
        Stance::Against
    );
}

#[test]
fn a_sentence_merely_about_the_matter_does_not_soften_a_denial() {
    let claim = "Russian aircraft struck the aid convoy";
    let report = "Moscow denied that Russian aircraft struck the aid convoy.\n\n\
                  The aid convoy had been travelling for days.";
    assert_eq!(stance(claim, report, false), Stance::Against);
}
