//! The world place gazetteer (`resources/places-world.tsv`, derived from GeoNames) merged with
//! the hand-written `places.tsv`: containment town → region → country, spelling variants,
//! and no new places where none is meant. Every report here is invented.

mod common;

use common::{extract_one, run};
use gainsay::lexicon::Lexicon;
use gainsay::places::{countries_of, country_of, place_ancestors, places_compatible};

/// The places of every sentence's event context, in text order.
fn places_of(text: &str) -> Vec<String> {
    let x = extract_one(text);
    let mut out: Vec<String> = Vec::new();
    for c in &x.contexts {
        for p in &c.places {
            if !out.iter().any(|o| o == p) {
                out.push(p.to_string());
            }
        }
    }
    out
}

fn canonical(lx: &Lexicon, name: &str) -> Option<String> {
    lx.places.get(name).map(|p| p.canonical.clone())
}

#[test]
fn a_ukrainian_town_nests_in_its_oblast_and_country() {
    let lx = Lexicon::builtin();
    let places = places_of(
        "Shelling hit Izium on Monday morning, killing two people, the regional governor said.",
    );
    assert!(places.contains(&"Izium".to_string()), "{places:?}");
    assert_eq!(place_ancestors("Izium", &lx), ["Kharkiv Oblast", "Ukraine"]);
    assert_eq!(country_of("Izium", &lx).as_deref(), Some("Ukraine"));
    assert_eq!(country_of("Ukraine", &lx).as_deref(), Some("Ukraine"));
}

#[test]
fn a_sudanese_town_nests_in_its_state_and_country() {
    let lx = Lexicon::builtin();
    let places =
        places_of("A drone struck a market in Al-Fashir on Friday, a local aid group said.");
    assert!(places.contains(&"El Fasher".to_string()), "{places:?}");
    // the hand-written names win: "North Darfur" (GeoNames: "Northern Darfur"), in Darfur
    assert_eq!(
        place_ancestors("El Fasher", &lx),
        ["North Darfur", "Darfur", "Sudan"]
    );
    assert_eq!(
        countries_of(&["El Fasher".into(), "Izium".into(), "Nyala".into()], &lx),
        ["Sudan", "Ukraine"]
    );
}

#[test]
fn kharkiv_and_kharkiv_oblast_are_one_place_chain() {
    let lx = Lexicon::builtin();
    assert!(places_compatible("Kharkiv", "Kharkiv Oblast", &lx));
    assert!(
        !places_compatible("Kharkiv", "Ukraine", &lx),
        "a country is too wide"
    );
    assert!(
        !places_compatible("Kharkiv", "Izium", &lx),
        "two towns of one oblast"
    );
    // two reports of one strike, one naming the city, one the oblast: one event
    let (g, _) = run(&[
        (
            "a",
            "---\noutlet: Wire A\ndate: 2024-05-14\n---\nA Russian missile struck Kharkiv on \
             Tuesday, killing four people, the regional governor said.\n",
        ),
        (
            "b",
            "---\noutlet: Wire B\ndate: 2024-05-14\n---\nA Russian missile struck the Kharkiv \
             region on Tuesday, killing six people, officials said.\n",
        ),
    ]);
    let both = g.events.iter().find(|e| {
        let docs: std::collections::BTreeSet<usize> = e.mentions.iter().map(|m| m.0).collect();
        docs.len() == 2
    });
    let dump = || {
        g.events
            .iter()
            .map(|e| (&e.desc.places, &e.mentions, &e.links))
            .collect::<Vec<_>>()
    };
    let both = both.unwrap_or_else(|| panic!("{:?}", dump()));
    // ... merged on the place, the city lying in the oblast
    assert!(
        both.links
            .iter()
            .any(|l| l.agreed.contains(&gainsay::graph::Detail::Place)),
        "{:?}",
        dump()
    );
}

