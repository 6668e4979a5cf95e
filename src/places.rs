//! The place hierarchy of `places.tsv` and the world gazetteer `places-world.tsv`: which place
//! lies in which, whether two place names can name one location, the country of a place, and
//! the most specific places a list names. Used by extraction (ordering a sentence's places),
//! the graph (matching events) and the checker (whole and part of a toll).

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use crate::lexicon::{Lexicon, LexiconError, PhraseTable, Place, WordMap, WordSet};

/// The file name of the world gazetteer (derived from GeoNames by `scripts/gen-gazetteer`).
pub const WORLD_FILE: &str = "places-world.tsv";
/// The built-in world gazetteer.
pub static WORLD_BUILTIN: &str = include_str!("../resources/places-world.tsv");

/// Every place name known: the hand-written `places.tsv` and the world gazetteer, merged at
/// lookup — a name `places.tsv` lists is looked up there first, so it wins over the world
/// file. The built-in world file is parsed once, on first use, so a run that reads no place
/// never pays for its 37,000 names.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    hand: PhraseTable<Place>,
    world: World,
    /// Party aliases (`parties.tsv`, lower case): a name of the world file that is one is
    /// read as the party, as before the world file ("Russia denies", "Moscow said"); only
    /// `places.tsv` can make such a name a place too ("Damascus").
    parties: WordSet<String>,
}

#[derive(Debug, Clone, Default)]
enum World {
    #[default]
    Empty,
    Builtin,
    Custom(Arc<WorldTable>),
}

/// A world gazetteer, parsed without copying its names: the variants are slices of the file's
/// text (lower case, one space between words, as `scripts/gen-gazetteer` writes them), and
/// the rows of one place, which the file keeps together, share one [`Place`].
#[derive(Debug, Default)]
pub struct WorldTable {
    /// Each variant to its place (`NONE` for a first word that is no variant itself), and
    /// each first word of a variant to the longest variant (in words) starting with it.
    map: WordMap<&'static str, (u32, u8)>,
    places: Vec<Place>,
}

const NONE: u32 = u32::MAX;

impl WorldTable {
    fn get(&self, phrase: &str) -> Option<&Place> {
        self.map
            .get(phrase)
            .and_then(|&(i, _)| self.places.get(i as usize))
    }

    fn longest_by<'w>(&self, word: impl Fn(usize) -> Option<&'w str>) -> Option<(usize, &Place)> {
        let w0 = word(0)?;
        let &(i, max) = self.map.get(w0)?;
        let max = max as usize;
        let mut best = self.places.get(i as usize).map(|v| (1, v));
        if max > 1 {
            thread_local! {
                static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
            }
            KEY.with_borrow_mut(|key| {
                key.clear();
                key.push_str(w0);
                for n in 2..=max {
                    let Some(w) = word(n - 1) else { break };
                    key.push(' ');
                    key.push_str(w);
                    if let Some(v) = self.get(key.as_str()) {
                        best = Some((n, v));
                    }
                }
            });
        }
        best
    }

    fn len(&self) -> usize {
        self.map.len()
    }
}

impl Gazetteer {
    /// Adds a row of `places.tsv`.
    pub fn insert(&mut self, phrase: &str, place: Place) {
        self.hand.insert(phrase, place);
    }

    /// Uses the built-in world file when `text` is [`WORLD_BUILTIN`] itself (no `--resources`
    /// replacement), else parses `text` (`file` names it in errors).
    pub fn set_world(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        self.world = if std::ptr::eq(text, WORLD_BUILTIN) {
            World::Builtin
        } else {
            // (a replacement is read once per run: its text lives as long as the program)
            World::Custom(Arc::new(parse_world(
                file,
                Box::leak(text.to_string().into_boxed_str()),
            )?))
        };
        Ok(())
    }

    /// Sets the party aliases the world file yields to.
    pub fn set_parties(&mut self, aliases: impl IntoIterator<Item = String>) {
        self.parties = aliases.into_iter().collect();
    }

