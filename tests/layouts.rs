//! One test per attribution layout: `check(text, expected)` lists (source, cue, content) triples.

mod common;

use gainsay::model::{CharMap, CueType, Polarity, QuoteKind};

fn triples(text: &str) -> Vec<(String, String, String)> {
    let x = common::extract_one(text);
    x.attributions
        .iter()
        .map(|a| {
            (
                a.source
                    .as_ref()
                    .map_or(String::new(), |r| text[r.clone()].to_string()),
                text[a.cue.clone()].to_string(),
                text[a.content.clone()].to_string(),
            )
        })
        .collect()
}

#[track_caller]
fn check(text: &str, expected: &[(&str, &str, &str)]) {
    let got = triples(text);
    let want: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want, "\ntext: {text}");
}

#[test]
fn source_said_content() {
    check(
        "The ministry said the bridge had reopened.",
        &[("The ministry", "said", "the bridge had reopened")],
    );
    check(
        "The ministry said that the bridge had reopened.",
        &[("The ministry", "said", "the bridge had reopened")],
    );
}

#[test]
fn quote_then_source_cue() {
    check(
        "“We will not leave our homes”, a local official told Reuters.",
        &[("a local official", "told", "We will not leave our homes")],
    );
    check(
        "\"Nothing is left,\" Karim said.",
        &[("Karim", "said", "Nothing is left")],
    );
}

#[test]
fn content_said_source() {
    check(
        "The road north is closed, said Lena Park, a spokeswoman for the agency.",
        &[(
            "Lena Park, a spokeswoman for the agency",
            "said",
            "The road north is closed",
        )],
    );
}

#[test]
fn told_object_then_content() {
    check(
        "The governor told reporters that the curfew would end on Monday.",
        &[("The governor", "told", "the curfew would end on Monday")],
    );
}

#[test]
fn statement_with_adding() {
    check(
        "The army said in a statement that the convoy was delayed, adding that two trucks had turned back.",
        &[
            ("The army", "said", "the convoy was delayed"),
            ("The army", "adding", "two trucks had turned back"),
        ],
    );
}

#[test]
fn says_and_announced() {
    check(
        "The mayor says the water is safe.",
        &[("The mayor", "says", "the water is safe")],
    );
    check(
        "On Thursday the council announced a review of the budget.",
        &[("the council", "announced", "a review of the budget")],
    );
}

#[test]
fn deny_v_ing() {
    let text = "Both companies deny dumping waste in the river.";
    check(
        text,
        &[("Both companies", "deny", "dumping waste in the river")],
    );
    let x = common::extract_one(text);
    assert_eq!(x.attributions[0].cue_type, CueType::Deny);
    assert_eq!(x.attributions[0].polarity, Polarity::Deny);
}

#[test]
fn passive_deemed_by() {
    check(
        "The flood closed the port, which was deemed by the harbour authority as the worst in a decade.",
        &[("the harbour authority", "deemed", "the worst in a decade")],
    );
}

#[test]
fn according_to_both_positions() {
    check(
        "According to the fire service, the blaze started in a kitchen.",
        &[(
            "the fire service",
            "According to",
            "the blaze started in a kitchen",
        )],
    );
    check(
        "The blaze started in a kitchen, according to the fire service.",
        &[(
            "the fire service",
            "according to",
            "The blaze started in a kitchen",
        )],
    );
}

#[test]
fn pronoun_sources_resolve_or_stay_unresolved() {
    let text = "Mayor Ana Ruiz said the dam held. She added that repairs would start soon.";
    let x = common::extract_one(text);
    assert_eq!(x.attributions.len(), 2);
    assert_eq!(
        x.attributions[1].speakers[0].name.as_deref(),
        Some("Mayor Ana Ruiz")
    );
    // "NAME a member of the council": the noun before the preposition heads the phrase, so the
    // source is a person "he" can stand for
    let text = "The clinics are full according to Jan Doe a member of the Medical Council which runs them. \"We need help\" he said.";
    let x = common::extract_one(text);
    assert_eq!(x.attributions.len(), 2, "{:?}", x.attributions);
    assert_eq!(
        x.attributions[1].speakers[0].name.as_deref(),
        Some("Jan Doe a member of the Medical Council")
    );
    // "Ministry spokesman NAME", after the ministry spoke: a member of the ministry, a person
    // "he" can stand for, of the ministry's party
    let text = "The Chilean Ministry of Health said 38 people were killed.\n\nMinistry spokesman Dr. Anis Varo said the victims were all civilians.\n\nHe said crews were still searching.";
    let x = common::extract_one(text);
    assert_eq!(x.attributions.len(), 3, "{:?}", x.attributions);
    let he = &x.attributions[2].speakers[0];
    assert_eq!(he.name.as_deref(), Some("Ministry spokesman Dr. Anis Varo"));
    assert_eq!(he.kind, gainsay::model::EntityKind::Person);
    assert_eq!(he.party.as_deref(), Some("Chile"));
    // "the Observatory and the LCC": two phrases, each its own speaker (no head noun shared)
    let text = "Fighting spread across Idlib in Syria. The Observatory and the LCC said the town was under attack.";
    let x = common::extract_one(text);
    assert_eq!(
        speakers_of(&x, |s| s.party.as_deref()),
        [
            Some("Syrian Observatory for Human Rights"),
            Some("Local Coordination Committees")
        ]
    );
    // "the Russian and Syrian governments": the head noun is shared
    let text = "The Russian and Syrian governments denied the report.";
    let x = common::extract_one(text);
    assert_eq!(
        speakers_of(&x, |s| s.name.as_deref()),
        [Some("Russian government"), Some("Syrian government")]
    );
    // no antecedent in this or the previous sentence: unresolved, not guessed
    let text = "The storm passed overnight.\n\nHe said the dam held.";
    let x = common::extract_one(text);
    assert_eq!(x.attributions[0].speakers[0].name, None);
    assert!(matches!(
        x.attributions[0].speakers[0].resolution,
        gainsay::model::Resolution::Unresolved { .. }
    ));
}

/// A field of each speaker of a text's first attribution.
fn speakers_of<'a>(
    x: &'a gainsay::extract::Extraction,
    field: impl Fn(&'a gainsay::model::Speaker) -> Option<&'a str>,
) -> Vec<Option<&'a str>> {
    x.attributions[0].speakers.iter().map(field).collect()
}

#[test]
fn direct_indirect_mixed() {
    let x = common::extract_one("“It is over”, the captain said.");
    assert_eq!(x.attributions[0].kind, QuoteKind::Direct);
    let x = common::extract_one("The captain said the match was “over” by noon.");
    assert_eq!(x.attributions[0].kind, QuoteKind::Mixed);
    let x = common::extract_one("The captain said the match was over.");
    assert_eq!(x.attributions[0].kind, QuoteKind::Indirect);
}

