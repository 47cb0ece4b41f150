//! The releases an OS model speaks for, one pattern for every OS: a type
//! whose values are the releases, oldest first in a table, each with the
//! name `--os OS@NAME` takes.

/// A modelled release of one OS.
pub trait ModelRelease: Copy + PartialEq + Sized + 'static {
    /// The OS, as error messages name it.
    const OS: &'static str;

    /// Every modelled release, oldest first; the last is the newest.
    const ALL: &'static [Self];

    /// The name `--os OS@NAME` and the reports use.
    fn name(self) -> &'static str;

    /// The newest modelled release (the default).
    fn newest() -> Self {
        Self::ALL[Self::ALL.len() - 1]
    }

    /// The modelled releases' names, oldest first.
    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|r| r.name()).collect()
    }

    /// A release by its name (`None`: the newest); an unknown name is an
    /// error that lists the modelled ones.
    fn parse(name: Option<&str>) -> Result<Self, String> {
        match name {
            None => Ok(Self::newest()),
            Some(name) => Self::ALL
                .iter()
                .copied()
                .find(|r| r.name() == name)
                .ok_or_else(|| Self::unknown(name)),
        }
    }

    /// The error for a release name the model does not have.
    fn unknown(name: &str) -> String {
        format!(
            "unknown {} release {name:?}; modelled releases: {}",
            Self::OS,
            Self::names().join(", ")
        )
    }
}
