//! A named fact a model uses, typed all the way to the renderer.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactValue {
    Int(i128),
    Bool(bool),
    Text(String),
}

impl fmt::Display for FactValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactValue::Int(v) => write!(f, "{v}"),
            FactValue::Bool(v) => write!(f, "{v}"),
            FactValue::Text(v) => f.write_str(v),
        }
    }
}

impl From<i128> for FactValue {
    fn from(v: i128) -> Self {
        FactValue::Int(v)
    }
}

impl From<bool> for FactValue {
    fn from(v: bool) -> Self {
        FactValue::Bool(v)
    }
}

impl From<String> for FactValue {
    fn from(v: String) -> Self {
        FactValue::Text(v)
    }
}

impl From<&str> for FactValue {
    fn from(v: &str) -> Self {
        FactValue::Text(v.to_string())
    }
}

/// A named number, flag or text for the report's host section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub name: &'static str,
    pub value: FactValue,
    /// How it was obtained: the probe for a calibrated fact, the source for
    /// an offline model's stock value.
    pub how: Option<&'static str>,
}

impl Fact {
    pub fn new(name: &'static str, value: impl Into<FactValue>) -> Fact {
        Fact {
            name,
            value: value.into(),
            how: None,
        }
    }

    pub fn with_how(name: &'static str, value: impl Into<FactValue>, how: &'static str) -> Fact {
        Fact {
            name,
            value: value.into(),
            how: Some(how),
        }
    }
}

/// Whether `text` names `name` as a whole word (`pid`, not the `pid` of
/// `pidfd`).
fn names(text: &str, name: &str) -> bool {
    let part_of_a_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    text.match_indices(name).any(|(at, _)| {
        !part_of_a_word(text[..at].chars().next_back())
            && !part_of_a_word(text[at + name.len()..].chars().next())
    })
}

/// `text` followed by `[name=value, ...]` for each fact it names, so a
/// formula written with sysctl names shows this host's numbers.
pub fn with_numbers(text: String, facts: &[Fact]) -> String {
    let numbers: Vec<String> = facts
        .iter()
        .filter(|f| names(&text, f.name))
        .map(|f| format!("{}={}", f.name, f.value))
        .collect();
    if numbers.is_empty() {
        text
    } else {
        format!("{text} [{}]", numbers.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_is_shown_where_the_text_names_it_as_a_word() {
        let facts = [Fact::new("pid", 7), Fact::new("net.core.rmem_max", 9)];
        assert_eq!(
            with_numbers("ucred(pid, euid)".into(), &facts),
            "ucred(pid, euid) [pid=7]"
        );
        assert_eq!(with_numbers("a pidfd".into(), &facts), "a pidfd");
        assert_eq!(
            with_numbers("2*net.core.rmem_max".into(), &facts),
            "2*net.core.rmem_max [net.core.rmem_max=9]"
        );
    }
}