    fn world(&self) -> Option<&WorldTable> {
        match &self.world {
            World::Empty => None,
            World::Builtin => Some(builtin_world()),
            World::Custom(t) => Some(t),
        }
    }

    /// The place a lower-case phrase (words joined by one space) names.
    pub fn get(&self, phrase: &str) -> Option<&Place> {
        self.hand.get(phrase).or_else(|| {
            self.world()
                .and_then(|w| w.get(phrase))
                .filter(|_| !self.parties.contains(phrase))
        })
    }

    /// The place a lower-case phrase names in either file, party aliases included: for walking
    /// the hierarchy ("England" lies in the United Kingdom, whose name is a party's), not for
    /// reading text.
    pub fn place(&self, phrase: &str) -> Option<&Place> {
        self.hand
            .get(phrase)
            .or_else(|| self.world().and_then(|w| w.get(phrase)))
    }

    /// Whether `places.tsv` itself lists the phrase.
    pub fn is_hand_written(&self, phrase: &str) -> bool {
        self.hand.get(phrase).is_some()
    }

    /// The longest place name starting at token `i` (not reaching `end`): the hand-written
    /// file's, or a longer one of the world file. The world file is read only at a capitalized
    /// word or one with a particle ("al-Fashir"): its names are proper names, and most tokens
    /// are not. Its countries and its names that are party aliases are not matched here (a
    /// place anywhere): [`Gazetteer::get`] still finds them after "in" ("in France").
    pub fn longest_in(
        &self,
        toks: &[crate::segment::Token],
        i: usize,
        end: usize,
    ) -> Option<(usize, &Place)> {
        let hand = self.hand.longest_in(toks, i, end);
        let t = toks.get(i)?;
        if !(t.cap || t.lower.contains('-')) {
            return hand;
        }
        let end = end.min(toks.len());
        let world = self
            .world()
            .and_then(|w| w.longest_by(|k| (i + k < end).then(|| toks[i + k].lower.as_str())))
            .filter(|&(n, p)| {
                // a country is a place only where a place is expected ("in France"), not
                // wherever it is named ("France said")
                p.parent.is_some()
                    && !self.is_party(toks[i..i + n].iter().map(|t| t.lower.as_str()))
            });
        match (hand, world) {
            (Some(h), Some(w)) if w.0 > h.0 => Some(w),
            (Some(h), _) => Some(h),
            (None, w) => w,
        }
    }

    /// The longest place name starting at `words[i]` (lower-case words): as
    /// [`Gazetteer::longest_in`], for text already reduced to words.
    pub fn longest_at<S: AsRef<str>>(&self, words: &[S], i: usize) -> Option<(usize, &Place)> {
        let hand = self.hand.longest_at(words, i);
        let world = self
            .world()
            .and_then(|w| w.longest_by(|k| words.get(i + k).map(|w| w.as_ref())))
            .filter(|&(n, p)| {
                p.parent.is_some() && !self.is_party(words[i..i + n].iter().map(|w| w.as_ref()))
            });
        match (hand, world) {
            (Some(h), Some(w)) if w.0 > h.0 => Some(w),
            (Some(h), _) => Some(h),
            (None, w) => w,
        }
    }

    /// Whether words (lower case) are a party alias.
    fn is_party<'a>(&self, mut words: impl Iterator<Item = &'a str>) -> bool {
        if self.parties.is_empty() {
            return false;
        }
        let Some(first) = words.next() else {
            return false;
        };
        let mut key = first.to_string();
        for w in words {
            key.push(' ');
            key.push_str(w);
        }
        self.parties.contains(&key)
    }

    /// Indexes `places.tsv`'s names for the token flags (see `Lexicon::word_flags`); the world
    /// file is consulted at capitalized words whatever their flags.
    pub(crate) fn index(&mut self, flag: u64, words: &mut crate::lexicon::WordMap<String, u64>) {
        self.hand.index(flag, words);
    }

    /// The table of `places.tsv` alone.
    pub fn hand(&self) -> &PhraseTable<Place> {
        &self.hand
    }

    /// The names of `places.tsv` (the world file's are not listed).
    pub fn hand_keys(&self) -> impl Iterator<Item = &str> {
        self.hand.keys()
    }
}

