//! Any bytes, read as a text file and as a JSON Lines file: no panic, every input accounted for,
//! and every document's text is what extraction will be given.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["input.txt", "input.jsonl"] {
        let ing = gainsay::ingest::load_bytes(name, data);
        let processed = ing
            .status
            .iter()
            .filter(|s| s.status == "processed")
            .count();
        assert_eq!(processed, ing.docs.len());
        for s in &ing.status {
            assert!(s.status == "processed" || s.reason.is_some());
        }
        for d in &ing.docs {
            assert!(d.body_start <= d.text.len() && d.text.is_char_boundary(d.body_start));
        }
    }
});
