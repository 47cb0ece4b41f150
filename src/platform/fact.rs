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

/// `text` followed by `[name=value, ...]` for each fact it names, so a
/// formula written with sysctl names shows this host's numbers.
pub fn with_numbers(text: String, facts: &[Fact]) -> String {
    let numbers: Vec<String> = facts
        .iter()
        .filter(|f| text.contains(f.name))
        .map(|f| format!("{}={}", f.name, f.value))
        .collect();
    if numbers.is_empty() {
        text
    } else {
        format!("{text} [{}]", numbers.join(", "))
    }
}