#[test]
fn cues_inside_quotes_are_not_attributions() {
    check(
        "The coach said the team played “according to the plan we agreed”.",
        &[(
            "The coach",
            "said",
            "the team played “according to the plan we agreed”",
        )],
    );
}

#[test]
fn negated_and_hedged_cues() {
    let x = common::extract_one("The ministry did not confirm that the plant had closed.");
    let a = &x.attributions[0];
    assert!(a.negated);
    assert_eq!(a.commitment, gainsay::model::Commitment::Possible);
}

#[test]
fn spans_are_character_offsets() {
    let text = "“Déjà vu”, Zoë said. The café owner said prices rose.";
    let x = common::extract_one(text);
    let cm = CharMap::new(text);
    let chars: Vec<char> = text.chars().collect();
    for a in &x.attributions {
        let s = cm.span(&a.content);
        let by_chars: String = chars[s.start..s.end].iter().collect();
        assert_eq!(by_chars, s.text);
    }
    assert_eq!(x.attributions.len(), 2);
}

#[test]
fn unbalanced_quote_does_not_empty_the_document() {
    let text = "“We are trapped, the doctor said.\n\nThe agency said the road was open.";
    let x = common::extract_one(text);
    assert!(
        x.attributions
            .iter()
            .any(|a| &text[a.cue.clone()] == "said" && text[a.content.clone()].contains("road"))
    );
}

#[test]
fn no_attribution_without_a_source() {
    // no cue at all
    check("Intense bombardment shook the city on Friday.", &[]);
    // a cue with no subject of its own is no attribution
    check(
        "Said to be the largest in the region, the plant closed on Monday.",
        &[],
    );
}

#[test]
fn quotation_continues_across_sentences_and_around_the_cue() {
    let text = "“The road is closed,” the mayor said. “Nobody can leave.”\n\nThe next paragraph is separate.";
    let x = common::extract_one(text);
    assert_eq!(x.attributions.len(), 1);
    let a = &x.attributions[0];
    assert_eq!(&text[a.content.clone()], "The road is closed");
    let parts: Vec<&str> = a.continuation.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(parts, vec!["Nobody can leave"]);

    let text = "Otherwise, she said, the talks will fail.";
    let x = common::extract_one(text);
    let parts: Vec<&str> = x.attributions[0]
        .content_parts()
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(parts, vec!["Otherwise", "the talks will fail"]);
}

#[test]
fn a_quotation_of_several_sentences_continues_in_each_and_carries_its_figures() {
    let text = "“The road is closed,” the mayor said. “Nobody can leave. The shelling killed 12 people.” Officials gave no figure.";
    let x = common::extract_one(text);
    assert_eq!(x.attributions.len(), 1);
    let parts: Vec<&str> = x.attributions[0]
        .continuation
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(
        parts,
        vec!["Nobody can leave. The shelling killed 12 people"]
    );
    // the figure of the continued quotation is the mayor's
    let fig = x
        .propositions
        .iter()
        .find(|p| matches!(p.kind, gainsay::extract::PropKind::Casualty { .. }))
        .expect("a figure");
    assert_eq!(fig.attribution, Some(0));
    // a quotation left open to its paragraph's end is split into sentences: each continues it
    let text = "“The road is closed,” the mayor said. “Nobody can leave. The shelling killed 12 people.\n\nOfficials gave no figure.";
    let x = common::extract_one(text);
    let parts: Vec<&str> = x.attributions[0]
        .continuation
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(
        parts,
        vec!["Nobody can leave", "The shelling killed 12 people"]
    );
    assert!(x.propositions.iter().any(|p| p.attribution == Some(0)
        && matches!(p.kind, gainsay::extract::PropKind::Casualty { .. })));
    // a quotation after a sentence of narration continues nobody's
    let text = "“The road is closed,” the mayor said. Officials gave no figure. “The shelling killed 12 people.”";
    let x = common::extract_one(text);
    assert!(x.attributions[0].continuation.is_empty());
    assert!(x.propositions.iter().all(|p| p.attribution != Some(0)
        || !matches!(p.kind, gainsay::extract::PropKind::Casualty { .. })));
}

#[test]
fn colon_lines_and_title_case_headlines() {
    check(
        "Paul Ryan: The decision defies explanation",
        &[("Paul Ryan", ":", "The decision defies explanation")],
    );
    check(
        "Mayor Says The Bridge Will Reopen",
        &[("Mayor", "Says", "The Bridge Will Reopen")],
    );
    // a place opening a headline or a lead is no speaker, in capitals or not; a party's name is
    check("QUETTA: Armed men attacked the train.", &[]);
    check("Bunia: At least 21 displaced people were killed.", &[]);
    check(
        "Israel: The strike hit a command centre",
        &[("Israel", ":", "The strike hit a command centre")],
    );
    // ... but a country before an imperative is a rights group's topic, not the country's word
    check(
        "Nigeria: Investigate air strike that killed 26 civilians in Kirenowa",
        &[],
    );
}

#[test]
fn noun_uses_of_cue_words_are_not_cues() {
    // "report" and "states" are nouns here; the report itself is the source of "found"
    check(
        "The report found nothing new in the swing states.",
        &[("The report", "found", "nothing new in the swing states")],
    );
    check("Reporters waited in the swing states.", &[]);
    check(
        "The ministry states that the bridge reopened.",
        &[("The ministry", "states", "the bridge reopened")],
    );
}

#[test]
fn quoted_as_saying_and_statement_forms() {
    check(
        "The minister was quoted as saying that the bridge had reopened.",
        &[(
            "The minister",
            "quoted as saying",
            "the bridge had reopened",
        )],
    );
    check(
        "In a statement, the ministry said the bridge had reopened.",
        &[("the ministry", "said", "the bridge had reopened")],
    );
    check(
        "The ministry, in a statement, said the bridge had reopened.",
        &[(
            "The ministry, in a statement",
            "said",
            "the bridge had reopened",
        )],
    );
}

#[test]
fn dash_signed_quotation() {
    check(
        "“The bridge is open” — Transport Minister Ana Ruiz.",
        &[("Transport Minister Ana Ruiz", "—", "The bridge is open")],
    );
}

#[test]
fn sourceless_attributions() {
    let x = common::extract_one("The bridge has reportedly reopened.");
    assert_eq!(x.attributions.len(), 1);
    assert!(x.attributions[0].source.is_none());
    assert_eq!(x.attributions[0].layout.id(), "sourceless");
    let x = common::extract_one("It was reported that the bridge had reopened.");
    assert_eq!(x.attributions.len(), 1);
    assert!(x.attributions[0].source.is_none());
    check(
        "Sources said the bridge had reopened.",
        &[("Sources", "said", "the bridge had reopened")],
    );
}

#[test]
fn denials_of_reports_and_claims() {
    check(
        "The ministry denied reports that the bridge had collapsed.",
        &[("The ministry", "denied", "the bridge had collapsed")],
    );
    check(
        "The ministry rejected claims that the bridge had collapsed.",
        &[("The ministry", "rejected", "the bridge had collapsed")],
    );
}

