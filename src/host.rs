//! The host a run measures: its kernel release, whether IPv6 works, which
//! kinds of socket cannot be made here, and the platform whose model
//! predicts every case. Picking the platform is the only OS-specific part.

use crate::kind::Kind;
use crate::ladder::Anchors;
use crate::option::OptionSpec;
use crate::os::Os;
use crate::platform::fact::Fact;
use crate::platform::Platform;
use std::fmt;
use std::sync::Arc;

/// A machine whose sockets a model predicts: this one ([`Host::detect`]) or
/// a stock one of any modelled OS ([`Host::offline`]).
#[derive(Debug, Clone)]
pub struct Host {
    /// The kernel release (`uname -r` on Linux, the model's release offline,
    /// else `unknown`).
    pub kernel: String,
    /// Whether `::1` can be bound; without it the IPv6 kinds are skipped.
    pub ipv6: bool,
    /// Kinds whose sockets this host cannot create, with the OS's error
    /// (Windows has no unix datagram sockets; Wine no unix sockets at all).
    pub missing_kinds: Vec<(Kind, String)>,
    /// Kinds this run cannot set up for a reason of the environment (no temp
    /// dir for unix socket files), skipped once with the reason.
    pub skipped_kinds: Vec<(Kind, String)>,
    /// False for an offline model: nothing was measured, every row is the
    /// model's prediction alone.
    pub measured: bool,
    platform: Arc<dyn Platform>,
    /// The F-Stack probe that measures this host's cases instead of this
    /// process's own sockets ([`Host::fstack`]).
    probe: Option<Arc<crate::engine::fstack::Probe>>,
}

impl Host {
    /// Reads this host's facts. Fails when this OS has no model, when a
    /// fact the model needs cannot be read, or when the process is out of
    /// file descriptors.
    pub fn detect() -> Result<Host, HostError> {
        let ipv6 = ipv6_available();
        Ok(Host {
            kernel: kernel_release(),
            ipv6,
            missing_kinds: missing_kinds()?,
            skipped_kinds: skipped_kinds(),
            measured: true,
            platform: this_platform(ipv6)?,
            probe: None,
        })
    }

    /// FreeBSD 13.0's stack run in user space through F-Stack, measured by
    /// the probe program at `command` (built by `scripts/test-under-fstack`):
    /// the platform `freebsd-fstack`, never a FreeBSD host. Its facts are
    /// read from the running stack; only the raw path runs, and no unix
    /// kind. Fails when the probe cannot be started or does not answer.
    pub fn fstack(command: &std::path::Path) -> Result<Host, HostError> {
        use crate::engine::fstack::Probe;
        use crate::platform::fstack::FstackFreeBsd;
        let probe = Probe::start(command).map_err(HostError::Fact)?;
        let platform = FstackFreeBsd::read(&probe).map_err(HostError::Fact)?;
        Ok(Host::of_model(Arc::new(platform), true, Some(Arc::new(probe))))
    }

    /// A host that is a model's own world: its kinds are the ones the model
    /// can make, nothing is skipped for the environment.
    fn of_model(
        platform: Arc<dyn Platform>,
        measured: bool,
        probe: Option<Arc<crate::engine::fstack::Probe>>,
    ) -> Host {
        Host {
            kernel: platform.release(),
            ipv6: true,
            missing_kinds: platform
                .unsupported_kinds()
                .into_iter()
                .map(|(k, why)| (k, why.to_string()))
                .collect(),
            skipped_kinds: Vec::new(),
            measured,
            platform,
            probe,
        }
    }

    /// The F-Stack probe measuring this host, if it is measured that way.
    pub fn probe(&self) -> Option<&crate::engine::fstack::Probe> {
        self.probe.as_deref()
    }

    /// Whether cases are measured on this process's own sockets (not
    /// offline, and not through a probe of another stack): only then does
    /// socket2 run (effects and capacity run through a probe too).
    pub fn native(&self) -> bool {
        self.measured && self.probe.is_none()
    }

