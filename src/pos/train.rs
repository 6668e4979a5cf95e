//! Training and evaluation of the tagger on CoNLL-U treebanks (UD English EWT).
//!
//! Training is deterministic: sentences are shuffled each iteration by a small PRNG from the
//! seed, weights are integers (perceptron updates of ±1, averaged with exact integer totals),
//! and the model file is written in sorted order, so the same command rebuilds it byte for byte.

use std::collections::BTreeMap;
use std::path::Path;

use super::{IdMap, N_FEATURES, NO_TAG, Tag, Tagger, cues_of, features, hash_str};

/// One sentence: word forms and their gold tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
    /// Gold Universal POS tags, as written (for scoring the UPOS map).
    pub upos: Vec<String>,
    /// Whether a space follows each word (`SpaceAfter=No` makes it false).
    pub space_after: Vec<bool>,
}

/// Reads a CoNLL-U file's words (multi-word token lines and empty nodes are skipped).
pub fn read_conllu(path: &Path) -> anyhow::Result<Vec<Sentence>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    parse_conllu(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Parses CoNLL-U text (see [`read_conllu`]).
pub fn parse_conllu(text: &str) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        words: vec![],
        tags: vec![],
        upos: vec![],
        space_after: vec![],
    };
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        words: vec![],
                        tags: vec![],
                        upos: vec![],
                        space_after: vec![],
                    },
                ));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 10 {
            return Err(format!("line {}: expected 10 columns", n + 1));
        }
        if f[0].contains('-') || f[0].contains('.') {
            continue;
        }
        let tag =
            Tag::parse(f[4]).ok_or_else(|| format!("line {}: unknown XPOS `{}`", n + 1, f[4]))?;
        cur.words.push(f[1].to_string());
        cur.tags.push(tag);
        cur.upos.push(f[3].to_string());
        cur.space_after
            .push(!f[9].split('|').any(|m| m == "SpaceAfter=No"));
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// The sentence as the project's tokenizer would split it, when it differs: hyphenated words
/// written without spaces ("well - known" → "well-known", tagged as their last part) and the
/// contractions "'m", "'re", "'ve", "'ll", "'d" (joined to the word before, which keeps its
/// tag). `None` when nothing is merged.
pub fn merge_for_project(s: &Sentence) -> Option<Sentence> {
    let n = s.words.len();
    let mut out = Sentence {
        words: vec![],
        tags: vec![],
        upos: vec![],
        space_after: vec![],
    };
    let mut changed = false;
    let mut i = 0;
    let alnum = |w: &str| w.chars().next().is_some_and(char::is_alphanumeric);
    while i < n {
        let mut word = s.words[i].clone();
        let mut tag = s.tags[i];
        let mut upos = s.upos[i].clone();
        let mut j = i;
        // hyphen chains: w - w - w with no spaces
        while j + 2 < n
            && s.tags[j + 1] == Tag::HYPH
            && !s.space_after[j]
            && !s.space_after[j + 1]
            && alnum(&s.words[j])
            && alnum(&s.words[j + 2])
        {
            word.push_str(&s.words[j + 1]);
            word.push_str(&s.words[j + 2]);
            tag = s.tags[j + 2];
            upos = s.upos[j + 2].clone();
            j += 2;
        }
        // contractions the project's tokenizer keeps whole
        if j + 1 < n
            && !s.space_after[j]
            && matches!(
                s.words[j + 1].to_lowercase().replace('’', "'").as_str(),
                "'m" | "'re" | "'ve" | "'ll" | "'d"
            )
            && alnum(&s.words[j])
        {
            word.push_str(&s.words[j + 1]);
            j += 1;
        }
        changed |= j > i;
        out.words.push(word);
        out.tags.push(tag);
        out.upos.push(upos);
        out.space_after.push(s.space_after[j]);
        i = j + 1;
    }
    changed.then_some(out)
}

/// A small deterministic PRNG (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        super::mix(self.0)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub iterations: usize,
    pub seed: u64,
    /// A word enters the tag dictionary when seen at least this often ...
    pub dict_min_count: usize,
    /// ... with one tag at least this share of the time.
    pub dict_min_share: f64,
    /// Averaged weights are written as integers in units of 1/`scale`; those that round below
    /// `min_weight` in magnitude are dropped.
    pub scale: f64,
    pub min_weight: i64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            iterations: 8,
            seed: 13,
            dict_min_count: 20,
            dict_min_share: 0.97,
            scale: 100.0,
            min_weight: 5,
        }
    }
}

