//! Any text through segmentation: no panic; sentences and tokens lie inside the text, on
//! character boundaries, in order.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

use gainsay::lexicon::Lexicon;

fn lexicon() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(|| Lexicon::load(None).expect("built-in resources load"))
}

fuzz_target!(|text: &str| {
    let seg = gainsay::segment::segment(text, 0, lexicon());
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    for t in &seg.tokens {
        assert!(ok(&t.range), "token {:?}", t.range);
    }
    let mut last = 0;
    for s in &seg.sentences {
        assert!(ok(&s.range), "sentence {:?}", s.range);
        assert!(s.tokens.start <= s.tokens.end && s.tokens.end <= seg.tokens.len());
        assert!(s.tokens.start >= last, "sentences out of order");
        last = s.tokens.end;
    }
});