    /// The model of an OS with its stock facts, for any machine: nothing is
    /// measured. `release` picks a modelled release (default: the newest);
    /// another is [`HostError::UnknownRelease`], and [`Os::Other`] is
    /// [`HostError::NoModel`].
    pub fn offline(os: Os, release: Option<&str>) -> Result<Host, HostError> {
        use crate::platform::{freebsd, linux, macos, windows};
        // A model's constructor fails only on a release it does not know.
        let unknown = |_: String| HostError::UnknownRelease {
            os,
            release: release.unwrap_or_default().to_string(),
            modelled: crate::platform::releases(os),
        };
        let platform: Arc<dyn Platform> = match os {
            Os::Linux => Arc::new(linux::Linux::offline(release).map_err(unknown)?),
            Os::MacOs => Arc::new(macos::MacOs::offline(release).map_err(unknown)?),
            Os::FreeBsd => Arc::new(freebsd::FreeBsd::offline(release).map_err(unknown)?),
            Os::Windows => Arc::new(windows::Windows::offline(release).map_err(unknown)?),
            Os::Other => return Err(HostError::NoModel(os)),
        };
        Ok(Host::of_model(platform, false, None))
    }

    /// The platform, shared.
    pub fn platform_arc(&self) -> Arc<dyn Platform> {
        Arc::clone(&self.platform)
    }

    /// The platform whose model predicts this host's cases.
    pub fn platform(&self) -> &dyn Platform {
        self.platform.as_ref()
    }

    /// The OS modelled (Wine is [`Os::Windows`]; see [`Host::os_label`]).
    pub fn os(&self) -> Os {
        self.platform.os()
    }

    /// The platform as snapshots name it: Wine is kept apart from Windows.
    pub fn os_label(&self) -> &'static str {
        self.platform.label()
    }

    /// The host quantities an option's relative rungs are placed at.
    pub fn anchors(&self, option: &OptionSpec) -> Anchors {
        self.platform.anchors(option)
    }

    /// Limits read from the OS, for the report.
    pub fn limits(&self) -> Vec<Fact> {
        self.platform.facts()
    }

    /// Facts the OS does not expose, and how each was calibrated.
    pub fn calibrated(&self) -> Vec<Fact> {
        self.platform.calibrated()
    }
}

/// Why a [`Host`] cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HostError {
    /// [`Host::offline`] was asked for a release its OS's model does not
    /// have.
    UnknownRelease {
        /// The OS asked for.
        os: Os,
        /// The release as written.
        release: String,
        /// The releases that OS's model has.
        modelled: Vec<&'static str>,
    },
    /// sockmatrix has no model for this OS ([`Os::Other`]).
    NoModel(Os),
    /// A fact the model needs (a sysctl, a calibration probe) cannot be
    /// read on this host; the reason in a line.
    Fact(String),
    /// The process ran out of file descriptors while finding which kinds
    /// of socket this host can make: no property of the OS.
    FdExhausted(String),
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostError::UnknownRelease {
                os,
                release,
                modelled,
            } => write!(
                f,
                "unknown {os} release {release:?}; modelled releases: {}",
                modelled.join(", ")
            ),
            HostError::NoModel(os) => write!(f, "sockmatrix has no model for {os}"),
            HostError::Fact(why) => f.write_str(why),
            HostError::FdExhausted(e) => write!(f, "{}: {e}", crate::outcome::FD_EXHAUSTED),
        }
    }
}

impl std::error::Error for HostError {}

#[cfg(target_os = "linux")]
fn this_platform(ipv6: bool) -> Result<Arc<dyn Platform>, HostError> {
    use crate::platform::linux::{facts, Linux};
    Ok(Arc::new(Linux {
        facts: facts::read().map_err(HostError::Fact)?,
        release: kernel_release(),
        ipv6,
        stock: false,
    }))
}

#[cfg(windows)]
fn this_platform(ipv6: bool) -> Result<Arc<dyn Platform>, HostError> {
    use crate::platform::{windows::Windows, wine};
    Ok(match wine::facts::detect().map_err(HostError::Fact)? {
        Some(facts) => Arc::new(wine::Wine { facts, ipv6 }),
        None => Arc::new(Windows::from_host()),
    })
}

#[cfg(target_os = "macos")]
fn this_platform(_ipv6: bool) -> Result<Arc<dyn Platform>, HostError> {
    use crate::platform::{bsd, macos::MacOs};
    Ok(Arc::new(MacOs::from_host(bsd::facts::read())))
}

#[cfg(target_os = "freebsd")]
fn this_platform(_ipv6: bool) -> Result<Arc<dyn Platform>, HostError> {
    use crate::platform::{bsd, freebsd::FreeBsd};
    Ok(Arc::new(FreeBsd::from_host(bsd::facts::read())))
}

