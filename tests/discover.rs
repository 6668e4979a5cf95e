//! Parties found, not only listed; relays; the coverage warning. Invented sentences only.

use std::process::Command;

use gainsay::extract::{Extraction, PropKind, extract};
use gainsay::lexicon::Lexicon;
use gainsay::model::{Document, LinkHow};

fn run(text: &str) -> Extraction {
    let lx = Lexicon::builtin();
    let mut doc = Document::new("d", text);
    doc.outlet = Some("Test Wire".into());
    extract(doc, &lx)
}

/// The holder of each control proposition of an extraction, in text order.
fn control_holders(x: &Extraction) -> Vec<String> {
    x.propositions
        .iter()
        .filter_map(|p| match &p.kind {
            PropKind::Control { holder, .. } => Some(holder.to_string()),
            _ => None,
        })
        .collect()
}

/// (speaker name, party, how) of each attribution's first speaker whose source holds `needle`.
fn speaker_of(x: &Extraction, needle: &str) -> (Option<String>, Option<String>, Option<LinkHow>) {
    let a = x
        .attributions
        .iter()
        .find(|a| {
            a.source
                .as_ref()
                .is_some_and(|s| match needle.strip_prefix('=') {
                    Some(exact) => x.doc.text[s.clone()] == *exact,
                    None => x.doc.text[s.clone()].contains(needle),
                })
        })
        .unwrap_or_else(|| panic!("no attribution with source {needle:?}"));
    let sp = &a.speakers[0];
    (
        sp.name.as_deref().map(str::to_string),
        sp.party.as_deref().map(str::to_string),
        sp.link.as_ref().map(|l| l.how),
    )
}

#[test]
fn organizations_owners_and_roles_become_parties() {
    let x = run(
        "The Velmar Doctors Network said 14 people were killed in the shelling. \
         A spokesman for the Northern Shield Forces said the fighters withdrew. \
         The Tarvos-run health ministry said 30 people were wounded. \
         Ruritania's spokesman said the convoy was never hit.",
    );
    let (_, p, how) = speaker_of(&x, "Velmar");
    assert_eq!(p.as_deref(), Some("Velmar Doctors Network"));
    assert_eq!(how, Some(LinkHow::Discovered));
    let (_, p, _) = speaker_of(&x, "Northern Shield");
    assert_eq!(p.as_deref(), Some("Northern Shield Forces"));
    let (name, p, how) = speaker_of(&x, "Tarvos");
    assert_eq!(p.as_deref(), Some("Tarvos"));
    assert_eq!(name.as_deref(), Some("Tarvos-run health ministry"));
    assert_eq!(how, Some(LinkHow::Affiliation));
    let (_, p, _) = speaker_of(&x, "Ruritania");
    assert_eq!(p.as_deref(), Some("Ruritania"));
}

#[test]
fn a_person_with_a_role_and_later_mentions_of_the_name_take_its_party() {
    let x = run("Syrian army units shelled the village on Monday. \
         Military spokesman Jan Okafor said the rebels fired first. \
         Okafor said the army had hit only fighters.");
    let (name, p, how) = speaker_of(&x, "Military spokesman");
    assert_eq!(name.as_deref(), Some("Jan Okafor"));
    assert_eq!(p.as_deref(), Some("Syrian government"));
    assert_eq!(how, Some(LinkHow::Role));
    let (_, p, how) = speaker_of(&x, "=Okafor");
    assert_eq!(p.as_deref(), Some("Syrian government"));
    assert_eq!(how, Some(LinkHow::Earlier));
}

#[test]
fn a_given_name_a_particle_name_or_a_title_alone_finds_the_earlier_speaker() {
    let x = run("Syrian army units shelled the village on Monday. \
         Military spokesman Tesfay Gebre said the rebels fired first. \
         Tesfay told reporters the army had hit only fighters. \
         Army spokesman Colonel Karim al-Zawi said the town was calm. \
         al-Zawi said no civilian was hurt. \
         The Colonel said the road was open. \
         Army spokesman Lieutenant Jules Ngaro said the area was calm. \
         The soldiers fought for two hours Lt Ngaro said.");
    for needle in ["=Tesfay", "=al-Zawi", "=The Colonel", "=Lt Ngaro"] {
        let (_, p, how) = speaker_of(&x, needle);
        assert_eq!(p.as_deref(), Some("Syrian government"), "{needle}");
        assert_eq!(how, Some(LinkHow::Earlier), "{needle}");
    }
    // a word two earlier speakers of different parties share names neither
    let x = run(
        "Syrian army spokesman Colonel Jan Okafor said the town was calm. \
         Rebel commander Colonel Ali Rami said the town had fallen. \
         The Colonel said the road was open.",
    );
    let (_, p, _) = speaker_of(&x, "=The Colonel");
    assert_eq!(p, None);
}

