//! The place hierarchy of `places.tsv`: which place lies in which, whether two place names can
//! name one location, and the most specific places a list names. Used by extraction (ordering a
//! sentence's places), the graph (matching events) and the checker (whole and part of a toll).

use std::collections::BTreeSet;

use crate::lexicon::Lexicon;

/// Whether two places can name the same location: equal, or one lies in the other (a country is
/// too wide to count).
pub fn places_compatible(a: &str, b: &str, lx: &Lexicon) -> bool {
    if a == b {
        return true;
    }
    let is_region = |x: &str| place_parent(x, lx).is_some();
    (place_ancestors(a, lx).iter().any(|p| p == b) && is_region(b))
        || (place_ancestors(b, lx).iter().any(|p| p == a) && is_region(a))
}

/// The place a place lies in, from `places.tsv`.
fn place_parent(x: &str, lx: &Lexicon) -> Option<String> {
    lx.places
        .get(&x.to_lowercase())
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
        .get(&x.to_lowercase())
        .is_some_and(|p| p.parent.is_none())
}

/// Every place `p` lies in: its ancestors in the gazetteer, and — for a name the gazetteer does
/// not know — the widest known places its claim names with it ("the Bab Touma area of Old
/// Damascus", "al-Midan in Aleppo"; not a sibling district named beside it), with their
/// ancestors.
pub(crate) fn enclosing(p: &str, list: &[String], lx: &Lexicon) -> BTreeSet<String> {
    let ancestors = |x: &str| place_ancestors(x, lx);
    let mut out: BTreeSet<String> = ancestors(p).into_iter().collect();
    let known = |x: &str| lx.places.get(&x.to_lowercase()).is_some();
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
    let known = |x: &str| lx.places.get(&x.to_lowercase()).is_some();
    let widest = places
        .iter()
        .filter(|q| {
            known(q)
                && !places
                    .iter()
                    .any(|r| r != *q && place_ancestors(q, lx).contains(r))
        })
        .count();
    places
        .iter()
        .filter(|p| {
            !places.iter().any(|q| {
                q != *p && (known(q) || widest < 2) && enclosing(q, places, lx).contains(*p)
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