#[cfg(not(any(target_os = "linux", windows, target_os = "macos", target_os = "freebsd")))]
fn this_platform(_ipv6: bool) -> Result<Arc<dyn Platform>, HostError> {
    Err(HostError::NoModel(Os::this()))
}

#[cfg(target_os = "linux")]
fn kernel_release() -> String {
    crate::platform::linux::facts::kernel_release()
}

#[cfg(not(target_os = "linux"))]
fn kernel_release() -> String {
    "unknown".into()
}

/// Kinds whose socket() fails here, each with the error's name. Running
/// out of file descriptors is no property of the OS: it stops the run.
fn missing_kinds() -> Result<Vec<(Kind, String)>, HostError> {
    let mut missing = Vec::new();
    for k in Kind::ALL {
        // The Windows model is of an ordinary user, whom socket(SOCK_RAW)
        // refuses (WSAEACCES); CI runners and Wine run as Administrator or
        // root, where it would succeed: the raw kinds are left out there.
        if cfg!(windows) && k.is_raw() {
            missing.push((
                k,
                "not run on Windows (the model is of an ordinary user: WSAEACCES)".to_string(),
            ));
            continue;
        }
        let Err(e) = crate::fixture::new_socket(k) else {
            continue;
        };
        if crate::sys::is_fd_exhaustion(&e) {
            return Err(HostError::FdExhausted(e.to_string()));
        }
        let name = e
            .raw_os_error()
            .map_or_else(|| e.to_string(), crate::sys::error_name);
        missing.push((k, name));
    }
    Ok(missing)
}

/// Unix kinds need a directory for their socket files.
fn skipped_kinds() -> Vec<(Kind, String)> {
    match crate::fixture::SocketDir::new() {
        Ok(_) => Vec::new(),
        Err(e) => [Kind::UnixStream, Kind::UnixDgram, Kind::UnixSeqpacket]
            .into_iter()
            .map(|k| {
                (
                    k,
                    format!("no temp dir for unix socket files ({e}); set TMPDIR to a writable directory"),
                )
            })
            .collect(),
    }
}

fn ipv6_available() -> bool {
    let addr = std::net::SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, 0));
    std::net::UdpSocket::bind(addr).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::wine::Wine;

    /// An unknown release is a typed error that lists the modelled ones.
    #[test]
    fn an_unknown_release_or_os_is_a_typed_error() {
        let Err(e) = Host::offline(Os::MacOs, Some("9")) else {
            panic!("macOS 9 is not modelled");
        };
        assert_eq!(
            e,
            HostError::UnknownRelease {
                os: Os::MacOs,
                release: "9".into(),
                modelled: crate::platform::releases(Os::MacOs),
            }
        );
        assert_eq!(
            e.to_string(),
            "unknown macos release \"9\"; modelled releases: 10.15, 11, 14.3, 15"
        );
        assert!(matches!(
            Host::offline(Os::Other, None),
            Err(HostError::NoModel(Os::Other))
        ));
    }

    /// Every platform names each of its rules once, under its own prefix,
    /// explained and sourced (only "not modelled" rules may lack a source).
    #[test]
    fn every_platforms_rules_are_named_once_explained_and_sourced() {
        let mut platforms: Vec<(String, Arc<dyn Platform>)> = Os::MODELLED
            .into_iter()
            .map(|os| (os.name().to_string(), Host::offline(os, None).unwrap().platform))
            .collect();
        platforms.push(("wine".into(), Arc::new(Wine::offline())));
        let mut all: Vec<&str> = crate::library::rules().map(|r| r.id).collect();
        for (prefix, platform) in &platforms {
            for r in platform.rules() {
                assert!(
                    r.id.starts_with(&format!("{prefix}.")),
                    "{} is not under {prefix}.",
                    r.id
                );
                assert!(
                    !r.formula.is_empty() && !r.why.is_empty(),
                    "{} is not explained",
                    r.id
                );
                let unmodelled = r.id.ends_with("unmodelled") || r.id.ends_with("measured_only");
                assert!(
                    unmodelled || (r.source != "-" && !r.source.is_empty()),
                    "{} cites no source",
                    r.id
                );
                all.push(r.id);
            }
        }
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "a rule id is used twice");
    }
}