#[test]
fn a_short_state_body_is_the_state_of_the_reports_main_region_and_the_spokesman_its_holder() {
    let x = run(
        "Shelling hit the market in El Fasher in North Darfur on Sunday. \
         The official spokesman of the Armed Forces said the militia shelled the market in El Fasher.",
    );
    let (_, p, how) = speaker_of(&x, "Armed Forces");
    assert_eq!(p.as_deref(), Some("Sudan"));
    assert_eq!(how, Some(LinkHow::Role));
    // a report naming no region's places leaves it unknown
    let x = run("The official spokesman of the Armed Forces said the market was shelled.");
    let (_, p, _) = speaker_of(&x, "Armed Forces");
    assert_eq!(p, None);
    // "the spokesman" after one whose phrase ends in the holder's name
    let x = run(
        "The spokesman of the Syrian army Major General Jan Okafor denied the report. \
         The spokesman said the town was calm.",
    );
    let (_, p, _) = speaker_of(&x, "=The spokesman");
    assert_eq!(p.as_deref(), Some("Syrian government"));
}

#[test]
fn a_person_at_a_hospital_named_by_its_place_speaks_for_it() {
    let x = run(
        "A spokesman at the hospital in Kafr Varnel in Tarsa province said 14 people were killed. \
         A doctor at the hospital said the wards were full.",
    );
    let (_, p, how) = speaker_of(&x, "spokesman at the hospital");
    assert_eq!(p.as_deref(), Some("Kafr Varnel hospital"));
    assert_eq!(how, Some(LinkHow::Discovered));
    // no place, no party
    let (_, p, _) = speaker_of(&x, "A doctor at the hospital");
    assert_eq!(p, None);
}

#[test]
fn capitalised_words_that_name_no_organization_stay_unknown() {
    let x = run("The Lantern Times reporter said the market was empty. \
         On Monday the Foreign Ministry said talks would resume. \
         President Anna Velt said the talks had failed. \
         Neighbours of Jan Okafor said they heard two blasts.");
    for needle in ["reporter", "Foreign Ministry", "President", "Neighbours"] {
        let (_, p, _) = speaker_of(&x, needle);
        assert_eq!(p, None, "{needle}");
    }
}

#[test]
fn a_name_holding_an_alias_without_its_head_is_its_own_party() {
    let x = run(
        "The Velmar Red Crescent Society said 12 people were wounded in Aleppo. \
         The Red Crescent said its teams reached the town in Syria.",
    );
    let (_, p, _) = speaker_of(&x, "Velmar");
    assert_eq!(p.as_deref(), Some("Velmar Red Crescent Society"));
    // the alias alone keeps its party (in a report about Syria: its region)
    let (_, p, how) = speaker_of(&x, "The Red Crescent");
    assert_eq!(p.as_deref(), Some("Syrian Arab Red Crescent"));
    assert_eq!(how, Some(LinkHow::Alias));
}

#[test]
fn an_outlet_that_relays_is_the_carrier_not_the_speaker() {
    for text in [
        "The Harbor Ledger reported that the health ministry said 40 people were killed in the strike.",
        "The health ministry said 40 people were killed in the strike, the Harbor Ledger reported.",
        "According to the Harbor Ledger, citing the health ministry, 40 people were killed in the strike.",
        "The Harbor Ledger quoted the health ministry on Monday as saying 40 people were killed in the strike.",
    ] {
        let x = run(text);
        let relay = x
            .attributions
            .iter()
            .position(|a| a.relays.is_some())
            .unwrap_or_else(|| panic!("no relay in {text:?}"));
        let inner = x.attributions[relay].relays.unwrap();
        let sp = &x.attributions[inner].speakers[0];
        assert_eq!(sp.name.as_deref(), Some("health ministry"), "{text}");
        assert_eq!(sp.carrier.as_deref(), Some("Harbor Ledger"), "{text}");
    }
    // a listed broadcaster relays as a discovered outlet does
    let x = run(
        "KHARTOUM (Wire) - Al Jazeera reported that the health ministry said 40 people were killed in the shelling of the market.",
    );
    let relay = x
        .attributions
        .iter()
        .find_map(|a| a.relays)
        .expect("no relay");
    assert_eq!(
        x.attributions[relay].speakers[0].carrier.as_deref(),
        Some("Al Jazeera")
    );
    // a party that reports what another said is no relay
    let x = run("The Syrian army said that rebels said they had left the town.");
    assert!(x.attributions.iter().all(|a| a.relays.is_none()));
}

#[test]
fn a_relayed_figure_is_not_the_outlets_claim() {
    let lx = Lexicon::builtin();
    let x = run(
        "The Harbor Ledger reported that the health ministry said 40 people were killed in the strike on the Varda market on Monday.",
    );
    let g = gainsay::graph::ClaimGraph::build(vec![x], &lx);
    assert!(g.claims.iter().all(|c| c.party != "Harbor Ledger"));
    assert!(g.claims.iter().any(|c| c.party == "health ministry"));
}