#[derive(Clone, Copy)]
struct Param {
    tag: u8,
    w: i64,
    total: i64,
    stamp: u64,
}

/// A trained model, ready to be written.
pub struct Model {
    pub tags: Vec<Tag>,
    /// Word → its tag (sorted).
    pub dict: BTreeMap<String, Tag>,
    /// Feature key → (tag index, quantized weight), sorted.
    pub weights: BTreeMap<u64, Vec<(u8, i32)>>,
    pub scale: f64,
}

impl Model {
    /// The model file: header comments, then the tag list, the dictionary and the weights.
    pub fn to_text(&self, header: &str) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        for l in header.lines() {
            let _ = writeln!(s, "# {l}");
        }
        s.push_str("gainsay-pos\t1\n");
        s.push_str("tags");
        for t in &self.tags {
            s.push('\t');
            s.push_str(t.as_str());
        }
        s.push('\n');
        for (w, t) in &self.dict {
            let _ = writeln!(s, "d\t{w}\t{}", t.as_str());
        }
        for (k, ws) in &self.weights {
            let _ = write!(s, "f\t{k:016x}");
            for (t, w) in ws {
                let _ = write!(s, "\t{t}:{w}");
            }
            s.push('\n');
        }
        s
    }
}

/// The sentences to train on: every sentence of `train`, each with a merged copy (see
/// [`merge_for_project`]) chosen in place of the original half the time, by `rng`.
pub fn training_set(train: &[Sentence], rng: &mut Rng) -> Vec<Sentence> {
    train
        .iter()
        .map(|s| match merge_for_project(s) {
            Some(m) if rng.below(2) == 0 => m,
            _ => s.clone(),
        })
        .collect()
}

/// Trains an averaged perceptron on `sents`.
pub fn train(sents: &[Sentence], opts: &TrainOptions) -> Model {
    let tags: Vec<Tag> = super::tag::ALL.to_vec();
    // the tag dictionary: frequent words with one tag nearly always
    // (counted by the form the tagger looks up: curly quotes straightened)
    let mut counts: BTreeMap<String, BTreeMap<Tag, usize>> = BTreeMap::new();
    for s in sents {
        for (w, t) in s.words.iter().zip(&s.tags) {
            let w = super::exact_form(w).into_owned();
            *counts.entry(w).or_default().entry(*t).or_default() += 1;
        }
    }
    let mut dict = BTreeMap::new();
    for (w, by_tag) in &counts {
        let n: usize = by_tag.values().sum();
        let (best, c) = by_tag
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .expect("a counted word has a tag");
        if n >= opts.dict_min_count && *c as f64 / n as f64 >= opts.dict_min_share {
            dict.insert(w.clone(), *best);
        }
    }
    let dict_h: IdMap<Tag> = dict.iter().map(|(w, t)| (hash_str(w), *t)).collect();

    let mut params: IdMap<Vec<Param>> = IdMap::default();
    let mut now: u64 = 0;
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut scores = vec![0i64; tags.len()];
    for _ in 0..opts.iterations {
        rng.shuffle(&mut order);
        for &si in &order {
            let s = &sents[si];
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let cues = cues_of(&words);
            let (mut p1, mut p2) = (NO_TAG, NO_TAG);
            for i in 0..words.len() {
                let gold = s.tags[i];
                let guess = if let Some(&t) = dict_h.get(&cues[i].exact) {
                    t
                } else {
                    now += 1;
                    let feats = features(&cues, i, p1, p2);
                    scores.iter_mut().for_each(|x| *x = 0);
                    for k in &feats {
                        if let Some(ps) = params.get(k) {
                            for p in ps {
                                scores[p.tag as usize] += p.w;
                            }
                        }
                    }
                    let mut best = 0;
                    for (j, &x) in scores.iter().enumerate() {
                        if x > scores[best] {
                            best = j;
                        }
                    }
                    let guess = tags[best];
                    if guess != gold {
                        update(&mut params, &feats, gold.index() as u8, 1, now);
                        update(&mut params, &feats, guess.index() as u8, -1, now);
                    }
                    guess
                };
                p2 = p1;
                p1 = guess.index() as u64;
            }
        }
    }
    // average, quantize, prune
    let mut weights = BTreeMap::new();
    let denom = now.max(1) as f64;
    for (k, ps) in &params {
        let mut ws: Vec<(u8, i32)> = ps
            .iter()
            .filter_map(|p| {
                let total = p.total + (now - p.stamp) as i64 * p.w;
                let q = (total as f64 / denom * opts.scale).round() as i64;
                (q.abs() >= opts.min_weight).then_some((p.tag, q as i32))
            })
            .collect();
        if !ws.is_empty() {
            ws.sort_unstable();
            weights.insert(*k, ws);
        }
    }
    Model {
        tags,
        dict,
        weights,
        scale: opts.scale,
    }
}

