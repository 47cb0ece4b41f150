//! A rule is one documented behaviour of an OS or of an API path, with the
//! place it was read from. The CLI, the JSON report and the snapshots print
//! the same id, so a value can always be traced back to its source.

/// One documented behaviour, with where it was read.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, `os.area.behaviour`.
    pub id: &'static str,
    /// The rule as a formula over the request `v` and host symbols.
    pub formula: &'static str,
    /// One line: what happens and why.
    pub why: &'static str,
    /// File and function (or document) the rule was read from.
    pub source: &'static str,
}

/// Defines a file's rule consts and, with them, its `RULES` list, so that
/// the list cannot miss a rule the file defines.
#[macro_export]
#[doc(hidden)]
macro_rules! rules {
    ($($(#[$meta:meta])* pub const $name:ident: Rule = $rule:expr;)*) => {
        $($(#[$meta])* pub const $name: $crate::rule::Rule = $rule;)*

        /// Every rule this file defines.
        pub const RULES: &[&$crate::rule::Rule] = &[$(&$name),*];
    };
}
