//! The README's "use it from your own tests" example, as it stands there,
//! and the public entry points on this host.

use sockmatrix::{Api, Case, Host, Kind, Outcome, Request, State, Value};

#[test]
fn the_receive_buffer_is_what_the_os_makes_of_it() {
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::DGRAM, None).unwrap();
    socket.set_recv_buffer_size(100_000).unwrap();
    let got = socket.recv_buffer_size().unwrap() as i128;

    let host = Host::detect().unwrap();
    let case = Case::new(
        "SO_RCVBUF",
        Kind::Udp4,
        State::Fresh,
        Api::Socket2,
        Request::set(100_000),
    )
    .unwrap();
    let prediction = sockmatrix::predict(&case, &host);
    // Linux: 200000 (doubled); macOS, FreeBSD, Windows: 100000.
    assert_eq!(prediction.expected.outcome(), Outcome::Ok(Value::Int(got)));
    for rule in &prediction.rules {
        println!("{}: {} ({})", rule.id, rule.why, rule.source);
    }
}

/// The README's example is this file's first test, word for word.
#[test]
fn the_readme_shows_this_example() {
    let root = std::env::var("INSTA_WORKSPACE_ROOT").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    let readme = std::fs::read_to_string(std::path::Path::new(&root).join("README.md")).expect("README.md");
    let this = include_str!("api.rs");
    let start = this.find("#[test]\nfn the_receive_buffer").expect("the example");
    let end = this[start..].find("\n}\n").expect("its end") + start + 3;
    assert!(
        readme.contains(&this[start..end]),
        "README's example differs from tests/suite/api.rs"
    );
}

#[test]
fn observe_and_predict_agree_on_a_few_cases() {
    let host = Host::detect().unwrap();
    for (option, kind, value) in [
        ("SO_KEEPALIVE", Kind::Tcp4, 1),
        ("IP_TTL", Kind::Udp4, 7),
        ("SO_SNDBUF", Kind::UnixDgram, 4096),
    ] {
        if host.missing_kinds.iter().any(|(k, _)| *k == kind) {
            continue;
        }
        let case = Case::new(option, kind, State::Fresh, Api::Raw, Request::set(value)).unwrap();
        assert_eq!(
            sockmatrix::observe(&case),
            sockmatrix::predict(&case, &host).expected.outcome(),
            "{case}"
        );
    }
    assert!(Case::new("SO_NOPE", Kind::Tcp4, State::Fresh, Api::Raw, Request::Default).is_err());
    assert!(Case::new(
        "SO_KEEPALIVE",
        Kind::Udp4,
        State::Listening,
        Api::Raw,
        Request::Default
    )
    .is_err());
}

/// A request of the wrong type is refused where the case is made, with a
/// typed error, so no model is ever asked it (it used to predict EINVAL on
/// Linux and macOS and the default on Windows).
#[test]
fn a_mistyped_request_is_a_typed_error() {
    let err = Case::new("SO_LINGER", Kind::Tcp4, State::Fresh, Api::Raw, Request::set(1)).unwrap_err();
    assert!(
        matches!(
            err,
            sockmatrix::CaseError::WrongType {
                option: "SO_LINGER",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "SO_LINGER takes a linger (on:SECS or off), not 1"
    );
    let err = Case::new("SO_NOPE", Kind::Tcp4, State::Fresh, Api::Raw, Request::Default).unwrap_err();
    assert_eq!(err, sockmatrix::CaseError::UnknownOption("SO_NOPE".into()));
}