fn builtin_world() -> &'static WorldTable {
    static WORLD: OnceLock<WorldTable> = OnceLock::new();
    WORLD.get_or_init(|| {
        // tested to parse (`the_world_gazetteer_parses_and_nests`): a failure is a build defect
        parse_world(&format!("resources/{WORLD_FILE}"), WORLD_BUILTIN).unwrap_or_default()
    })
}

/// The number of variants of the world gazetteer in use.
pub fn world_len(lx: &Lexicon) -> usize {
    lx.places.world().map_or(0, WorldTable::len)
}

/// Parses a world gazetteer: `variant <TAB> canonical <TAB> parent` rows, as in `places.tsv`
/// (its `@` rows belong in `places.tsv`). A variant is read in lower case with its words
/// joined by one space; a row that is not is an error.
pub fn parse_world(file: &str, text: &'static str) -> Result<WorldTable, LexiconError> {
    let err = |line: usize, message: String| LexiconError {
        file: file.to_string(),
        line,
        message,
    };
    let mut t = WorldTable::default();
    let lines = text.as_bytes().iter().filter(|&&c| c == b'\n').count();
    t.map.reserve(lines + lines / 8);
    let mut last: Option<(&str, &str)> = None;
    // one pass over the bytes of each line (this runs on 37,000 lines at a program's first
    // place lookup): its tabs, its word count, whether the variant is in normal form
    let mut rest = text;
    let mut line = 0;
    while !rest.is_empty() {
        line += 1;
        let b = rest.as_bytes();
        let n = b.iter().position(|&c| c == b'\n').unwrap_or(b.len());
        let l = rest[..n].trim_end_matches('\r');
        rest = &rest[(n + 1).min(rest.len())..];
        let lb = l.as_bytes();
        if lb.first() == Some(&b'#') || l.trim().is_empty() {
            continue;
        }
        let mut tabs = [usize::MAX; 2];
        let mut ntabs = 0;
        let mut words = 1;
        let mut normal = true;
        let mut first_end = usize::MAX;
        for (k, &c) in lb.iter().enumerate() {
            if c == b'\t' {
                if ntabs < 2 {
                    tabs[ntabs] = k;
                }
                ntabs += 1;
            } else if ntabs == 0 {
                if c == b' ' {
                    words += 1;
                    first_end = first_end.min(k);
                    normal &= k > 0 && lb[k - 1] != b' ';
                } else if c.is_ascii_uppercase() || (c.is_ascii_whitespace()) {
                    normal = false;
                } else if !c.is_ascii() {
                    normal &= !l[..l.find('\t').unwrap_or(l.len())]
                        .chars()
                        .any(|ch| ch.is_uppercase() || (ch.is_whitespace() && ch != ' '));
                }
            }
        }
        if ntabs < 2 {
            return Err(err(
                line,
                format!("expected 3 tab-separated columns, found {}", ntabs + 1),
            ));
        }
        let variant = &l[..tabs[0]];
        let canonical = l[tabs[0] + 1..tabs[1]].trim();
        let parent = l[tabs[1] + 1..].split('\t').next().unwrap_or("").trim();
        if canonical.starts_with('@') || canonical.is_empty() || parent.is_empty() {
            return Err(err(
                line,
                "a place row needs a canonical name and a parent or `-` (`@` rows go in \
                 places.tsv)"
                    .into(),
            ));
        }
        if !normal || variant.is_empty() || variant.ends_with(' ') {
            return Err(err(
                line,
                format!("variant `{variant}` must be lower case, its words joined by one space"),
            ));
        }
        if last != Some((canonical, parent)) {
            t.places.push(Place {
                canonical: canonical.to_string(),
                parent: (parent != "-").then(|| parent.to_string()),
            });
            last = Some((canonical, parent));
        }
        let idx = (t.places.len() - 1) as u32;
        let words = words.min(u8::MAX as usize) as u8;
        let e = t.map.entry(variant).or_insert((NONE, 1));
        e.0 = idx;
        if words > 1 {
            let e = t.map.entry(&variant[..first_end]).or_insert((NONE, 1));
            e.1 = e.1.max(words);
        }
    }
    Ok(t)
}