#[test]
fn common_english_spellings_are_one_place() {
    let lx = Lexicon::builtin();
    for (variant, want) in [
        ("kiev", "Kyiv"),
        ("kyiv", "Kyiv"),
        ("kharkov", "Kharkiv"),
        ("khan younis", "Khan Yunis"),
        ("khan yunis", "Khan Yunis"),
        ("gaza city", "Gaza"),
        ("el fasher", "El Fasher"),
        ("al-fashir", "El Fasher"),
        ("odessa", "Odesa"),
        ("zaporozhye", "Zaporizhzhia"),
        ("kharkiv oblast", "Kharkiv Oblast"),
        ("kharkiv region", "Kharkiv Oblast"),
    ] {
        assert_eq!(canonical(&lx, variant).as_deref(), Some(want), "{variant}");
    }
    // Syria's hand-written entries stay, and derived Syrian towns lie in them
    assert_eq!(
        place_ancestors("Aleppo", &lx),
        ["Aleppo governorate", "Syria"]
    );
    assert_eq!(
        place_ancestors("Afrin", &lx),
        ["Aleppo governorate", "Syria"]
    );
}

#[test]
fn english_words_and_names_are_no_places() {
    let lx = Lexicon::builtin();
    for w in [
        "hope",
        "victoria",
        "mercy",
        "marvel",
        "of",
        "said",
        "may",
        "white house",
        "human",
        "sahel",
        "bar",
        "hit",
        "unity",
        "central",
        "vladimir",
        "mary",
        "al-quds",
    ] {
        assert!(lx.places.get(w).is_none(), "`{w}` is a place");
    }
    // (the invented sentences: a subject, a name, a month, a country that speaks)
    let places = places_of(
        "Hope faded on Sunday as rescuers searched the rubble in Kharkiv. Victoria Hale, a \
         spokeswoman, said May had been calm. Russia denied striking the building.",
    );
    assert_eq!(places, ["Kharkiv"]);
    // a dateline names where the report was filed
    let places = places_of(
        "CAIRO, Sept 15 (Reuters) - Shelling killed at least 18 people in Omdurman on Sunday, \
         medics said.",
    );
    assert_eq!(places, ["Omdurman"]);
    // a country is a place after "in", not as a speaker
    let places = places_of("France said the convoy was hit in Ukraine on Monday.");
    assert!(!places.contains(&"France".to_string()), "{places:?}");
}

#[test]
fn the_world_gazetteer_parses_and_nests() {
    let lx = Lexicon::builtin();
    let text = gainsay::places::WORLD_BUILTIN;
    assert!(text.len() < 3_000_000, "{} bytes", text.len());
    let mut seen = std::collections::BTreeSet::new();
    for (i, l) in text.lines().enumerate() {
        if l.starts_with('#') || l.is_empty() {
            continue;
        }
        let f: Vec<&str> = l.split('\t').collect();
        assert_eq!(f.len(), 3, "line {}: {l}", i + 1);
        assert!(seen.insert(f[0]), "line {}: `{}` twice", i + 1, f[0]);
        // every parent is a known place, and every chain ends at a country
        if f[2] != "-" {
            assert!(
                lx.places.place(&f[2].to_lowercase()).is_some(),
                "line {}: {l}",
                i + 1
            );
        }
        let chain = place_ancestors(f[1], &lx);
        assert!(chain.len() < 6, "line {}: {chain:?}", i + 1);
    }
    assert!(gainsay::places::world_len(&lx) > 30_000);
}

#[test]
fn a_replacement_world_file_is_used_and_its_errors_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("places-world.tsv"),
        "# a tiny world\nvarosh\tVarosh\tNorth Varia\nnorth varia\tNorth Varia\tVaria\n\
         varia\tVaria\t-\n",
    )
    .unwrap();
    let lx = Lexicon::load(Some(dir.path())).unwrap();
    assert_eq!(place_ancestors("Varosh", &lx), ["North Varia", "Varia"]);
    assert!(
        lx.places.get("mariupol").is_none(),
        "the built-in world file is replaced"
    );
    assert!(lx.places.get("aleppo").is_some(), "places.tsv stays");
    std::fs::write(
        dir.path().join("places-world.tsv"),
        "varosh\tVarosh\tVaria\nVaria\tVaria\t-\n",
    )
    .unwrap();
    let err = Lexicon::load(Some(dir.path())).unwrap_err().to_string();
    assert!(err.contains("places-world.tsv:2"), "{err}");
    std::fs::write(dir.path().join("places-world.tsv"), "varosh\tVarosh\n").unwrap();
    let err = Lexicon::load(Some(dir.path())).unwrap_err().to_string();
    assert!(err.contains("places-world.tsv:1"), "{err}");
}