#[test]
fn accusations_and_blame() {
    let text = "The mayor accused the contractor of cutting corners on the bridge.";
    check(
        text,
        &[(
            "The mayor",
            "accused",
            "the contractor of cutting corners on the bridge",
        )],
    );
    let x = common::extract_one(text);
    assert_eq!(x.attributions[0].cue_type, CueType::Accuse);
    check(
        "The mayor blamed the contractor for the collapse.",
        &[("The mayor", "blamed", "the contractor for the collapse")],
    );
}

#[test]
fn nominal_cues() {
    let x = common::extract_one("The ministry's claim that the bridge had reopened was disputed.");
    assert_eq!(x.attributions.len(), 1);
    assert_eq!(x.attributions[0].layout.id(), "nominal");
    let x = common::extract_one(
        "The announcement by the ministry that the bridge had reopened surprised residents.",
    );
    assert_eq!(x.attributions.len(), 1);
    let text = &x.doc.text;
    assert_eq!(
        &text[x.attributions[0].source.clone().unwrap()],
        "the ministry"
    );
}

#[test]
fn role_nouns_resolve_to_the_name_that_introduced_them() {
    let text = "Yasser al-Yousef, a spokesman for the Nour el-Din al-Zinki faction, said the road was cut.\n\nThe spokesman said fighting continued.";
    let x = common::extract_one(text);
    assert_eq!(x.attributions.len(), 2);
    assert_eq!(
        x.attributions[1].speakers[0].name.as_deref(),
        Some("Yasser al-Yousef")
    );
    assert_eq!(
        x.attributions[1].speakers[0].party.as_deref(),
        Some("rebels")
    );
}

#[test]
fn modal_and_negated_cues_lower_commitment() {
    let x = common::extract_one("Officials could not verify that the bridge had reopened.");
    assert!(x.attributions[0].negated);
    assert_eq!(
        x.attributions[0].commitment,
        gainsay::model::Commitment::Possible
    );
    // "refused to say": the refusal is the cue, and it commits to nothing
    let x = common::extract_one("The ministry refused to say whether the bridge had reopened.");
    assert_eq!(x.attributions.len(), 1);
    assert_eq!(x.attributions[0].cue_lemma, "refuse");
    assert_eq!(
        x.attributions[0].commitment,
        gainsay::model::Commitment::Possible
    );
    let x = common::extract_one("The ministry may say the bridge reopened.");
    assert_eq!(
        x.attributions[0].commitment,
        gainsay::model::Commitment::Possible
    );
    // a modal at the head of the content hedges the claim ("may have"), one deep inside does not
    let x = common::extract_one("Officials said Russian jets may have carried out the strike.");
    assert_eq!(
        x.attributions[0].commitment,
        gainsay::model::Commitment::Possible
    );
    let x = common::extract_one(
        "Officials said Russian jets carried out the strike on the convoy near the town, which could reopen soon.",
    );
    assert_eq!(
        x.attributions[0].commitment,
        gainsay::model::Commitment::Certain
    );
}

#[test]
fn nested_attributions_keep_new_speakers_only() {
    // a speaker of its own: both attributions
    check(
        "He said the center believed more than 50 people were trapped.",
        &[
            (
                "He",
                "said",
                "the center believed more than 50 people were trapped",
            ),
            ("the center", "believed", "more than 50 people were trapped"),
        ],
    );
    // the same speaker reporting its own feeling: one attribution
    check(
        "Most voters said they felt betrayed by the party.",
        &[("Most voters", "said", "they felt betrayed by the party")],
    );
}

#[test]
fn raising_verbs_are_sourceless() {
    let text = "Trump's supporters seemed equally unperturbed.";
    let x = common::extract_one(text);
    assert_eq!(x.attributions.len(), 1);
    let a = &x.attributions[0];
    assert!(a.source.is_none());
    assert_eq!(&text[a.content.clone()], "Trump's supporters");
    assert_eq!(&text[a.continuation[0].clone()], "equally unperturbed");
    // inside someone's words it is part of what they said
    let x = common::extract_one("The station appeared to have been switched off, she said.");
    assert_eq!(x.attributions.len(), 1);
    assert_eq!(x.attributions[0].cue_lemma, "say");
}

#[test]
fn passive_raising_of_a_speech_verb_is_sourceless() {
    // "X is said to be", and a headline's "X reported to have": the subject is content
    for (text, subject, rest) in [
        (
            "The commander is said to be hiding in the hills.",
            "The commander",
            "to be hiding in the hills",
        ),
        (
            "Airdropped weapons reported to have been seized",
            "Airdropped weapons",
            "to have been seized",
        ),
    ] {
        let x = common::extract_one(text);
        assert_eq!(x.attributions.len(), 1, "{text}");
        let a = &x.attributions[0];
        assert!(a.source.is_none(), "{text}");
        assert_eq!(&text[a.content.clone()], subject);
        assert_eq!(&text[a.continuation[0].clone()], rest);
    }
    // active past with a prepositional "to": the reporter speaks
    check(
        "The officer reported to the court that the prisoner had fled.",
        &[("The officer", "reported", "the prisoner had fled")],
    );
}

#[test]
fn appositions_initials_and_relative_pronouns() {
    // a middle initial is no determiner; a cue word inside the apposition is a noun
    check(
        "Jill A. Martin, vice president of the firm, said the allegations had no substance.",
        &[(
            "Jill A. Martin, vice president of the firm",
            "said",
            "the allegations had no substance",
        )],
    );
    check(
        "The former secretary of state said the U.S. needed a stronger air campaign.",
        &[(
            "The former secretary of state",
            "said",
            "the U.S. needed a stronger air campaign",
        )],
    );
    // the relative pronoun speaks for its antecedent; the content ends where the main clause resumes
    check(
        "Obama, who called the attack an act of terror, reiterated his frustration.",
        &[
            ("Obama, who", "called", "the attack an act of terror"),
            (
                "Obama, who called the attack an act of terror",
                "reiterated",
                "his frustration",
            ),
        ],
    );
}

#[test]
fn parentheticals_around_the_cue() {
    check(
        "He said, twice, that he was going back to work.",
        &[("He", "said", "he was going back to work")],
    );
    check(
        "Manafort said — on Twitter, as it happens — that Trump raised $4 million.",
        &[("Manafort", "said", "Trump raised $4 million")],
    );
    // an adverb or adjunct after a post-posed cue leaves the fronted content in place
    check(
        "“I did not come here to pander,” Trump said carefully, as the words rolled by.",
        &[("Trump", "said", "I did not come here to pander")],
    );
    // "told" takes an object: the name after it is no inverted source
    check(
        "“Positions will soften,” Joe Kasper, an aide, told POLITICO on Monday.",
        &[("Joe Kasper, an aide", "told", "Positions will soften")],
    );
    // a quantity after the cue is content, not an adjunct
    check(
        "The United Nations said about 20 civilians were killed.",
        &[(
            "The United Nations",
            "said",
            "about 20 civilians were killed",
        )],
    );
}