fn update(params: &mut IdMap<Vec<Param>>, feats: &[u64; N_FEATURES], tag: u8, d: i64, now: u64) {
    for k in feats {
        let ps = params.entry(*k).or_default();
        let p = match ps.iter_mut().position(|p| p.tag == tag) {
            Some(i) => &mut ps[i],
            None => {
                ps.push(Param {
                    tag,
                    w: 0,
                    total: 0,
                    stamp: now,
                });
                ps.last_mut().expect("just pushed")
            }
        };
        p.total += (now - p.stamp) as i64 * p.w;
        p.stamp = now;
        p.w += d;
    }
}

/// Accuracy of a tagger on gold sentences.
#[derive(Debug, Default)]
pub struct PosReport {
    pub tokens: usize,
    pub correct: usize,
    /// Tokens whose mapped UPOS ([`Tag::upos_of`]) equals the gold UPOS.
    pub upos_correct: usize,
    pub sentences: usize,
    /// (gold, predicted) → count.
    pub confusions: BTreeMap<(Tag, Tag), usize>,
}

impl PosReport {
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.tokens.max(1) as f64
    }
    pub fn upos_accuracy(&self) -> f64 {
        self.upos_correct as f64 / self.tokens.max(1) as f64
    }

    /// The report as text, with the `top` most frequent confusions.
    pub fn to_text(&self, top: usize) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "sentences {} tokens {} accuracy {:.4} ({} errors)",
            self.sentences,
            self.tokens,
            self.accuracy(),
            self.tokens - self.correct
        );
        let _ = writeln!(
            s,
            "UPOS through the tag map: accuracy {:.4}",
            self.upos_accuracy()
        );
        let mut conf: Vec<(&(Tag, Tag), &usize)> = self.confusions.iter().collect();
        conf.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        if top > 0 && !conf.is_empty() {
            let _ = writeln!(s, "most frequent errors (gold -> predicted):");
            for ((g, p), n) in conf.into_iter().take(top) {
                let _ = writeln!(s, "  {:>5}  {} -> {}", n, g.as_str(), p.as_str());
            }
        }
        s
    }
}