/// Whether two places can name the same location: equal, or one lies in the other (a country is
/// too wide to count).
pub fn places_compatible(a: &str, b: &str, lx: &Lexicon) -> bool {
    if a == b || same_unknown_name(a, b, lx) {
        return true;
    }
    let is_region = |x: &str| place_parent(x, lx).is_some();
    (place_ancestors(a, lx).iter().any(|p| p == b) && is_region(b))
        || (place_ancestors(b, lx).iter().any(|p| p == a) && is_region(a))
}

/// "al-Sulaymaniyah" and "Sulaymaniyah", "Al Kalassa" and "al-Kallaseh", "Sulemaniyeh" and
/// "Sulaymaniyah": one name written with and without its article (a name particle of
/// `places.tsv`) or transliterated two ways, when neither gazetteer knows either form. The
/// forms must share their consonant skeleton (see [`skeleton`]), of at least three letters.
pub fn same_unknown_name(a: &str, b: &str, lx: &Lexicon) -> bool {
    if a == b || is_known(a, lx) || is_known(b, lx) {
        return false;
    }
    let (sa, sb) = (skeleton(a, lx), skeleton(b, lx));
    sa.len() >= 3 && sa == sb
}

/// The form under which [`same_unknown_name`] matches a name no gazetteer knows (its consonant
/// skeleton, of three letters at least): the key that makes the decomposition put two
/// transliterations of one place in one group.
pub fn unknown_name_key(x: &str, lx: &Lexicon) -> Option<String> {
    if is_known(x, lx) {
        return None;
    }
    Some(skeleton(x, lx)).filter(|s| s.len() >= 3)
}

/// Whether a gazetteer (`places.tsv` or the world file) knows the place name.
pub fn is_known(x: &str, lx: &Lexicon) -> bool {
    lx.places.place(&x.to_lowercase()).is_some()
}