#[test]
fn poorly_covered_input_warns_with_the_unknown_names() {
    let dir = std::env::temp_dir().join(format!("gainsay-coverage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("report.txt");
    let mut text = String::new();
    for i in 0..12 {
        text += &format!("Jan Okafor said the bridge number {i} was closed. ");
    }
    std::fs::write(&path, &text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gainsay"))
        .args(["check", "-q"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stderr.contains("12 of 12 speakers are not linked to any party"),
        "{stderr}"
    );
    assert!(stderr.contains("“Jan Okafor” (12)"), "{stderr}");
    assert!(stdout.contains("**Warning:**"), "{stdout}");
    // a well-covered input does not warn
    let mut text = String::new();
    for i in 0..12 {
        text += &format!("The Syrian army said the bridge number {i} was closed. ");
    }
    std::fs::write(&path, &text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gainsay"))
        .args(["check", "-q", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pc = &v["summary"]["party_coverage"];
    assert_eq!(pc["linked"], 12);
    assert!(pc.get("warning").is_none());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("not linked"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn offices_and_state_bodies_take_the_state_of_the_reports_region() {
    // a report about Kharkiv: its places name Ukraine
    let x = run(
        "A missile hit a school in Kharkiv on Monday, killing four people. \
         Governor Jan Okafor said the school was empty at night. \
         The city health department said 12 people were wounded. \
         Kharkiv's deputy mayor said the roof collapsed. \
         The regional governor said two more bodies were found in Kharkiv.",
    );
    for needle in [
        "Governor Jan Okafor",
        "city health department",
        "deputy mayor",
        "regional governor",
    ] {
        let (_, p, how) = speaker_of(&x, needle);
        assert_eq!(p.as_deref(), Some("Ukraine"), "{needle}");
        assert_eq!(how, Some(LinkHow::Role), "{needle}");
    }
    // a title after another owner is that owner's, or nobody's; never the region's state
    let x = run(
        "A missile hit a school in Kharkiv on Monday, killing four people. \
         The rebel-appointed governor said the school was a depot. \
         Ruritanian Governor Jan Okafor said the school was empty.",
    );
    for needle in ["rebel-appointed governor", "Ruritanian Governor"] {
        let (_, p, _) = speaker_of(&x, needle);
        assert_ne!(p.as_deref(), Some("Ukraine"), "{needle}");
    }
}

#[test]
fn nouns_for_an_organization_take_the_latest_one_named_before() {
    let x = run("Shelling hit a camp near Goma on Friday. \
         The Velmar Relief Committee said 12 people were killed. \
         The Karsk Fishermen's Union said three of its members died. \
         The union said the boats were burned. \
         The group's coordinator, Jan Okafor, said the toll would rise.");
    let (_, p, _) = speaker_of(&x, "=The union");
    assert_eq!(p.as_deref(), Some("Karsk Fishermen's Union"));
    // the latest organization that is no state
    let (_, p, _) = speaker_of(&x, "coordinator");
    assert_eq!(p.as_deref(), Some("Karsk Fishermen's Union"));
    // an unnamed group in between: "the group" may be that one, so it stays unknown
    let x = run("Shelling hit a camp near Goma on Friday. \
         The Velmar Relief Committee said 12 people were killed. \
         A local volunteer group said 20 people were killed. \
         The group said the wounded had no transport.");
    let (_, p, _) = speaker_of(&x, "=The group");
    assert_eq!(p, None);
}

#[test]
fn sides_reviews_and_witnesses_are_no_parties() {
    let x = run(
        "A missile hit a market in Kharkiv on Monday, killing four people. \
         Both sides have accused each other of attacking civilians. \
         A vegetable seller, Halyna Okafor, said the roof came down. \
         Residents said they heard two blasts.",
    );
    for needle in ["Both sides", "vegetable seller", "Residents"] {
        let (_, p, _) = speaker_of(&x, needle);
        assert_eq!(p, None, "{needle}");
    }
    let sides = x
        .attributions
        .iter()
        .find(|a| {
            a.source
                .as_ref()
                .is_some_and(|s| x.doc.text[s.clone()].contains("Both sides"))
        })
        .unwrap();
    assert!(matches!(
        sides.speakers[0].resolution,
        gainsay::model::Resolution::Unresolved { .. }
    ));
    // a review is its author's
    let x = run(
        "The Israeli military said it struck a command post in Gaza on Tuesday. \
         Its initial review of the strike found that 10 people were killed.",
    );
    let (_, p, _) = speaker_of(&x, "initial review");
    assert_eq!(p.as_deref(), Some("Israel"));
}

#[test]
fn a_national_office_needs_the_region_the_report_names_most() {
    // the places are Ukraine's, but the report names Russia most: a minister with no country
    // is nobody's, a local governor is still the place's state
    let x = run(
        "Russia said on Monday that Russia's forces hit a depot in Kharkiv. \
         Moscow said Russia would strike again, and the Kremlin said Russia had warned Russia's neighbours. \
         Foreign Minister Jan Okafor said the strike was a crime. \
         Governor Anna Velt said four people died.",
    );
    let (_, p, _) = speaker_of(&x, "Foreign Minister");
    assert_eq!(p, None);
    let (_, p, _) = speaker_of(&x, "Governor Anna");
    assert_eq!(p.as_deref(), Some("Ukraine"));
}

#[test]
fn a_listed_name_after_a_possessive_is_its_own_party() {
    // "Its" would reach the latest organization (the agency); the listed name decides
    let x = run(
        "The State Department was looking into the reports, Reuters said. Its spokesman John Kirby said he could not confirm them.",
    );
    let a = x
        .attributions
        .iter()
        .find(|a| {
            a.speakers[0]
                .name
                .as_deref()
                .is_some_and(|n| n.contains("Kirby"))
        })
        .expect("no Kirby");
    assert_eq!(a.speakers[0].party.as_deref(), Some("United States"));
}

#[test]
fn a_title_before_a_name_speaks_for_the_state_of_the_region() {
    // no party with the role is named before: the state of the region the places tell
    let x = run(
        "BAMAKO, March 3 - Army spokesman Colonel Souleymane Dembele said the troops had repelled an attack near Mopti.",
    );
    let (name, p, how) = speaker_of(&x, "Army spokesman");
    assert_eq!(p.as_deref(), Some("Mali"));
    assert_eq!(name.as_deref(), Some("Colonel Souleymane Dembele"));
    assert_eq!(how, Some(LinkHow::Role));
}

#[test]
fn an_alias_before_a_topic_preposition_names_the_speaker() {
    for (text, needle) in [
        (
            "The UN envoy to Syria, Staffan de Mistura, said the talks would resume.",
            "UN envoy",
        ),
        (
            "The UN independent expert on the human rights situation in Mali said the strike violated the law.",
            "UN independent expert",
        ),
    ] {
        let (_, p, _) = speaker_of(&run(text), needle);
        assert_eq!(p.as_deref(), Some("United Nations"), "{text}");
    }
}

#[test]
fn a_role_noun_takes_the_earlier_speaker_named_with_it() {
    // Israel is named more often and has a ministry, but "the ministry" is the health ministry
    // that spoke before
    let x = run(
        "MARJAYOUN, Nov 14 - The Lebanese health ministry said an Israeli strike killed 17 people. \
         Israel said it struck Hezbollah targets. Israeli jets also hit Tyre, and Israeli drones flew over Beirut. \
         An Israeli drone hit a car near Nabatieh, killing two people, the ministry said.",
    );
    let (_, p, _) = speaker_of(&x, "=the ministry");
    assert_eq!(p.as_deref(), Some("Lebanon"));
}

#[test]
fn a_present_tense_denial_before_its_object_is_a_cue() {
    let x = run(
        "Shells hit the school in Ain Hamra on Wednesday. The army disputes the figures given by the Observatory.",
    );
    let a = x
        .attributions
        .iter()
        .find(|a| &x.doc.text[a.cue.clone()] == "disputes")
        .expect("no cue `disputes`");
    assert_eq!(a.polarity, gainsay::model::Polarity::Deny);
}

#[test]
fn the_statement_speaks_for_whoever_issued_it() {
    let x = run(
        "Hezbollah said in a statement that its fighters had not fired at the town. \
         Residents said the streets were empty. \
         The statement said the group would respond to any attack.",
    );
    let (_, p, _) = speaker_of(&x, "=The statement");
    assert_eq!(p.as_deref(), Some("Hezbollah"));
    // no statement named before: it stays unknown
    let x =
        run("Residents said the streets were empty. The statement said the group would respond.");
    let (_, p, _) = speaker_of(&x, "=The statement");
    assert_eq!(p, None);
}

#[test]
fn state_bodies_possessives_and_located_roles_reach_their_state() {
    // invented sentences about real states
    let x = run("The Ministry of Defence of Azerbaijan said the town was shelled overnight.");
    assert_eq!(speaker_of(&x, "Ministry").1.as_deref(), Some("Azerbaijan"));
    let x = run("Armenias Ministry of Defence denied firing on the town.");
    assert_eq!(speaker_of(&x, "Ministry").1.as_deref(), Some("Armenia"));
    // a one-word alias after the "of" of another organization's name stays what it is about
    let x = run("The Union of Syrian Revolution Doctors said 31 people were killed.");
    assert_ne!(
        speaker_of(&x, "Union").1.as_deref(),
        Some("Syrian government")
    );
    // a role followed by its place is still the phrase's head
    let x = run(
        "Fighting continued in the Democratic Republic of Congo on Tuesday. The town is calm, the army spokesman in North Kivu, Lieutenant Colonel Jan Doe, said.",
    );
    assert_eq!(speaker_of(&x, "spokesman").1.as_deref(), Some("DR Congo"));
    // "the statement" of an organization no sentence names a statement of
    let x = run(
        "According to the information team of the Tatmadaw, troops cleared the area. The statement said no civilians were harmed.",
    );
    assert_eq!(
        speaker_of(&x, "=The statement").1.as_deref(),
        Some("Myanmar")
    );
}

#[test]
fn an_office_in_an_apposition_speaks_for_its_state() {
    let x = run(
        "The strike on the city was a war crime, said Jan Doe, the governor of Kherson. \
         The attack was deliberate, said Ivan Roe, a senior adviser to the President of Ukraine. \
         The shelling was a provocation, said Ali Moe, an aide to the President of Azerbaijan. \
         The strike was aimed at civilians, said Ed Poe, a critic of the President of Ukraine. \
         Opponents of the President of Ukraine said the strike was a crime. \
         The army did not shell Ganja, said the Ombudsman of Artsakh.",
    );
    let (name, p, how) = speaker_of(&x, "Jan Doe");
    assert_eq!(p.as_deref(), Some("Ukraine"));
    assert_eq!(name.as_deref(), Some("Jan Doe"));
    assert_eq!(how, Some(LinkHow::Role));
    let (_, p, _) = speaker_of(&x, "Ivan Roe");
    assert_eq!(p.as_deref(), Some("Ukraine"));
    // the state of Azerbaijan, not a de facto authority listed in its region before it
    let (_, p, _) = speaker_of(&x, "Ali Moe");
    assert_eq!(p.as_deref(), Some("Azerbaijan"));
    // a critic of an office, or its opponents, do not hold it
    let (_, p, _) = speaker_of(&x, "Ed Poe");
    assert_eq!(p, None);
    let (_, p, _) = speaker_of(&x, "Opponents");
    assert_eq!(p, None);
    // an office "of" a listed party is that party's
    let (_, p, _) = speaker_of(&x, "Ombudsman");
    assert_eq!(p.as_deref(), Some("Nagorno-Karabakh authorities"));
}

#[test]
fn an_office_after_a_name_and_a_dateline_speaks_for_its_state() {
    // commas lost: the name, the one who serves the office, the office
    let x = run(
        "The missile attack on Ganja is a war crime said Ali Moe the assistant of the President of Azerbaijan.",
    );
    let (_, p, _) = speaker_of(&x, "Ali Moe");
    assert_eq!(p.as_deref(), Some("Azerbaijan"));
    // a dateline before the source and its apposition is no part of the source
    let x = run(
        "BAKU, Oct 11 - Ed Poe, an aide to the President of Azerbaijan, said the attack was a war crime.",
    );
    let (name, p, _) = speaker_of(&x, "Ed Poe");
    assert_eq!(p.as_deref(), Some("Azerbaijan"));
    assert!(!name.unwrap_or_default().contains("BAKU"));
}

#[test]
fn a_name_before_a_spokesmans_title_is_the_speakers_in_text_without_commas() {
    let x = run(
        "Qasr Bin Ghashir has been under the control of our forces since the first day and the claims of the other side are lies Ilan Borsk the spokesman for the Government of National Accord forces told Anadolu Agency. \
         Borsk also blamed Khalifa Haftar for the air strike on the field hospital in Ain Zara on Monday night. \
         The attack on the hospital killed seven people the health ministry said on Tuesday. \
         The army denied the charge and said its aircraft did not fly over Ain Zara on Monday.",
    );
    let (name, p, _) = speaker_of(&x, "Ilan Borsk the spokesman");
    assert_eq!(p.as_deref(), Some("Government of National Accord"));
    assert_eq!(name.as_deref(), Some("Ilan Borsk"));
    // the name links the later mention
    let (_, p, how) = speaker_of(&x, "=Borsk");
    assert_eq!(p.as_deref(), Some("Government of National Accord"));
    assert_eq!(how, Some(LinkHow::Earlier));
}

#[test]
fn unnamed_organizations_of_a_field_speak_as_parties() {
    let x = run(
        "Aid agencies said up to 200,000 civilians remain trapped in the old city. \
         Human rights groups said the strikes on the market were indiscriminate.",
    );
    let (_, p, how) = speaker_of(&x, "Aid agencies");
    assert_eq!(p.as_deref(), Some("aid agencies"));
    assert_eq!(how, Some(LinkHow::Discovered));
    let (_, p, _) = speaker_of(&x, "Human rights groups");
    assert_eq!(p.as_deref(), Some("rights groups"));
}

#[test]
fn a_states_demonym_and_its_portfolios_speak_for_it() {
    let x = run("Shelling hit the market in El Fasher in Sudan on Sunday. \
         The Minister of Health said 30 people were killed. \
         The governor of the Central Bank said prices rose. \
         Iraqi commanders said they expected to retake the districts. \
         An Iraqi doctor said the wounded were civilians. \
         He rejected the Azerbaijani claims that the Armenian side fired at Ganja.");
    // a portfolio of generic state words is a national office of the report's region
    let (_, p, _) = speaker_of(&x, "Minister of Health");
    assert_eq!(p.as_deref(), Some("Sudan"));
    // ... another body's office is not
    let (_, p, _) = speaker_of(&x, "Central Bank");
    assert_eq!(p, None);
    let (_, p, how) = speaker_of(&x, "Iraqi commanders");
    assert_eq!(p.as_deref(), Some("Iraq"));
    assert_eq!(how, Some(LinkHow::Role));
    let (_, p, _) = speaker_of(&x, "Iraqi doctor");
    assert_eq!(p, None);
    let (_, p, _) = speaker_of(&x, "=Azerbaijani");
    assert_eq!(p.as_deref(), Some("Azerbaijan"));
}

#[test]
fn a_sentence_opening_in_a_capital_owns_its_state_role() {
    let x = run("Fighting continued near Goma in Congo on Tuesday. \
         In Kigali, government spokesperson Jan Doe told reporters that there were no RDF soldiers in Sake.");
    let (name, p, how) = speaker_of(&x, "Jan Doe");
    assert_eq!(p.as_deref(), Some("Rwanda"));
    assert_eq!(name.as_deref(), Some("Jan Doe"));
    assert_eq!(how, Some(LinkHow::Role));
}

#[test]
fn civilians_and_witnesses_are_counted_apart_from_unknown_speakers() {
    let x = run("Shelling hit the market in Sake on Sunday. \
         Residents of Sake said gunfire continued into the afternoon. \
         Adam Yahya, a spice trader who lost two cousins, said the shells came one after another. \
         Jan Doe said the market was hit twice.");
    let lx = Lexicon::builtin();
    let civilians = lx.civilian_nouns.iter().cloned().collect();
    let c = gainsay::audit::party_coverage(&[x], &civilians);
    assert_eq!(c.claims, 3);
    assert_eq!(c.claims_linked, 0);
    assert_eq!(c.claims_civilian, 2);
    let names: Vec<&str> = c.unknown.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["Jan Doe"]);
}

#[test]
fn a_civil_defence_named_by_its_place_is_its_states() {
    let x = run("An air strike hit a house in west Mosul on Saturday. \
         Mosul civil defence said the death toll rose to 31. \
         The civil defence said rescuers were still digging.");
    let (_, p, how) = speaker_of(&x, "Mosul civil defence");
    assert_eq!(p.as_deref(), Some("Iraq"));
    assert_eq!(how, Some(LinkHow::Role));
}

#[test]
fn a_name_without_its_apostrophe_and_a_persons_name_inside_a_town_name() {
    // "Peoples" for "People's", as in text that lost its apostrophes
    let x = run("The Tigray Peoples Liberation Front said the army shelled Mekelle.");
    let (_, p, how) = speaker_of(&x, "Tigray Peoples");
    assert_eq!(p.as_deref(), Some("TPLF"));
    assert_eq!(how, Some(LinkHow::Alias));
    // "Abiy" is the prime minister, but not in "Abiy Addi", a town
    let x = run("Residents in Abiy Addi said the town was quiet on Wednesday.");
    let (_, p, _) = speaker_of(&x, "Residents");
    assert_eq!(p, None);
    let x = run("Abiy said the town was quiet on Wednesday.");
    let (_, p, _) = speaker_of(&x, "=Abiy");
    assert_eq!(p.as_deref(), Some("Ethiopia"));
    // ... nor a headline's verb after a name: "Lavrov Reveals"
    let x = run("Lavrov Reveals Plan. Lavrov said the talks would resume on Monday.");
    let (_, p, _) = speaker_of(&x, "=Lavrov");
    assert_eq!(p.as_deref(), Some("Russia"));
}

#[test]
fn the_colonel_is_the_colonel_named_before() {
    let x = run(
        "Shelling hit the town in Idlib on Monday. Rebel commander Colonel Ali Rami said the town \
         had fallen. The colonel said the road was open.",
    );
    let (_, p, _) = speaker_of(&x, "=The colonel");
    assert_eq!(p.as_deref(), Some("rebels"));
}

#[test]
fn an_ambassador_to_a_body_is_not_its_and_a_titled_name_is_the_holder_named_before() {
    let x = run(
        "Sarin was used, the British ambassador to the United Nations said on Wednesday. \
         Ambassador Matthew Rycroft told the council the regime was responsible. \
         Ambassador Matthew Rycroft added that the inquiry would go on.",
    );
    let (_, p, _) = speaker_of(&x, "British ambassador");
    assert_eq!(p.as_deref(), Some("United Kingdom"));
    let rycroft: Vec<_> = x
        .attributions
        .iter()
        .filter(|a| {
            a.source
                .as_ref()
                .is_some_and(|s| x.doc.text[s.clone()].contains("Rycroft"))
        })
        .collect();
    assert_eq!(rycroft.len(), 2);
    for a in rycroft {
        assert_eq!(a.speakers[0].party.as_deref(), Some("United Kingdom"));
        assert_eq!(
            a.speakers[0].link.as_ref().map(|l| l.how),
            Some(LinkHow::Earlier)
        );
    }
    // unnamed, sent to the United Nations: not the United Nations' speaker
    let x = run("The ambassador to the United Nations said the council would meet on Monday.");
    let (_, p, _) = speaker_of(&x, "ambassador to");
    assert_ne!(p.as_deref(), Some("United Nations"));
    // two earlier holders of different states name neither
    let x = run("The British ambassador said the council would meet. \
         The Russian ambassador said it would not. \
         Ambassador Jan Doe said the vote was delayed.");
    let (_, p, _) = speaker_of(&x, "Jan Doe");
    assert_eq!(p, None);
}

#[test]
fn an_organizations_officer_for_a_country_is_the_organizations() {
    let x = run("\"Our team was overwhelmed,\" said Jan Doe, UNICEF representative for Yemen.");
    let (_, p, _) = speaker_of(&x, "UNICEF");
    assert_eq!(p.as_deref(), Some("UNICEF"));
    // a spokesman for a party is still the party's
    let x = run("A spokesman for the Houthis said the port was shelled on Monday.");
    let (_, p, _) = speaker_of(&x, "spokesman");
    assert_eq!(p.as_deref(), Some("Houthis"));
}

#[test]
fn a_role_noun_before_the_only_party_with_the_role_named_after_it_is_that_party() {
    // a lead's "a monitoring group" is the monitor the report names after it
    let x = run(
        "Air strikes killed 12 people in Sagaing on Monday, a monitoring group said. \
         The Assistance Association for Political Prisoners said the toll could rise.",
    );
    let (_, p, how) = speaker_of(&x, "a monitoring group");
    assert_eq!(
        p.as_deref(),
        Some("Assistance Association for Political Prisoners")
    );
    assert_eq!(how, Some(LinkHow::Role));
    // two monitors named after it: neither
    let y = run(
        "Shelling killed 12 people in El Fasher on Monday, a monitoring group said. \
         The Sudan Doctors Network said the toll could rise. Emergency Lawyers said 14 people died.",
    );
    assert_eq!(speaker_of(&y, "a monitoring group").1, None);
}

#[test]
fn the_same_source_is_the_latest_source() {
    let x = run(
        "The Sudan Doctors Network said 20 people were killed in El Fasher on Friday. \
         Rebels also fired rockets at the airport, the same source said.",
    );
    let (_, p, how) = speaker_of(&x, "the same source");
    assert_eq!(p.as_deref(), Some("Sudan Doctors Network"));
    assert_eq!(how, Some(LinkHow::Earlier));
    // with no source before it, it stays unknown
    let y = run("Rebels fired rockets at the airport in El Fasher, the same source said.");
    assert_eq!(speaker_of(&y, "the same source").1, None);
}

#[test]
fn an_acronym_in_brackets_or_before_a_noun_stays_in_the_source() {
    let x = run(
        "The Islamic State (IS) group said it carried out the attack in Raqqa. \
         IS group also claimed an attack in Homs. \
         The Islamic State [IS] group on Tuesday claimed the bombing in Hasakeh.",
    );
    for needle in ["(IS) group", "=IS group", "[IS] group"] {
        assert_eq!(
            speaker_of(&x, needle).1.as_deref(),
            Some("Islamic State"),
            "{needle}"
        );
    }
}

#[test]
fn an_officer_named_without_an_owner_serves_the_armed_forces_named_most_before() {
    let x = run(
        "The Ethiopian National Defense Force said its jets struck military targets in Adi Gudem. \
         Colonel Jan Doe said no civilians were hit.",
    );
    let (_, p, how) = speaker_of(&x, "Colonel Jan Doe");
    assert_eq!(p.as_deref(), Some("Ethiopia"));
    assert_eq!(how, Some(LinkHow::Role));
    // two armed forces named as often: neither
    let y = run(
        "The Ethiopian army said it struck Adi Gudem. The Eritrean army said it was not there. \
         Colonel Jan Doe said no civilians were hit.",
    );
    assert_eq!(speaker_of(&y, "Colonel Jan Doe").1, None);
}

#[test]
fn a_name_with_its_title_after_it_is_a_person_that_a_pronoun_can_take_up() {
    let x = run(
        "The claims about taking the town are disinformation aimed at the soldiers said Ali Rami a representative of the Armenian Ministry of Defense. \
         He said the adversary lost hundreds of servicemen during the night.",
    );
    let (_, p, _) = speaker_of(&x, "=He");
    assert_eq!(p.as_deref(), Some("Armenia"));
}

#[test]
fn a_partys_own_statement_speaks_in_its_voice() {
    let lx = Lexicon::builtin();
    let statement = "Statement on the battle of Varosh\n\n\
        (Statement of the Tarvos Liberation Front, issued on Sunday and translated from Arabic.)\n\n\
        Our fighters took control of Varosh on Sunday after two hours of fighting. \
        A total of 40 enemy soldiers were killed. \
        We call on the soldiers of the regime to lay down their arms.";
    let x = extract(Document::new("front", statement), &lx);
    let issuer = x.issuer.as_ref().expect("the header names the issuer");
    assert_eq!(issuer.party.as_deref(), Some("Tarvos Liberation Front"));
    assert_eq!(issuer.link.as_ref().map(|l| l.how), Some(LinkHow::Issuer));
    // "we" is the issuer
    let (_, p, how) = speaker_of(&x, "=We");
    assert_eq!(p.as_deref(), Some("Tarvos Liberation Front"));
    assert_eq!(how, Some(LinkHow::Issuer));
    // "our fighters" in its own voice are the issuer's
    let holders = control_holders(&x);
    assert_eq!(holders, ["Tarvos Liberation Front"]);
    // its own-voice claims are the party's, spoken as an attribution's are (also with
    // `--no-own-voice`, which leaves out only outlets' narratives)
    let g = gainsay::graph::ClaimGraph::build_with(
        vec![x],
        &lx,
        gainsay::graph::GraphOptions { own_voice: false },
    );
    let own: Vec<_> = g
        .claims
        .iter()
        .filter(|c| c.attribution.is_none())
        .collect();
    assert!(!own.is_empty());
    assert!(
        own.iter()
            .all(|c| c.party.as_str() == "Tarvos Liberation Front" && c.voiced())
    );

    // a report that quotes a statement, or a headline about another's statement, has no issuer
    for text in [
        "Russia rejects UN statement on Varosh\n\nThe army said in a statement that it holds Varosh.",
        "Fighting in Varosh\n\nThe Tarvos Liberation Front said in a statement on Sunday that its \
         fighters took control of Varosh.",
    ] {
        let x = extract(Document::new("wire", text), &lx);
        assert!(x.issuer.is_none(), "{text}");
    }
}

#[test]
fn a_state_body_of_generic_words_with_its_acronym_is_the_region_s_state() {
    // "Defence Headquarters" names no owner; the report's places are in Mali (a town of the
    // world gazetteer after "in"; Nigeria's "Defence Headquarters" is bound to Nigeria)
    let x = run("Fighting was reported in Mopti on Sunday. \
         The Defence Headquarters (DHQ) says troops repelled the attack.");
    let (_, p, how) = speaker_of(&x, "Defence Headquarters");
    assert_eq!(p.as_deref(), Some("Mali"));
    assert_eq!(how, Some(LinkHow::Role));
}

#[test]
fn a_group_named_before_its_noun_is_a_party() {
    let x = run(
        "A spokesman for the Tarvos gang coalition said the town had fallen. \
         A spokesman for the Nureddin al-Varsi rebel group said nothing. \
         The Somali militia said it had withdrawn. \
         A New York-based group said 20 people were killed.",
    );
    let (_, p, how) = speaker_of(&x, "Tarvos gang coalition");
    assert_eq!(p.as_deref(), Some("Tarvos"));
    assert_eq!(how, Some(LinkHow::Discovered));
    // a particle inside the name belongs to it
    assert_eq!(
        speaker_of(&x, "al-Varsi").1.as_deref(),
        Some("Nureddin al-Varsi")
    );
    // a demonym or a "-based" word names no group
    assert_ne!(
        speaker_of(&x, "Somali militia").1.as_deref(),
        Some("Somali")
    );
    assert_eq!(speaker_of(&x, "New York-based").1, None);
}

#[test]
fn an_officer_after_a_state_s_military_body_serves_that_state() {
    // no armed forces named by an alias: the military body that spoke before him
    let x = run("Fighting was reported in Marte in Borno State on Sunday. \
         The Defence Headquarters (DHQ) says troops repelled the attack. \
         Maj. Gen. Jan Doe said three gallant soldiers paid the supreme price.");
    let (_, p, how) = speaker_of(&x, "Jan Doe");
    assert_eq!(p.as_deref(), Some("Nigeria"));
    assert_eq!(how, Some(LinkHow::Role));
    // "paid the supreme price": killed
    let killed: Vec<_> = x
        .propositions
        .iter()
        .filter_map(|p| match &p.kind {
            PropKind::Casualty { count, .. } => Some(count.lo),
            _ => None,
        })
        .collect();
    assert_eq!(killed, [3]);
}

#[test]
fn a_state_s_bare_troops_are_its_own_and_a_rank_in_an_apposition_counts() {
    let x = run("Fighting was reported in Marte in Borno State on Sunday. \
         The Defence Headquarters (DHQ) says troops of Operation Lafiya repelled the attack. \
         The Director, Defence Media Operations, Maj. Gen. Jan Doe, said Marte remains firmly under the control of troops.");
    let (_, p, _) = speaker_of(&x, "Director");
    assert_eq!(p.as_deref(), Some("Nigeria"));
    let holders = control_holders(&x);
    assert!(
        !holders.is_empty() && holders.iter().all(|h| h == "Nigeria"),
        "{holders:?}"
    );
}

#[test]
fn us_in_capitals_is_the_united_states_not_a_pronoun_and_him_is_one() {
    let x = run("US blames Damascus for the attack, the White House said.");
    assert_eq!(speaker_of(&x, "=US").1.as_deref(), Some("United States"));
    let y = run("Fighting was reported in Marte in Borno State on Sunday. \
         The Defence Headquarters (DHQ) says troops repelled the attack. \
         Maj. Gen. Jan Doe said three soldiers died. \
         According to him, the town is calm.");
    assert_eq!(speaker_of(&y, "=him").1.as_deref(), Some("Nigeria"));
}

#[test]
fn police_speak_for_the_state_and_a_us_command_for_the_united_states() {
    // "police said" in a report about a Kharkiv strike: Ukraine's police
    let x = run("A missile hit a school in Kharkiv on Monday, killing four people, police said.");
    let (_, p, _) = speaker_of(&x, "police");
    assert_eq!(p.as_deref(), Some("Ukraine"));
    let x = run("AFRICOM said it had conducted an air strike against al-Shabaab near Jilib.");
    let (_, p, _) = speaker_of(&x, "AFRICOM");
    assert_eq!(p.as_deref(), Some("United States"));
}

#[test]
fn a_state_organ_named_after_its_demonym_is_the_states() {
    let x = run("The Chadian National Police said two officers were killed in Mongo.");
    let (_, p, how) = speaker_of(&x, "Chadian National Police");
    assert_eq!(p.as_deref(), Some("Chad"));
    assert_eq!(how, Some(LinkHow::Role));
    // an organization of its own after a demonym is no state's
    let x = run("The Chadian Red Cross Society said two officers were killed in Mongo.");
    let (_, p, _) = speaker_of(&x, "Chadian Red Cross Society");
    assert_ne!(p.as_deref(), Some("Chad"));
}

#[test]
fn the_statement_or_the_spokesperson_is_the_latest_named_and_our_fighters_continue_it() {
    let x = run(
        "M23 spokesman Jan Doe said in a statement that its fighters took Varosh. \
         The spokesman said the army had fled. \
         Our fighters released 20 prisoners. \
         The statement said 12 soldiers were killed.",
    );
    for needle in ["=The spokesman", "=The statement"] {
        let (_, p, _) = speaker_of(&x, needle);
        assert_eq!(p.as_deref(), Some("M23"), "{needle}");
    }
    // the uncued first-person sentence is the spokesman's claim
    let s = x
        .doc
        .text
        .find("Our fighters")
        .expect("the sentence is in the text");
    let e = x
        .doc
        .text
        .find(" The statement")
        .expect("the next sentence");
    let in_it: Vec<bool> = x
        .propositions
        .iter()
        .filter(|p| p.bytes.start >= s && p.bytes.end <= e)
        .map(|p| p.attribution.is_some())
        .collect();
    assert!(!in_it.is_empty() && in_it.iter().all(|&a| a), "{in_it:?}");
}
