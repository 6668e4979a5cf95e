//! Prints the sentences of a CoNLL-U file where the tagger confuses two tags:
//! `cargo run --release --example pos_errors -- FILE.conllu GOLD PRED [MODEL]`.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let sents = gainsay::pos::train::read_conllu(std::path::Path::new(&a[1])).unwrap();
    let model;
    let tagger = match a.get(4) {
        Some(p) => {
            model = gainsay::pos::Tagger::parse(&std::fs::read_to_string(p).unwrap()).unwrap();
            &model
        }
        None => gainsay::pos::builtin(),
    };
    for s in &sents {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let pred = tagger.tag(&words);
        for (i, (gold, p)) in s.tags.iter().zip(&pred).enumerate() {
            if gold.as_str() == a[2] && p.as_str() == a[3] {
                let line: Vec<String> = words
                    .iter()
                    .enumerate()
                    .map(|(j, w)| {
                        if j == i {
                            format!("[[{w}]]")
                        } else {
                            w.to_string()
                        }
                    })
                    .collect();
                println!("{}", line.join(" "));
            }
        }
    }
}