#[test]
fn outer_attribution_contains_an_earlier_one() {
    // "according to" a poll reports what voters said: its content holds the nested attribution
    let got = triples("Most voters said they distrust her, according to a Quinnipiac poll.");
    assert!(
        got.contains(&(
            "a Quinnipiac poll".into(),
            "according to".into(),
            "Most voters said they distrust her".into()
        )),
        "{got:?}"
    );
}

#[test]
fn participles_after_a_quotation_and_fronted_adverbs() {
    let got = triples(
        "Palmieri called the idea a “ridiculous proposition,” adding that Trump must change course.",
    );
    assert!(
        got.iter().any(|t| t.1 == "adding" && t.0 == "Palmieri"),
        "{got:?}"
    );
    let got =
        triples("Instead, the senator is sticking to his message, hoping to avoid any misstep.");
    assert!(
        got.iter().any(|t| t.1 == "hoping" && t.0 == "the senator"),
        "{got:?}"
    );
}

#[test]
fn a_document_saying_is_its_issuers_attribution() {
    check(
        "Black Lives Matter issued a statement saying it took the action because of unsafe conditions.",
        &[(
            "Black Lives Matter",
            "saying",
            "it took the action because of unsafe conditions",
        )],
    );
}

#[test]
fn questions_take_interrogative_and_about_complements() {
    check(
        "A reporter asked Clinton whether she would release the transcripts.",
        &[(
            "A reporter",
            "asked",
            "whether she would release the transcripts",
        )],
    );
    check(
        "Hugh Hewitt asked about statements he had made the previous night.",
        &[(
            "Hugh Hewitt",
            "asked",
            "about statements he had made the previous night",
        )],
    );
}

#[test]
fn marked_complements_and_phrasal_participles() {
    // "maintain" reports only a marked complement
    check("The agency did not maintain a separate account.", &[]);
    check(
        "The agency maintained that the account was separate.",
        &[("The agency", "maintained", "the account was separate")],
    );
    // a phrasal cue inflects its first word: "referring to" is a participle
    let got = triples("“He sold us out,” Trump said, referring to Barack Obama.");
    assert!(
        got.contains(&("Trump".into(), "referring to".into(), "Barack Obama".into())),
        "{got:?}"
    );
}

#[test]
fn sources_after_fronted_adjuncts_and_bare_relatives() {
    check(
        "For Cruz, Darran Whiting of Liberty Baptist Church, said he had made 150 calls.",
        &[(
            "Darran Whiting of Liberty Baptist Church",
            "said",
            "he had made 150 calls",
        )],
    );
    check(
        "An earlier report in a local paper said that the fliers used images of pastors.",
        &[(
            "An earlier report in a local paper",
            "said",
            "the fliers used images of pastors",
        )],
    );
    let got = triples("The poll found 18% who say they would be dissatisfied.");
    assert!(got.iter().any(|t| t.0 == "who" && t.1 == "say"), "{got:?}");
}

#[test]
fn coordinated_cues_share_the_outer_subject() {
    let got = triples(
        "Nigel Farage said the President did not know what he was talking about, and accused Downing Street of putting words in his mouth.",
    );
    assert!(
        got.iter()
            .any(|t| t.0 == "Nigel Farage" && t.1 == "accused"),
        "{got:?}"
    );
}

#[test]
fn relative_that_and_relative_gaps_are_no_contents() {
    // "states that vote": a noun followed by a relative clause
    check(
        "He must narrow the gap in delegate-rich states that have voted already.",
        &[],
    );
    // the gap of a relative clause is no content
    check(
        "The account Trump retweeted was set up as a trap by a writer.",
        &[],
    );
}

#[test]
fn attributions_in_adverbial_clauses_end_with_the_clause() {
    check(
        "As Trump and Cruz lamented illegal immigration, Clinton reached out to voters.",
        &[("Trump and Cruz", "lamented", "illegal immigration")],
    );
}

#[test]
fn role_nouns_resolve_to_a_description_that_introduced_them() {
    let x = common::extract_one(
        "A spokesman for the Syrian army said the building was a weapons depot.\n\nThe spokesman said the strike was precise.",
    );
    assert_eq!(x.attributions.len(), 2);
    assert_eq!(
        x.attributions[1].speakers[0].party.as_deref(),
        Some("Syrian government")
    );
}

