//! Shared, immutable strings for what every document repeats: party names, places, frames,
//! cue lemmas, the words of generic claims' keys.
//!
//! A corpus of a million claims names a few thousand parties, places and words. Held as
//! `String`s, each mention is its own allocation (about 40 bytes of heap with the allocator's
//! overhead, besides the 24 inline); an [`IStr`] is 16 bytes inline and shares one allocation
//! with every equal string made on the same thread. That is what keeps `check` over a large
//! corpus within memory (README, "At scale").
//!
//! Sharing goes through a per-thread table: strings made on one thread are shared there, and a
//! table that grows past [`TABLE_CAP`] entries starts afresh (which only loses sharing, never
//! changes a value). An `IStr` compares, hashes, orders, prints and serializes as its text, so
//! the output is the same whichever thread made it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Entries one thread's table holds before it starts afresh.
pub const TABLE_CAP: usize = 1 << 20;

thread_local! {
    static TABLE: RefCell<HashSet<Arc<str>>> = RefCell::new(HashSet::new());
}

/// An immutable string shared with equal strings made on the same thread.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IStr(Arc<str>);

impl IStr {
    /// The shared string equal to `s`.
    pub fn new(s: &str) -> IStr {
        TABLE.with(|t| {
            let mut t = t.borrow_mut();
            if let Some(a) = t.get(s) {
                return IStr(a.clone());
            }
            if t.len() >= TABLE_CAP {
                t.clear();
            }
            let a: Arc<str> = Arc::from(s);
            t.insert(a.clone());
            IStr(a)
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for IStr {
    fn default() -> Self {
        IStr::new("")
    }
}

impl Deref for IStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for IStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for IStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for IStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for IStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for IStr {
    fn from(s: &str) -> Self {
        IStr::new(s)
    }
}

impl From<String> for IStr {
    fn from(s: String) -> Self {
        IStr::new(&s)
    }
}

impl From<&String> for IStr {
    fn from(s: &String) -> Self {
        IStr::new(s)
    }
}

impl From<IStr> for String {
    fn from(s: IStr) -> Self {
        s.0.to_string()
    }
}

impl PartialEq<str> for IStr {
    fn eq(&self, o: &str) -> bool {
        &*self.0 == o
    }
}

impl PartialEq<&str> for IStr {
    fn eq(&self, o: &&str) -> bool {
        &*self.0 == *o
    }
}

impl PartialEq<String> for IStr {
    fn eq(&self, o: &String) -> bool {
        *self.0 == **o
    }
}

impl PartialEq<IStr> for str {
    fn eq(&self, o: &IStr) -> bool {
        self == &*o.0
    }
}

impl PartialEq<IStr> for &str {
    fn eq(&self, o: &IStr) -> bool {
        *self == &*o.0
    }
}

impl PartialEq<IStr> for String {
    fn eq(&self, o: &IStr) -> bool {
        **self == *o.0
    }
}

impl Serialize for IStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for IStr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = IStr;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<IStr, E> {
                Ok(IStr::new(v))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_one_allocation_and_act_as_text() {
        let a = IStr::from("Syrian government");
        let b = IStr::from(String::from("Syrian government"));
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, "Syrian government");
        assert_eq!(a.as_str(), "Syrian government");
        let mut v = vec![IStr::from("b"), IStr::from("a")];
        v.sort();
        assert_eq!(v, ["a", "b"]);
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"Syrian government\"");
        let c: IStr = serde_json::from_str("\"Syrian government\"").unwrap();
        assert!(Arc::ptr_eq(&a.0, &c.0));
        // escapes are read as text
        let d: IStr = serde_json::from_str("\"al-\\u00c9\\\"x\\\"\"").unwrap();
        assert_eq!(d, "al-É\"x\"");
        // made on another thread: another allocation, the same string
        let e = std::thread::spawn(|| IStr::from("Syrian government"))
            .join()
            .unwrap();
        assert_eq!(a, e);
        assert!(!Arc::ptr_eq(&a.0, &e.0));
    }
}