/// The consonants of a place name without its article, as transliterations of one name share
/// them: lower case, letters only, without a trailing generic head ("neighborhood"); vowels, a `y` or `w` that is no consonant (before another
/// consonant or at the end) and a final `h` dropped; doubled letters written once ("al-Kallaseh"
/// → "kls", "Sulaymaniyah" → "slmny").
fn skeleton(x: &str, lx: &Lexicon) -> String {
    let mut lower = x.to_lowercase();
    // a generic head kept with the name ("Sulaymaniyah neighborhood") is no part of it
    while let Some((name, last)) = lower.rsplit_once(' ') {
        if !lx.place_heads.contains(last) {
            break;
        }
        lower = name.to_string();
    }
    // the article: a particle ending in `-` ("al-"), or a particle word ("Al Kalassa")
    let rest = lx
        .particles
        .iter()
        .filter_map(|p| match p.strip_suffix('-') {
            Some(_) => lower.strip_prefix(p.as_str()),
            None => lower
                .strip_prefix(p.as_str())
                .and_then(|r| r.strip_prefix(' ')),
        })
        .min_by_key(|r| r.len())
        .unwrap_or(&lower);
    let letters: Vec<char> = rest.chars().filter(|c| c.is_ascii_lowercase()).collect();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let mut out = String::new();
    for (i, &c) in letters.iter().enumerate() {
        let next = letters.get(i + 1).copied();
        let keep = match c {
            c if vowel(c) => false,
            'y' | 'w' => next.is_some_and(vowel),
            'h' => next.is_some(),
            _ => true,
        };
        if keep && !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The country a place lies in: the widest place of its chain, itself for a country; `None`
/// for a name neither gazetteer knows. ("Kharkiv" → Ukraine, "El Fasher" → Sudan.)
pub fn country_of(x: &str, lx: &Lexicon) -> Option<String> {
    let p = lx.places.place(&x.to_lowercase())?;
    Some(
        place_ancestors(&p.canonical, lx)
            .pop()
            .unwrap_or_else(|| p.canonical.clone()),
    )
}

/// Whether a place is a settlement or a site rather than a country or an administrative
/// region: a place of the gazetteers lying in at least two others (a town, its region, its
/// country), or a name neither gazetteer knows (reports name unknown villages, rarely unknown
/// provinces). What "the town" or "the village" can refer back to.
pub fn is_settlement(x: &str, lx: &Lexicon) -> bool {
    !is_known(x, lx) || place_ancestors(x, lx).len() >= 2
}

/// The countries a list of places lies in (a document's or an event's), in the order their
/// places come, each once: what a document's region is read from.
pub fn countries_of(places: &[String], lx: &Lexicon) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in places {
        if let Some(c) = country_of(p, lx) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// The place a place lies in, from `places.tsv` or the world gazetteer.
fn place_parent(x: &str, lx: &Lexicon) -> Option<String> {
    lx.places
        .place(&x.to_lowercase())
        .and_then(|p| p.parent.clone())
}

/// Every place `x` lies in, nearest first (a village, its district, its governorate, its
/// country). Bounded, so a cycle in a user's `places.tsv` cannot loop.
pub fn place_ancestors(x: &str, lx: &Lexicon) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = x.to_string();
    while let Some(p) = place_parent(&cur, lx) {
        if out.contains(&p) || out.len() >= 8 || p == x {
            break;
        }
        out.push(p.clone());
        cur = p;
    }
    out
}

/// A place known to lie in no other (a country): too wide to tell events apart, so it neither
/// clashes with nor supports another place.
pub(crate) fn is_root_place(x: &str, lx: &Lexicon) -> bool {
    lx.places
        .place(&x.to_lowercase())
        .is_some_and(|p| p.parent.is_none())
}

/// Every place `p` lies in: its ancestors in the gazetteer, and — for a name the gazetteer does
/// not know — the widest known places its claim names with it ("the Bab Touma area of Old
/// Damascus", "al-Midan in Aleppo"; not a sibling district named beside it), with their
/// ancestors.
pub(crate) fn enclosing(p: &str, list: &[String], lx: &Lexicon) -> BTreeSet<String> {
    let ancestors = |x: &str| place_ancestors(x, lx);
    let mut out: BTreeSet<String> = ancestors(p).into_iter().collect();
    let known = |x: &str| lx.places.place(&x.to_lowercase()).is_some();
    if !known(p) {
        let widest = list
            .iter()
            .filter(|q| known(q) && !list.iter().any(|r| r != *q && ancestors(q).contains(r)));
        for q in widest {
            out.insert(q.clone());
            out.extend(ancestors(q));
        }
    }
    out
}

/// The most specific places a list names: those no other place of the list lies in. A name the
/// gazetteer does not know, named with several unrelated known places ("al-Midan" with Aleppo and
/// Homs), lies in one of them but not in which: it hides none of them.
pub(crate) fn footprint(places: &[String], lx: &Lexicon) -> BTreeSet<String> {
    let known = |x: &str| lx.places.place(&x.to_lowercase()).is_some();
    let widest = places
        .iter()
        .filter(|q| {
            known(q)
                && !places
                    .iter()
                    .any(|r| r != *q && place_ancestors(q, lx).contains(r))
        })
        .count();
    // "Kafr Takharim in Idlib": a city that gives its name to the region another place of the
    // list lies in ("Idlib governorate") stands for that region there
    let names_region = |p: &str, q: &str| {
        let stem = format!("{} ", p.to_lowercase());
        place_ancestors(q, lx)
            .iter()
            .any(|a| a.to_lowercase().starts_with(&stem))
    };
    places
        .iter()
        .filter(|p| {
            !places.iter().any(|q| {
                q != *p
                    && (known(q) || widest < 2)
                    && (enclosing(q, places, lx).contains(*p) || (known(q) && names_region(p, q)))
            })
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_city_named_after_the_region_of_another_place_stands_for_that_region() {
        // "Kafr Takharim in Idlib": Idlib is the province Kafr Takharim lies in
        let lx = Lexicon::builtin();
        let f = footprint(&names(&["Kafr Takharim", "Idlib"]), &lx);
        assert_eq!(f.into_iter().collect::<Vec<_>>(), ["Kafr Takharim"]);
        // two towns of one province are two places
        let f = footprint(&names(&["Kafr Takharim", "Saraqib"]), &lx);
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn an_unknown_name_with_and_without_its_article_is_one_place() {
        let lx = Lexicon::builtin();
        assert!(places_compatible("al-Varnesiyah", "Varnesiyah", &lx));
        assert!(places_compatible("Varnesiyah", "Al-Varnesiyah", &lx));
        // transliterated two ways
        assert!(places_compatible("Al Kalassa", "al-Kallaseh", &lx));
        assert!(places_compatible("Varlaymaniyah", "Varlemaniyeh", &lx));
        // a known place keeps its own spellings; other consonants are another name
        assert!(!places_compatible("al-Bab", "Bab", &lx));
        assert!(!places_compatible("al-Varnesiyah", "Varnes", &lx));
        assert!(!places_compatible("Kafr Varel", "Kafr Vasel", &lx));
    }

    #[test]
    fn a_name_the_gazetteer_does_not_know_lies_in_the_widest_place_named_with_it() {
        let lx = Lexicon::builtin();
        // "Qasr Lilac" is unknown: it lies in Old Damascus, hence in Damascus and upwards
        let list = names(&["Qasr Lilac", "Old Damascus"]);
        let e = enclosing("Qasr Lilac", &list, &lx);
        assert!(
            e.contains("Old Damascus") && e.contains("Damascus"),
            "{e:?}"
        );
        // a known place lies only in its own ancestors
        let e = enclosing("Sukkari", &names(&["Sukkari", "Hamdaniyeh"]), &lx);
        assert!(e.contains("Aleppo") && !e.contains("Hamdaniyeh"), "{e:?}");
        assert!(is_root_place("Syria", &lx) && !is_root_place("Aleppo", &lx));
    }

    #[test]
    fn a_city_and_its_oblast_leave_the_city() {
        let lx = Lexicon::builtin();
        let fp = footprint(&names(&["Kharkiv Oblast", "Kharkiv"]), &lx);
        assert_eq!(fp.into_iter().collect::<Vec<_>>(), names(&["Kharkiv"]));
    }

    #[test]
    fn the_footprint_keeps_the_most_specific_places() {
        let lx = Lexicon::builtin();
        let fp = footprint(&names(&["Handarat", "Aleppo"]), &lx);
        assert_eq!(fp.into_iter().collect::<Vec<_>>(), names(&["Handarat"]));
        let fp = footprint(&names(&["Sukkari", "Hamdaniyeh", "Aleppo"]), &lx);
        assert_eq!(
            fp.into_iter().collect::<Vec<_>>(),
            names(&["Hamdaniyeh", "Sukkari"])
        );
        // an unknown name lies in the one known place named with it ...
        let fp = footprint(&names(&["Qasr Lilac", "Aleppo"]), &lx);
        assert_eq!(fp.into_iter().collect::<Vec<_>>(), names(&["Qasr Lilac"]));
        // ... but named with two cities, it hides neither
        let fp = footprint(&names(&["Qasr Lilac", "Aleppo", "Homs"]), &lx);
        assert_eq!(
            fp.into_iter().collect::<Vec<_>>(),
            names(&["Aleppo", "Homs", "Qasr Lilac"])
        );
    }
}