/// Tags every sentence and scores it against its gold tags.
pub fn evaluate(tagger: &Tagger, sents: &[Sentence]) -> PosReport {
    let mut r = PosReport::default();
    for s in sents {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let pred = tagger.tag(&words);
        r.sentences += 1;
        for (i, (g, p)) in s.tags.iter().zip(&pred).enumerate() {
            r.tokens += 1;
            if g == p {
                r.correct += 1;
            } else {
                *r.confusions.entry((*g, *p)).or_default() += 1;
            }
            if p.upos_of(&s.words[i]).as_str() == s.upos[i] {
                r.upos_correct += 1;
            }
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(pairs: &[(&str, Tag)]) -> Sentence {
        Sentence {
            words: pairs.iter().map(|p| p.0.to_string()).collect(),
            tags: pairs.iter().map(|p| p.1).collect(),
            upos: pairs
                .iter()
                .map(|p| p.1.upos().as_str().to_string())
                .collect(),
            space_after: vec![true; pairs.len()],
        }
    }

    /// A tiny synthetic language: determiners, nouns and verbs, where "states" and "reports"
    /// are nouns after a determiner and verbs after a name.
    fn synthetic() -> Vec<Sentence> {
        use Tag::*;
        let mut v = Vec::new();
        let names = ["Ann", "Bob", "Cyd", "Dee"];
        let nouns = ["states", "reports", "dogs", "claims"];
        let verbs = ["states", "reports", "denies", "claims"];
        for (i, n) in names.iter().enumerate() {
            for (j, noun) in nouns.iter().enumerate() {
                let verb = verbs[(i + j) % verbs.len()];
                v.push(sent(&[
                    (n, NNP),
                    (verb, VBZ),
                    ("the", DT),
                    (noun, NNS),
                    (".", Period),
                ]));
                v.push(sent(&[
                    ("the", DT),
                    (noun, NNS),
                    (verb, VBZ),
                    (n, NNP),
                    (".", Period),
                ]));
            }
        }
        v
    }

    fn small_opts() -> TrainOptions {
        TrainOptions {
            iterations: 5,
            dict_min_count: 1000, // no dictionary: the perceptron must learn everything
            ..TrainOptions::default()
        }
    }

    #[test]
    fn the_perceptron_learns_a_tiny_language() {
        let data = synthetic();
        let model = train(&data, &small_opts());
        let tagger = Tagger::parse(&model.to_text("test")).unwrap();
        let r = evaluate(&tagger, &data);
        assert_eq!(r.accuracy(), 1.0, "{}", r.to_text(5));
        // the same word, two tags by context
        use Tag::*;
        assert_eq!(
            tagger.tag(&["the", "states", "denies", "Bob", "."]),
            vec![DT, NNS, VBZ, NNP, Period]
        );
        assert_eq!(
            tagger.tag(&["Bob", "states", "the", "claims", "."]),
            vec![NNP, VBZ, DT, NNS, Period]
        );
    }

    #[test]
    fn training_is_deterministic_and_the_model_round_trips() {
        let data = synthetic();
        let a = train(&data, &small_opts()).to_text("h");
        let b = train(&data, &small_opts()).to_text("h");
        assert_eq!(a, b);
        let t = Tagger::parse(&a).unwrap();
        let m = train(&data, &small_opts());
        let n: usize = m.weights.len();
        assert_eq!(t.feature_count(), n);
        // a different seed shuffles differently but still learns
        let c = train(
            &data,
            &TrainOptions {
                seed: 99,
                ..small_opts()
            },
        );
        let r = evaluate(&Tagger::parse(&c.to_text("h")).unwrap(), &data);
        assert_eq!(r.accuracy(), 1.0);
    }

    #[test]
    fn the_dictionary_holds_frequent_unambiguous_words() {
        let data = synthetic();
        let m = train(
            &data,
            &TrainOptions {
                dict_min_count: 5,
                iterations: 1,
                ..TrainOptions::default()
            },
        );
        assert_eq!(m.dict.get("the"), Some(&Tag::DT));
        assert_eq!(m.dict.get("states"), None); // ambiguous
        assert!(m.to_text("h").contains("d\tthe\tDT\n"));
    }

    #[test]
    fn conllu_is_read_and_project_tokens_are_merged() {
        let text = "# text = I'm well-known.\n\
            1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\tSpaceAfter=No\n\
            2\t'm\tbe\tAUX\tVBP\t_\t0\troot\t_\t_\n\
            3-4\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
            3\twell\twell\tADV\tRB\t_\t0\troot\t_\tSpaceAfter=No\n\
            4\t-\t-\tPUNCT\tHYPH\t_\t0\troot\t_\tSpaceAfter=No\n\
            5\tknown\tknow\tVERB\tVBN\t_\t0\troot\t_\tSpaceAfter=No\n\
            5.1\tx\tx\tX\tXX\t_\t_\t_\t_\t_\n\
            6\t.\t.\tPUNCT\t.\t_\t0\troot\t_\t_\n\n";
        let s = parse_conllu(text).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words, ["I", "'m", "well", "-", "known", "."]);
        let m = merge_for_project(&s[0]).unwrap();
        assert_eq!(m.words, ["I'm", "well-known", "."]);
        assert_eq!(m.tags, [Tag::PRP, Tag::VBN, Tag::Period]);
        assert!(parse_conllu("1\tx\n").is_err());
    }

    #[test]
    fn the_rng_is_fixed() {
        let mut r = Rng::new(1);
        let a: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
        let mut r = Rng::new(1);
        let b: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
        assert_eq!(a, b);
        let mut v: Vec<usize> = (0..10).collect();
        Rng::new(5).shuffle(&mut v);
        let mut w = v.clone();
        w.sort();
        assert_eq!(w, (0..10).collect::<Vec<_>>());
    }
}
