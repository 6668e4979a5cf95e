//! The part-of-speech tagger: the shipped model's accuracy on UD English EWT dev, deterministic
//! training, and a replacement model through `--resources` (the data-backed parts skip when
//! ../shared/data is absent). The figures are measured by `gainsay eval pos`.

mod common;

use assert_cmd::Command;
use gainsay::lexicon::Lexicon;
use gainsay::pos::{Tag, Tagger, train};

#[test]
fn the_shipped_model_scores_on_ewt_dev() {
    let Some(dir) = common::shared("data/ud-ewt") else {
        return;
    };
    let sents = train::read_conllu(&dir.join("dev.conllu")).unwrap();
    let r = train::evaluate(Lexicon::builtin().tagger(), &sents);
    eprintln!("EWT dev accuracy {:.4}", r.accuracy());
    // measured 0.9444
    assert!(r.accuracy() >= 0.93, "{}", r.to_text(10));
}

#[test]
fn training_rebuilds_the_same_file() {
    let Some(dir) = common::shared("data/ud-ewt") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let run = |name: &str| {
        let out = tmp.path().join(name);
        Command::cargo_bin("gainsay")
            .unwrap()
            .args(["train", "pos", "--ud"])
            .arg(&dir)
            .args([
                "--limit",
                "300",
                "--iterations",
                "2",
                "--seed",
                "7",
                "--out",
            ])
            .arg(&out)
            .assert()
            .success();
        std::fs::read(out).unwrap()
    };
    let (a, b) = (run("a.model"), run("b.model"));
    assert!(a == b, "two runs wrote different models");
    let t = Tagger::parse(std::str::from_utf8(&a).unwrap()).unwrap();
    assert!(t.feature_count() > 1000);
}

#[test]
fn a_resources_model_replaces_the_builtin_one() {
    let tmp = tempfile::tempdir().unwrap();
    // a model that only knows one tag
    std::fs::write(
        tmp.path().join("pos-ewt.model"),
        "gainsay-pos\t1\ntags\tNN\tVB\nf\t0000000000000001\t1:5\n",
    )
    .unwrap();
    let lx = Lexicon::load(Some(tmp.path())).unwrap();
    assert_eq!(lx.tagger().feature_count(), 1);
    assert_eq!(lx.tagger().tag(&["anything"]), vec![Tag::NN]);
    std::fs::write(
        tmp.path().join("pos-ewt.model"),
        "gainsay-pos\t1\ntags\tNN\nf\tnothex\t0:1\n",
    )
    .unwrap();
    let e = Lexicon::load(Some(tmp.path())).unwrap_err();
    assert!(e.file.ends_with("pos-ewt.model") && e.line == 3, "{e}");
}

#[test]
fn project_tokens_are_tagged() {
    let lx = Lexicon::builtin();
    let text = "The United States said on Monday that \"Russia's well-known jets\" struck it.";
    let seg = gainsay::segment::segment(text, 0, &lx);
    let toks = seg.sentence_tokens(0);
    let tags = lx.tagger().tag_tokens(text, toks);
    let word = |w: &str| {
        let i = toks
            .iter()
            .position(|t| &text[t.range.clone()] == w)
            .unwrap();
        tags[i]
    };
    assert_eq!(word("States"), Tag::NNPS); // as the Penn Treebank tags it
    assert_eq!(word("said"), Tag::VBD);
    assert_eq!(word("\""), Tag::OpenQuote);
    assert_eq!(word("jets"), Tag::NNS);
    assert_eq!(word("struck"), Tag::VBD);
    assert_eq!(tags.last(), Some(&Tag::Period));
    // without the text, from the tokens' lower-cased forms and capital flags: the same tags
    assert_eq!(lx.tagger().tag_lowered(toks), tags);
}
