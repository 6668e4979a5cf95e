//! Times the part-of-speech tagger on real text, one thread: every `.txt` file under DIR is
//! segmented by the project's tokenizer (`segment.rs`) and each sentence tagged.
//!
//!     cargo run --release --example pos_speed -- ../shared/data/polnear/dev/text
//!
//! Prints the characters, tokens and sentences, the time spent tagging (segmentation is
//! timed apart), and characters per second.
use std::time::Instant;

use gainsay::lexicon::Lexicon;
use gainsay::segment::segment;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: pos_speed DIR");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("a directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 text"))
        .collect();
    let lx = Lexicon::builtin();
    let t0 = Instant::now();
    let tagger = lx.tagger();
    let load = t0.elapsed();
    let t1 = Instant::now();
    let segs: Vec<_> = texts.iter().map(|t| segment(t, 0, &lx)).collect();
    let seg_time = t1.elapsed();
    let mut best = f64::MAX;
    let mut tokens = 0usize;
    let mut sentences = 0usize;
    let mut nouns = 0usize;
    for _ in 0..3 {
        let t2 = Instant::now();
        tokens = 0;
        sentences = 0;
        nouns = 0;
        for (text, seg) in texts.iter().zip(&segs) {
            for s in 0..seg.sentences.len() {
                let toks = seg.sentence_tokens(s);
                let tags = tagger.tag_tokens(text, toks);
                tokens += tags.len();
                sentences += 1;
                nouns += tags.iter().filter(|t| t.is_noun()).count();
            }
        }
        best = best.min(t2.elapsed().as_secs_f64());
    }
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    println!(
        "{} files, {chars} chars, {sentences} sentences, {tokens} tokens ({nouns} nouns)",
        texts.len()
    );
    println!(
        "model load {:.3} s, segmentation {:.3} s, tagging {best:.3} s (best of 3): {:.2} M chars/s, {:.2} M tokens/s",
        load.as_secs_f64(),
        seg_time.as_secs_f64(),
        chars as f64 / best / 1e6,
        tokens as f64 / best / 1e6
    );
}