#[test]
fn adjuncts_after_a_post_posed_cue() {
    for text in [
        "“We are in a bubble,” Mr. Trump said recently in New York.",
        "“We are in a bubble,” Trump told Fox News host Sean Hannity earlier this month.",
        "“We are in a bubble,” Trump said in August, referring to the markets.",
    ] {
        let got = triples(text);
        assert!(
            got.iter()
                .any(|t| t.2 == "We are in a bubble" && (t.1 == "said" || t.1 == "told")),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn reduced_passive_between_commas() {
    let x = common::extract_one(
        "The nationwide campaign, first reported by The Washington Post, is a key element of the response.",
    );
    assert_eq!(x.attributions.len(), 1, "{:?}", x.attributions);
    let a = &x.attributions[0];
    let text = &x.doc.text;
    assert_eq!(&text[a.source.clone().unwrap()], "The Washington Post");
    assert_eq!(&text[a.content.clone()], "The nationwide campaign");
    assert_eq!(
        &text[a.continuation[0].clone()],
        "is a key element of the response"
    );
}

#[test]
fn with_subject_participles() {
    let got = triples(
        "Republicans were quick to react, with Donald Trump tweeting that it was a disaster for Clinton.",
    );
    assert!(
        got.contains(&(
            "Donald Trump".into(),
            "tweeting".into(),
            "it was a disaster for Clinton".into()
        )),
        "{got:?}"
    );
}

#[test]
fn demonstrative_that_is_the_content_subject() {
    check(
        "I think that has been part of his message.",
        &[("I", "think", "that has been part of his message")],
    );
    check(
        "The ministry said that the bridge reopened.",
        &[("The ministry", "said", "the bridge reopened")],
    );
}

#[test]
fn a_trailing_source_without_comma_closes_the_sentence() {
    // text stripped of its commas (scraped copy): the cue must close the sentence
    check(
        "Air strikes killed 30 people in the town on Wednesday the Syrian Observatory said.",
        &[(
            "the Syrian Observatory",
            "said",
            "Air strikes killed 30 people in the town on Wednesday",
        )],
    );
    // a relative clause is no attribution: what precedes the source is a noun phrase
    check("Few of them agreed with everything the minister said.", &[]);
}

#[test]
fn a_restrictive_relative_clause_belongs_to_the_source() {
    let text = "A doctor who fled to Turkey in the spring said the clinic had closed.";
    check(
        text,
        &[(
            "A doctor who fled to Turkey in the spring",
            "said",
            "the clinic had closed",
        )],
    );
    // the speaker is the doctor, not the country in the relative clause
    let x = common::extract_one(text);
    assert_eq!(x.attributions[0].speakers[0].party, None);
}

#[test]
fn a_name_before_an_indefinite_article_heads_a_stripped_apposition() {
    // "Syria Civil Defence, a Syrian rescue group, said" with its commas stripped
    let text =
        "Syria Civil Defence a Syrian volunteer rescue group said its teams counted three dead.";
    check(
        text,
        &[(
            "Syria Civil Defence a Syrian volunteer rescue group",
            "said",
            "its teams counted three dead",
        )],
    );
    let x = common::extract_one(text);
    assert_eq!(
        x.attributions[0].speakers[0].party.as_deref(),
        Some("Syria Civil Defence")
    );
}

#[test]
fn witnesses_speak_they_do_not_witness() {
    // "witnesses" is the noun, not the verb "to witness"
    check(
        "Government forces shelled the market, witnesses said.",
        &[("witnesses", "said", "Government forces shelled the market")],
    );
    check(
        "Government forces shelled the market, witnesses told Reuters.",
        &[("witnesses", "told", "Government forces shelled the market")],
    );
}

/// A paragraph of 50 words, no comma and no attribution: text after it is read as a scraped copy
/// stripped of its commas (`Segmented::commaless` needs 60 words and fewer than one comma in
/// 100 words).
const STRIPPED_LEAD: &str = "The town lies on the river north of the capital and its market draws traders from the villages around it every week during the dry season when the roads are open and the bridges are safe for trucks carrying grain and fuel and livestock from the farms to the south.\n\n";

/// [`check`] on one sentence of a text stripped of its commas.
#[track_caller]
fn check_stripped(sentence: &str, expected: &[(&str, &str, &str)]) {
    assert!(!sentence.contains(','));
    check(&format!("{STRIPPED_LEAD}{sentence}"), expected);
}

#[test]
fn stripped_fronted_according_to_ends_its_source_at_the_contents_subject() {
    check_stripped(
        "According to the Varda Defense Army the enemy forces shelled Kalvar overnight with rocket artillery.",
        &[(
            "the Varda Defense Army",
            "According to",
            "the enemy forces shelled Kalvar overnight with rocket artillery",
        )],
    );
}

#[test]
fn a_stray_comma_leaves_a_text_stripped() {
    // one comma left in a text of more than 100 words stripped of the others
    let lead = format!(
        "{STRIPPED_LEAD}{}",
        STRIPPED_LEAD.replace("The town lies", "Kalvar, the town lies")
    );
    let c = "The coalition did not conduct any strikes in the Kalvar neighbourhood on May 27";
    let s = "a spokesman for Combined Joint Task Force Operation Northern Shield";
    check(
        &format!("{lead}{c} {s} said in an email to Harbor Eye."),
        &[(s, "said", c)],
    );
}

#[test]
fn stripped_post_posed_cues_take_adjuncts_after_them() {
    let c = "Eleven people were killed in the shelling of the Kalvar market on Friday";
    for tail in [
        "on Wednesday",
        "late on Wednesday",
        "Wednesday",
        "in a revised toll",
        "as rebels took ground to the south",
    ] {
        check_stripped(
            &format!("{c} the monitor said {tail}."),
            &[("the monitor", "said", c)],
        );
    }
    // an indirect object, then an adjunct
    check_stripped(
        &format!("{c} a rescue worker told the Harbor Ledger from Tarsa."),
        &[("a rescue worker", "told", c)],
    );
    // a participle clause after the cue is no content, and the fronted content is kept
    check_stripped(
        &format!("{c} the monitor said updating an earlier toll of six."),
        &[("the monitor", "said", c)],
    );
    // a complement after the cue still makes the phrase before it the subject
    check_stripped(
        "Meanwhile in the villages near the Kalvar market the monitor said on Wednesday the strikes killed nine.",
        &[("the monitor", "said", "the strikes killed nine")],
    );
    check_stripped(
        "In the north of Tarsa province the monitor said fighting continued.",
        &[("the monitor", "said", "fighting continued")],
    );
}

#[test]
fn stripped_post_posed_sources_without_a_determiner() {
    let c = "Eleven people were killed in the shelling of the Kalvar market";
    for source in [
        "provincial health director Samir Aswad",
        "opposition figure Jan Doe",
        "civil defence official Omar Bakri",
        "Doe",
        "Harbor TV correspondent",
        "Kalvar Live Network (KLN)",
        "state agency and local media",
        "opposition activists former residents and a war monitor",
        "Syrian activists",
    ] {
        check_stripped(&format!("{c} {source} said."), &[(source, "said", c)]);
    }
    // a coordinated time phrase before the source
    check_stripped(
        &format!("{c} on Monday and Tuesday a monitor said."),
        &[("a monitor", "said", &format!("{c} on Monday and Tuesday"))],
    );
    // a plural noun of the content's last phrase is no source
    check_stripped(
        &format!("{c} and wounding dozens more observers said."),
        &[(
            "observers",
            "said",
            &format!("{c} and wounding dozens more"),
        )],
    );
    // a name after a place preposition is the place
    check_stripped(
        "Eleven people were killed in the shelling of the market in Tarsa Doe said.",
        &[(
            "Doe",
            "said",
            "Eleven people were killed in the shelling of the market in Tarsa",
        )],
    );
    check_stripped(
        "Eleven people were killed in the shelling of the market in the city of Tarsa Syrian activists said on Sunday.",
        &[(
            "Syrian activists",
            "said",
            "Eleven people were killed in the shelling of the market in the city of Tarsa",
        )],
    );
    // the source after the cue
    check_stripped(
        "Eleven people were killed in the shelling of the market in the town of Kalvar said the Kalvar Monitor.",
        &[(
            "the Kalvar Monitor",
            "said",
            "Eleven people were killed in the shelling of the market in the town of Kalvar",
        )],
    );
}

#[test]
fn stripped_sources_that_the_noun_phrase_scan_overruns() {
    // a time phrase, a number or a casualty word is the content's, not the source's
    check_stripped(
        "Rebels launched a counterattack to retake Kalvar on Wednesday morning monitor chief Omar Bakri said.",
        &[(
            "monitor chief Omar Bakri",
            "said",
            "Rebels launched a counterattack to retake Kalvar on Wednesday morning",
        )],
    );
    check_stripped(
        "The strike claimed the lives of 18 civilians including 10 children Harbor TV channel Al-Kalvar reported.",
        &[(
            "Harbor TV channel Al-Kalvar",
            "reported",
            "The strike claimed the lives of 18 civilians including 10 children",
        )],
    );
    // a name with "for" inside it
    check_stripped(
        "Eleven people were killed in the shelling of the Kalvar market Tarsa Monitor for Human Rights said.",
        &[(
            "Tarsa Monitor for Human Rights",
            "said",
            "Eleven people were killed in the shelling of the Kalvar market",
        )],
    );
    // after a quotation the phrase before the cue is whole
    check_stripped(
        "\"We have nothing left\" Rami a Kalvar resident said.",
        &[("Rami a Kalvar resident", "said", "We have nothing left")],
    );
    // a name after "by" is an agent, not a source
    check_stripped(
        "The fighting began when the council led by President Omar Bakri responded with force to the protests in the north.",
        &[],
    );
}

#[test]
fn stripped_participial_cues_share_the_subject() {
    check_stripped(
        "The monitor said the strikes killed nine people in the town adding that the toll could rise.",
        &[
            (
                "The monitor",
                "said",
                "the strikes killed nine people in the town",
            ),
            ("The monitor", "adding", "the toll could rise"),
        ],
    );
    // "X put the death toll at N saying C": the participle's subject is the clause's (and "put
    // the death toll at" is a cue of its own)
    check_stripped(
        "Tarsa police put the death toll at 16 saying the bomber had driven a truck into the checkpoint.",
        &[
            ("Tarsa police", "put", "the death toll at 16"),
            (
                "Tarsa police",
                "saying",
                "the bomber had driven a truck into the checkpoint",
            ),
        ],
    );
    check_stripped(
        "\"The attack was carried out by a suicide bomber\" said the Kalvar Monitor adding that the passenger also died.",
        &[
            (
                "the Kalvar Monitor",
                "said",
                "The attack was carried out by a suicide bomber",
            ),
            ("the Kalvar Monitor", "adding", "the passenger also died"),
        ],
    );
    // an auxiliary makes the participle the verb
    check_stripped(
        "The army of Tarsa is saying its jets had struck a depot.",
        &[("The army of Tarsa", "saying", "its jets had struck a depot")],
    );
}

#[test]
fn stripped_look_alikes_are_no_post_posed_sources() {
    // a relative clause after an indefinite pronoun
    check_stripped(
        "Few of the residents who stayed in the town agreed with everything the minister said.",
        &[],
    );
    // a subject followed by its complement
    check_stripped(
        "Residents of the besieged eastern districts of the city said the opposite.",
        &[(
            "Residents of the besieged eastern districts of the city",
            "said",
            "the opposite",
        )],
    );
    // outside a stripped text a comma is expected before the source
    check(
        "Eleven people were killed in the shelling of the Kalvar market provincial health director Samir Aswad said.",
        &[],
    );
}

#[test]
fn a_fronted_adverbial_without_a_comma_ends_before_the_named_subject() {
    for opener in ["For her part", "In response", "In a radio interview"] {
        check(
            &format!("{opener} Foreign Minister Jan Doe blamed the rebels for the attack."),
            &[(
                "Foreign Minister Jan Doe",
                "blamed",
                "the rebels for the attack",
            )],
        );
    }
    check(
        "For her part the foreign minister blamed the rebels for the attack.",
        &[(
            "the foreign minister",
            "blamed",
            "the rebels for the attack",
        )],
    );
    // a prepositional object inside the clause is no subject
    check(
        "The army moved north after the talks in Geneva Foreign Minister Jan Doe blamed.",
        &[],
    );
}

#[test]
fn plural_nouns_that_are_cue_forms_are_subjects_before_a_verb() {
    check(
        "Western states said the rebels shelled the market.",
        &[("Western states", "said", "the rebels shelled the market")],
    );
    check(
        "A number of Gulf states accused the army of shelling the town.",
        &[(
            "A number of Gulf states",
            "accused",
            "the army of shelling the town",
        )],
    );
    check(
        "Gulf states have long accused the army of shelling the town.",
        &[("Gulf states", "accused", "the army of shelling the town")],
    );
    check(
        "Local media reports said the bridge was closed.",
        &[("Local media reports", "said", "the bridge was closed")],
    );
    // the verb "states" and the noun before a relative clause
    check(
        "The minister states that the bridge is closed.",
        &[("The minister", "states", "the bridge is closed")],
    );
    check("He must win the states that voted last week.", &[]);
    check("The envoy visited the Gulf states last week.", &[]);
}

#[test]
fn joined_in_saying_credits_the_subject() {
    check(
        "The Tarsa government joined Kalvar in saying the rebels had shelled the market.",
        &[(
            "The Tarsa government",
            "saying",
            "the rebels had shelled the market",
        )],
    );
    check(
        "The monitor has joined the rescue workers in accusing the army of shelling the market.",
        &[("The monitor", "accusing", "the army of shelling the market")],
    );
    // "in" + participle without "joined" is no attribution
    check("She was interested in saying nothing at all.", &[]);
}

#[test]
fn an_accusation_in_a_relative_clause() {
    let text =
        "Nine people died in the suspected attack that Western states blame on the Tarsa army.";
    check(
        text,
        &[(
            "Western states",
            "blame",
            "the suspected attack that Western states blame on the Tarsa army",
        )],
    );
    // the blamed party is the agent of the attack
    let x = common::extract_one(text);
    let agents: Vec<_> = x
        .propositions
        .iter()
        .filter_map(|p| match &p.kind {
            gainsay::extract::propose::PropKind::Responsibility { agent, .. } => {
                Some(agent.as_str())
            }
            _ => None,
        })
        .collect();
    assert_eq!(agents, ["Tarsa army"]);
    // between commas the clause ends at its comma
    check(
        "The strike on the Kalvar market, which the Tarsa government blamed on rebels, killed nine people.",
        &[(
            "the Tarsa government",
            "blamed",
            "The strike on the Kalvar market, which the Tarsa government blamed on rebels",
        )],
    );
    // a relative clause whose verb is no accusation
    check("The town which the army took on Monday was shelled.", &[]);
}

#[test]
fn nominal_cues_with_a_modifier_a_charge_and_denials() {
    check(
        "The minister rejected the monitor's charge that the army had shelled the market.",
        &[
            (
                "The minister",
                "rejected",
                "the army had shelled the market",
            ),
            ("the monitor", "charge", "the army had shelled the market"),
        ],
    );
    check(
        "The army denied rebel allegations that it had shelled the market.",
        &[
            ("The army", "denied", "it had shelled the market"),
            ("rebel", "allegations", "it had shelled the market"),
        ],
    );
    check(
        "The court rejected Russian claims that the strike hit a depot.",
        &[
            ("The court", "rejected", "the strike hit a depot"),
            ("Russian", "claims", "the strike hit a depot"),
        ],
    );
    // an outer cue takes the claim's content; the claim keeps its own source
    check(
        "The army dismissed the claim by the monitor that its jets had shelled the market.",
        &[
            ("The army", "dismissed", "its jets had shelled the market"),
            ("the monitor", "claim", "its jets had shelled the market"),
        ],
    );
    check(
        "Denials from the Tarsa government that its jets shelled the market were rejected.",
        &[(
            "the Tarsa government",
            "Denials",
            "its jets shelled the market were rejected",
        )],
    );
    let text =
        "The army shelled the market on Monday despite repeated denials by the Tarsa government.";
    check(
        text,
        &[(
            "the Tarsa government",
            "denials",
            "The army shelled the market on Monday",
        )],
    );
    let x = common::extract_one(text);
    assert_eq!(x.attributions[0].polarity, Polarity::Deny);
}

#[test]
fn nominal_look_alikes_are_no_attributions() {
    check("The claim was rejected by the court.", &[]);
    check("The claim by the monitor was rejected by the court.", &[]);
    // the verb, not the noun
    check(
        "Russia claims that the strike hit a depot.",
        &[("Russia", "claims", "the strike hit a depot")],
    );
    // a relative "that", and a modifier that names no party
    check(
        "The rebel claims that were rejected by the court concerned the bridge.",
        &[],
    );
    check("New allegations that the bridge was closed emerged.", &[]);
    // a denial after no preposition
    check("The strike drew denials from the Tarsa government.", &[]);
}

#[test]
fn content_before_its_source_leaves_out_the_dateline() {
    check(
        "KHARTOUM, June 3 - Shelling killed at least 14 people in the market, medics said.",
        &[(
            "medics",
            "said",
            "Shelling killed at least 14 people in the market",
        )],
    );
    check(
        "LVIV, Ukraine (AP) — A drone hit a power plant overnight, the governor said.",
        &[(
            "the governor",
            "said",
            "A drone hit a power plant overnight",
        )],
    );
    // not a dateline: a capitalized subject before a dash stays in the content
    check(
        "The Army — not the police — fired first, witnesses said.",
        &[(
            "witnesses",
            "said",
            "The Army — not the police — fired first",
        )],
    );
}

#[test]
fn signed_quotations_one_a_line() {
    // a list of quotations each signed after a dash, one a line, the dash after a space or not,
    // a right quotation mark opening a line, an initial in the name
    let text = "Voters on the debate.\n\n”The bridge matters more than the speeches.”― Ana Ruiz\n“Nobody talked about the harvest.” ― Tomas J. Berg\n“We want the clinic back.”— Lena Park";
    check(
        text,
        &[
            (
                "Ana Ruiz",
                "―",
                "The bridge matters more than the speeches.",
            ),
            ("Tomas J. Berg", "―", "Nobody talked about the harvest."),
            ("Lena Park", "—", "We want the clinic back."),
        ],
    );
    // a dash inside a line of narration after a quotation is no signature
    let text = "“The bridge is open.” — and then the shelling began again in the afternoon, and it went on.";
    assert!(triples(text).iter().all(|(s, _, _)| s != "and"));
}

#[test]
fn transcript_turns_run_to_their_paragraphs_end() {
    // a quotation left open over paragraphs, one turn a paragraph, the speaker in capitals
    let text = "Partial transcript:\n\n\"HOST: Let us start with the bridge. Will it reopen?\n\n\"MINISTER: It will reopen on Monday. The repairs are done.\n\n\"The convoys can pass after that.\n\n\"(CROSSTALK.)\n\n\"HOST: Thank you.";
    let x = common::extract_one(text);
    let turns: Vec<(String, Vec<&str>)> = x
        .attributions
        .iter()
        .filter(|a| &text[a.cue.clone()] == ":")
        .map(|a| {
            (
                text[a.source.clone().unwrap()].to_string(),
                a.content_parts().iter().map(|r| &text[r.clone()]).collect(),
            )
        })
        .collect();
    assert_eq!(
        turns,
        vec![
            (
                "HOST".to_string(),
                vec!["Let us start with the bridge.", "Will it reopen"]
            ),
            (
                "MINISTER".to_string(),
                vec![
                    "It will reopen on Monday.",
                    "The repairs are done",
                    "The convoys can pass after that"
                ]
            ),
            ("HOST".to_string(), vec!["Thank you."]),
        ]
    );
    // an unquoted turn runs to its paragraph's end, not over the next paragraph
    let text =
        "HOST: Let us start with the bridge. Will it reopen?\n\nThe minister did not answer.";
    let x = common::extract_one(text);
    let a = &x.attributions[0];
    let parts: Vec<&str> = a.content_parts().iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(
        parts,
        vec!["Let us start with the bridge", "Will it reopen"]
    );
    // a name in title case after an opening mark is no turn (a quotation that names someone)
    let text = "\"Ana Ruiz: a life\" is the film's title. It opened on Monday.";
    assert!(
        common::extract_one(text)
            .attributions
            .iter()
            .all(|a| text[a.cue.clone()] != *":")
    );
}

#[test]
fn an_ing_form_modifying_a_noun_is_no_cue_even_for_the_learned_layer() {
    let lx = gainsay::lexicon::Lexicon::builtin();
    // the words the learned layer's cue detector may read: an attributive -ing form is not one
    let candidates = |text: &str| -> Vec<String> {
        let seg = gainsay::segment::segment(text, 0, &lx);
        gainsay::extract::attrib::cue_candidates(&seg, 0, &lx, &[])
            .iter()
            .map(|k| text[seg.tokens[k.c0].range.clone()].to_string())
            .collect()
    };
    let text = "The London-based opposing Riverside Monitor said the raid on two villages killed 15 civilians.";
    let got = candidates(text);
    assert!(!got.contains(&"opposing".to_string()), "{got:?}");
    assert!(got.contains(&"said".to_string()), "{got:?}");
    // a participle with an object is a verb, and stays a candidate
    let got = candidates("The group opposing the deal said it would appeal.");
    assert!(got.contains(&"opposing".to_string()), "{got:?}");
    let learned = gainsay::extract::ExtractOptions {
        learned: true,
        ..Default::default()
    };
    let x = gainsay::extract::extract_with(common::doc("t", text), &lx, &learned);
    let cues: Vec<&str> = x
        .attributions
        .iter()
        .map(|a| &text[a.cue.clone()])
        .collect();
    assert_eq!(cues, vec!["said"], "{text}");
    assert!(
        x.attributions
            .iter()
            .all(|a| a.polarity == Polarity::Assert)
    );
}

#[test]
fn quoted_as_saying() {
    // the quoted phrase speaks; the quoting outlet's own attribution stays (and relays it)
    check(
        "SANA quoted a military source on Wednesday as saying the army had seized the village.",
        &[
            (
                "SANA",
                "quoted",
                "a military source on Wednesday as saying the army had seized the village",
            ),
            (
                "a military source",
                "saying",
                "the army had seized the village",
            ),
        ],
    );
}

#[test]
fn post_posed_apposition_after_a_clause_with_a_noun_like_verb() {
    // "remains" looks like a plural noun: the opening clause is no part of the source
    check(
        "The bridge remains closed, Jan Doe, a local engineer, said.",
        &[(
            "Jan Doe, a local engineer",
            "said",
            "The bridge remains closed",
        )],
    );
    check(
        "The port remains closed to shipping, the harbour master, Jan Doe, said on Monday.",
        &[(
            "the harbour master, Jan Doe",
            "said",
            "The port remains closed to shipping",
        )],
    );
    // a sentence-opening apposition is still the source
    check(
        "Jan Doe, the harbour master, said the ferry stayed in port.",
        &[(
            "Jan Doe, the harbour master",
            "said",
            "the ferry stayed in port",
        )],
    );
}

#[test]
fn participle_modifier_of_the_subject_belongs_to_the_source() {
    // the object of "fighting" is not who speaks
    check(
        "The coalition fighting the Islamic State group said on Monday it was assessing reports.",
        &[(
            "The coalition fighting the Islamic State group",
            "said",
            "it was assessing reports",
        )],
    );
}

#[test]
fn a_participle_after_a_word_inside_a_content_is_its_speakers() {
    // the hospital says nothing: the mission does
    let got = triples(
        "The UN mission condemned the air strike that hit a field hospital in Varosk on Monday night saying that seven people were killed, and it called for an inquiry.",
    );
    assert!(
        got.iter()
            .any(|(s, c, _)| s == "The UN mission" && c == "saying"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(s, _, _)| s.contains("hospital")),
        "{got:?}"
    );
}

#[test]
fn stripped_content_closed_by_a_pronoun_and_its_cue() {
    // "C, he said." with its comma stripped
    check_stripped(
        "The junta is spreading lies to the international media in order to tarnish the image of the army he said.",
        &[(
            "he",
            "said",
            "The junta is spreading lies to the international media in order to tarnish the image of the army",
        )],
    );
    // ... but not after an indefinite pronoun: "everything he said"
    check_stripped(
        "The minister repeated at the meeting in the capital on Monday everything he said.",
        &[],
    );
}

#[test]
fn stripped_locative_phrase_of_the_content_ends_before_the_name() {
    // "C in the town, Colonel Jan Doe said" with its comma stripped
    check_stripped(
        "The rebels shelled the market and killed many people in the town Colonel Jan Doe said.",
        &[(
            "Colonel Jan Doe",
            "said",
            "The rebels shelled the market and killed many people in the town",
        )],
    );
}

#[test]
fn stripped_source_opened_by_a_capitalized_rank() {
    // "C on Abiy Addi, Colonel Jan Doe said": a town no list knows, then the source
    check_stripped(
        "The army repelled the attack of the rebels on Abiy Addi Colonel Jan Doe said.",
        &[(
            "Colonel Jan Doe",
            "said",
            "The army repelled the attack of the rebels on Abiy Addi",
        )],
    );
    // "C under the control of the army, Colonel Jan Doe said": the army is the content's
    check_stripped(
        "The rebels attacked Varosh and the town remains under the control of the army Colonel Jan Doe said.",
        &[(
            "Colonel Jan Doe",
            "said",
            "The rebels attacked Varosh and the town remains under the control of the army",
        )],
    );
    // "C only, Colonel Jan Doe said": an adverb closes the content
    check_stripped(
        "Our air force carried out precise operations on military targets only Colonel Jan Doe said.",
        &[(
            "Colonel Jan Doe",
            "said",
            "Our air force carried out precise operations on military targets only",
        )],
    );
    // a title that is no rank keeps what stands before it: no source is cut out of "UN
    // Secretary General"
    let got = triples(&format!(
        "{STRIPPED_LEAD}The strikes killed 50 civilians a report from the UN Secretary General says."
    ));
    assert!(
        !got.iter().any(|(s, _, _)| s == "Secretary General"),
        "{got:?}"
    );
}

#[test]
fn held_responsible_is_an_accusation_only_with_its_adjective() {
    check(
        "The army held the M23 and its Rwandan sponsors responsible for the bombing of the camp.",
        &[(
            "The army",
            "held",
            "the M23 and its Rwandan sponsors responsible for the bombing of the camp",
        )],
    );
    check(
        "The coalition holds Russia directly and fully responsible for the war crimes.",
        &[(
            "The coalition",
            "holds",
            "Russia directly and fully responsible for the war crimes",
        )],
    );
    // no cue elsewhere: talks, a town, a time
    check("The president held talks with the envoy on Monday.", &[]);
    check("The army held the town for three days.", &[]);
    check("We will hold those responsible to account.", &[]);
}

#[test]
fn affirms_is_a_statement() {
    check(
        "The Command affirms that the militia shelled the market.",
        &[("The Command", "affirms", "the militia shelled the market")],
    );
}

#[test]
fn content_said_a_name_and_its_title_in_a_sentence_without_commas() {
    // what follows the cue is a name and its apposition, no clause: the name speaks
    check(
        "The missile attack on Karsk is a war crime against the civilian population said Jan Doe the assistant of the President of Ruritania.",
        &[(
            "Jan Doe the assistant of the President of Ruritania",
            "said",
            "The missile attack on Karsk is a war crime against the civilian population",
        )],
    );
    // a clause after the name is the content
    check(
        "Officials in the capital said Ali Rami was arrested at the border on Monday.",
        &[(
            "Officials in the capital",
            "said",
            "Ali Rami was arrested at the border on Monday",
        )],
    );
}

#[test]
fn a_country_after_towards_ends_the_content_before_a_bare_name_in_text_without_commas() {
    let text = "YEREVAN - The spokesperson of the Ministry of Defense of Armenia Shushan Stepanyan rejected the Azerbaijani claims that the Armenian side fired at Ganja calling them an absolute lie. No fire is being opened from the territory of the Republic of Armenia towards Azerbaijan Stepanyan said. She said the Azerbaijani side once again violated the humanitarian ceasefire by launching an offensive in the southern direction early Sunday. According to the Artsakh Defense Army the Azerbaijani armed forces shelled Stepanakert overnight with rocket artillery killing one civilian and wounding five others. Several residential buildings and a power substation were damaged.";
    let got = triples(text);
    assert!(
        got.iter().any(|(s, c, x)| s == "Stepanyan"
            && c == "said"
            && x == "No fire is being opened from the territory of the Republic of Armenia towards Azerbaijan"),
        "{got:#?}"
    );
}

#[test]
fn a_phrase_content_goes_on_past_a_coordinator_of_phrases() {
    // ", as well as": one phrase content, not a clause cut at its comma
    check(
        "The mission condemns the attack in Koui, as well as the killing of at least 15 civilians in Niem.",
        &[(
            "The mission",
            "condemns",
            "the attack in Koui, as well as the killing of at least 15 civilians in Niem",
        )],
    );
    // a comma before a new clause still ends it
    check(
        "The mission condemned the attack in Koui, which left the town without power.",
        &[("The mission", "condemned", "the attack in Koui")],
    );
}

#[test]
fn a_past_form_before_a_cue_word_is_no_source() {
    // "confirmed hits": an adjective after a verb, not "achieved" confirming
    check(
        "Our fighters targeted the forces with explosive devices and achieved confirmed hits; at least seven soldiers were wounded.",
        &[],
    );
    // a noun before the participle: a source
    check(
        "The survivors interviewed said the camp was shelled.",
        &[("The survivors interviewed", "said", "the camp was shelled")],
    );
}
