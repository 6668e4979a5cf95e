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
    let r = evaluate_stance(&items, &Lexicon::builtin(), false);
    let against = r.class(Stance::Against).f1();
    eprintln!(
        "Emergent accuracy {:.3}, against F1 {against:.3}",
        r.accuracy()
    );
    // floors set below the measured values; raise them as the judgment improves
    assert!(r.accuracy() >= 0.78, "accuracy fell to {:.3}", r.accuracy());
    assert!(against >= 0.80, "against F1 fell to {against:.3}");
    // the learned attribution layer reads the headlines no worse
    let l = evaluate_stance(&items, &Lexicon::builtin(), true);
    eprintln!(
        "Emergent accuracy with the learned layer {:.3}",
        l.accuracy()
    );
    assert!(
        l.accuracy() >= r.accuracy() - 0.005,
        "learned {:.3} < rules {:.3}",
        l.accuracy(),
        r.accuracy()
    );
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

#[test]
fn a_hedge_counts_only_where_it_bears_on_the_claim() {
    let claim = "Rebels shelled the hospital in Idlib";
    // the modal hedges the shelling
    assert_eq!(
        stance(
            claim,
            "Rebels could have shelled the hospital in Idlib.",
            true
        ),
        Stance::Observing
    );
    // the modal hedges something else: the shelling is stated
    assert_eq!(
        stance(
            claim,
            "Rebels shelled the hospital in Idlib, so the clinic could close for weeks.",
            true
        ),
        Stance::For
    );
}

#[test]
fn an_announced_intention_does_not_pass_the_claim_on() {
    let claim = "Militants beheaded the aid worker";
    // the vow is the speaker's own plan; the beheading is in the report's voice
    assert_eq!(
        stance(
            claim,
            "Militants beheaded the aid worker; the prime minister vows to hunt them down.",
            true
        ),
        Stance::For
    );
    // an ordinary reporting cue still does
    assert_eq!(
        stance(
            claim,
            "Militants beheaded the aid worker, the prime minister says.",
            true
        ),
        Stance::Observing
    );
}

#[test]
fn a_cue_reporting_something_else_leaves_the_claim_in_the_reports_voice() {
    let claim = "The nun gave birth to a boy";
    assert_eq!(
        stance(
            claim,
            "The nun said her stomach hurt. She later gave birth to a boy.",
            true
        ),
        Stance::For
    );
    assert_eq!(
        stance(
            claim,
            "The nun gave birth to a boy, her convent said.",
            true
        ),
        Stance::Observing
    );
}

#[test]
fn a_claim_that_is_itself_a_statement_is_restated_by_quoting_it() {
    // the claim is that the cleric said it; a report quoting him states the claim
    let claim = "A cleric declared that snowmen are sinful";
    assert_eq!(
        stance(claim, "Cleric says snowmen are sinful", true),
        Stance::For
    );
    // a claim about the world is only passed on by the same quotation
    assert_eq!(
        stance("Snowmen are sinful", "Cleric says snowmen are sinful", true),
        Stance::Observing
    );
}

#[test]
fn a_claim_noun_and_a_signing_source_pass_the_claim_on() {
    let claim = "Militants seized the airdropped weapons";
    for r in [
        "Officials probing claims militants seized the airdropped weapons",
        "Pentagon officials: militants seized the airdropped weapons",
        "Militants seized the airdropped weapons, lawmaker claims",
        "Airdropped weapons reported to have been seized by militants",
    ] {
        assert_eq!(stance(claim, r, true), Stance::Observing, "{r}");
    }
    // a web address after a dash is no signature
    assert_eq!(
        stance(
            claim,
            "Militants seized the airdropped weapons - www.example.com",
            true
        ),
        Stance::For
    );
    // a label before a colon is no source
    assert_eq!(
        stance(
            claim,
            "Breaking: militants seized the airdropped weapons",
            true
        ),
        Stance::For
    );
}

#[test]
fn a_claim_about_who_did_it_needs_the_same_perpetrator() {
    let claim = "Rebels shelled the market in Jisr al-Shughur";
    // the report blames someone else: against
    assert_eq!(
        stance(
            claim,
            "Government forces shelled the market in Jisr al-Shughur on Tuesday.",
            false
        ),
        Stance::Against
    );
    // it names nobody: it does not state the claim
    assert_eq!(
        stance(
            claim,
            "Shells struck the market in Jisr al-Shughur on Tuesday.",
            false
        ),
        Stance::Unrelated
    );
    // the same perpetrator, active or passive: for
    for r in [
        "Rebels shelled the market in Jisr al-Shughur on Tuesday.",
        "The market in Jisr al-Shughur was shelled by rebels on Tuesday.",
    ] {
        assert_eq!(stance(claim, r, false), Stance::For, "{r}");
    }
}
