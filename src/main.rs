use std::path::PathBuf;

use clap::{Parser, Subcommand};
use gainsay::lexicon::Lexicon;

#[derive(Parser)]
#[command(name = "gainsay", version, about = "Claim-contradiction checker for news reports")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    Extract { inputs: Vec<PathBuf> },
}

fn main() {
    let cli = Cli::parse();
    let lx = Lexicon::builtin();
    match cli.cmd {
        Cmd::Extract { inputs } => {
            let ing = gainsay::ingest::load(&inputs);
            for d in ing.docs {
                let x = gainsay::extract::extract(d, &lx);
                for c in gainsay::report::schema::claims(&x) {
                    println!("{}", serde_json::to_string(&c).unwrap());
                }
            }
        }
    }
}
