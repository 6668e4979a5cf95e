fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let lx = gainsay::lexicon::Lexicon::builtin();
    let seg = gainsay::segment::segment(&text, 0, &lx);
    for s in &seg.sentences {
        println!("S{:?} {:?}", s.headline, &text[s.range.clone()]);
        for t in &seg.tokens[s.tokens.clone()] {
            print!(
                "[{}{:?}{}] ",
                t.lower,
                t.kind,
                if t.in_quote { "q" } else { "" }
            );
        }
        println!();
    }
}
