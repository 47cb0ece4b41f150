//! How each library turns a Rust `Duration` (finer than the C types) into
//! the OS's linger or timeval, before its usual conversions of those: the
//! fraction it drops, rounds up or refuses. socket2 (and tokio, which calls
//! it) truncates, so a timeout under 1 µs (1 ms on Windows) becomes "no
//! timeout" and a linger under 1 s an abortive close; std rounds a timeout
//! up to 1 µs and refuses zero; rustix rounds up and refuses zero. nix takes
//! the C struct itself and cannot say a `Duration`.

use super::Sent;
use crate::api::Api;
use crate::case::Request;
use crate::option::Shape;
use crate::os::Os;
use crate::prediction::Expected;
use crate::rule::Rule;
use crate::value::RelativeValue;

/// What a path that cannot take a `Duration` makes of one: nothing is sent.
pub const INEXPRESSIBLE: &str = "INEXPRESSIBLE";

crate::rules! {
    pub const NOT_A_DURATION_CALL: Rule = Rule {
        id: "path.no_duration",
        formula: "a Duration through a call that takes the C struct or an int => not askable",
        why: "the raw call and nix take `struct linger` / `struct timeval` as the caller fills them, in whole seconds and microseconds: a Rust Duration is not a value they can be given (the matrix never asks it; a model asked anyway answers INEXPRESSIBLE)",
        source: "the C types: struct linger {int l_onoff; int l_linger} and struct timeval {time_t tv_sec; suseconds_t tv_usec}; nix 0.32.0 src/sys/socket/sockopt.rs Linger (libc::linger) and ReceiveTimeout / SendTimeout (TimeVal)",
    };
    pub const SOCKET2_TIMEOUT_MICROS_TRUNCATED: Rule = Rule {
        id: "socket2.timeout_micros_truncated",
        formula: "tv = (secs, subsec_micros): nanoseconds dropped",
        why: "socket2 builds the timeval from the Duration's whole seconds and `subsec_micros()`, dropping what is under a microsecond",
        source: "socket2 0.6.5 src/sys/unix.rs into_timeval, lines 1249-1262 (`tv_usec: duration.subsec_micros()`)",
    };
    pub const SOCKET2_TIMEOUT_BECAME_NONE: Rule = Rule {
        id: "socket2.timeout_became_none",
        formula: "0 < d < 1 µs (Windows: 1 ms) => sent as 0, no timeout",
        why: "a Duration shorter than the unit socket2 keeps (a microsecond; a millisecond on Windows) is sent as 0, which the OS reads as no timeout at all: the call then blocks forever",
        source: "socket2 0.6.5 src/sys/unix.rs into_timeval, lines 1249-1262; src/sys/windows.rs into_ms, lines 798-810 (`duration.as_millis()`, truncated)",
    };
    pub const SOCKET2_LINGER_FRACTION_DROPPED: Rule = Rule {
        id: "socket2.linger_fraction_dropped",
        formula: "l_linger = d.as_secs(): the fraction of a second dropped",
        why: "socket2 sends a linger Duration's whole seconds (`as_secs()`), dropping the fraction",
        source: "socket2 0.6.5 src/socket.rs into_linger, lines 1188-1199 (`l_linger: duration.as_secs() as _`)",
    };
    pub const SOCKET2_LINGER_BECAME_ABORTIVE: Rule = Rule {
        id: "socket2.linger_became_abortive",
        formula: "0 < d < 1 s => linger {1, 0}, an abortive close",
        why: "a linger Duration under a second is sent as {1, 0}: close() then resets the connection (RST) and drops unsent data, where a graceful close of up to that long was asked",
        source: "socket2 0.6.5 src/socket.rs into_linger, lines 1188-1199",
    };
    pub const SOCKET2_KEEPALIVE_FRACTION_DROPPED: Rule = Rule {
        id: "socket2.keepalive_fraction_dropped",
        formula: "secs = d.as_secs(): the fraction of a second dropped",
        why: "socket2 sends a keepalive time or interval as the Duration's whole seconds, so 1.5 s is 1 s and 0.5 s is 0 (which Linux refuses with EINVAL)",
        source: "socket2 0.6.5 src/sys/unix.rs into_secs, lines 1334-1336 (`min(duration.as_secs(), c_int::MAX as u64)`), used by set_tcp_keepalive, lines 1283-1285",
    };
    pub const SOCKET2_USER_TIMEOUT_MS_TRUNCATED: Rule = Rule {
        id: "socket2.user_timeout_ms_truncated",
        formula: "ms = d.as_millis(): under a millisecond dropped",
        why: "socket2 sends TCP_USER_TIMEOUT as the Duration's whole milliseconds; one under 1 ms is sent as 0, which means the system default, not a short timeout",
        source: "socket2 0.6.5 src/sys/unix.rs set_tcp_user_timeout, lines 2553-2555 (`min(to.as_millis(), c_uint::MAX)`)",
    };
    pub const SOCKET2_USER_TIMEOUT_BECAME_DEFAULT: Rule = Rule {
        id: "socket2.user_timeout_became_default",
        formula: "0 < d < 1 ms => 0, the system default",
        why: "a TCP user timeout under a millisecond is sent as 0, which Linux reads as \"use the system default\" (retransmissions decide, minutes), the opposite of a short timeout",
        source: "socket2 0.6.5 src/sys/unix.rs set_tcp_user_timeout, lines 2553-2555; Linux man-pages tcp(7), TCP_USER_TIMEOUT (\"If the option value is specified as 0, TCP will use the system default\")",
    };
    pub const RUSTIX_SECS_ROUNDED_UP: Rule = Rule {
        id: "rustix.secs_rounded_up",
        formula: "secs = ceil(d / 1 s)",
        why: "rustix rounds a keepalive Duration up to whole seconds (1.5 s is 2 s, 0.5 s is 1 s), so it never asks less than was given",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs set_tcp_keepidle / set_tcp_keepintvl, lines 794 and 806, and duration_to_secs, lines 1166-1172",
    };
    pub const STD_ZERO_TIMEOUT_REFUSED: Rule = Rule {
        id: "std.zero_timeout_refused",
        formula: "Some(Duration::ZERO) => InvalidInput, no syscall",
        why: "std refuses a zero timeout itself (io::Error::ZERO_TIMEOUT, \"cannot set a 0 duration timeout\") before any setsockopt: None is how std says no timeout",
        source: "std 1.95.0 library/std/src/sys/net/connection/socket/unix.rs set_timeout, lines 388-390; library/std/src/io/error.rs ZERO_TIMEOUT, lines 103-104; windows.rs set_timeout (read at rust-lang/rust 0c28822)",
    };
    pub const STD_TIMEOUT_MICROS_TRUNCATED: Rule = Rule {
        id: "std.timeout_micros_truncated",
        formula: "tv = (secs, subsec_micros); (0, 0) => (0, 1)",
        why: "std builds the timeval from whole seconds and `subsec_micros()`, dropping nanoseconds, but turns a result of 0 (a Duration under 1 µs) into 1 µs so that it stays a timeout",
        source: "std 1.95.0 library/std/src/sys/net/connection/socket/unix.rs set_timeout, lines 397-403",
    };
    pub const RUSTIX_ZERO_TIMEOUT_REFUSED: Rule = Rule {
        id: "rustix.zero_timeout_refused",
        formula: "Some(Duration::ZERO) => EINVAL, no syscall",
        why: "rustix refuses a zero timeout itself with EINVAL before any setsockopt",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs duration_to_linux_sock_timeval, lines 285-287; src/backend/libc/net/sockopt.rs set_socket_timeout, lines 233-234 (Unix) and 265 (Windows)",
    };
    pub const RUSTIX_TIMEOUT_MICROS_ROUNDED_UP: Rule = Rule {
        id: "rustix.timeout_micros_rounded_up",
        formula: "usec = ceil(subsec_nanos / 1000), carried into seconds",
        why: "rustix rounds a Duration's nanoseconds up to whole microseconds (carrying into the seconds), so a timeout never becomes shorter, nor none",
        source: "rustix 1.1.6 src/timespec.rs Timespec::to_sec_usec, lines 210-218 (`(self.tv_nsec + 999) / 1000`); src/backend/linux_raw/net/sockopt.rs duration_to_linux_sock_timeval, line 296",
    };
    pub const RUSTIX_LINGER_ROUNDED_UP: Rule = Rule {
        id: "rustix.linger_rounded_up",
        formula: "l_linger = ceil(d / 1 s)",
        why: "rustix rounds a linger Duration up to whole seconds, so 500 ms lingers 1 s (socket2 sends 0, an abortive close)",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs set_socket_linger, line 173, and duration_to_secs, lines 1166-1172",
    };
}

/// Whether a call of this Rust type takes a `Duration`.
pub fn takes_duration(shape: Option<Shape>) -> bool {
    matches!(
        shape,
        Some(
            Shape::Linger
                | Shape::LingerChecked
                | Shape::Timeout
                | Shape::TimeoutChecked
                | Shape::Secs
                | Shape::SecsChecked
                | Shape::OptMillis
        )
    )
}

/// The request with a `Duration` turned into the linger or timeval the
/// library builds from it on `os`, or the library's own refusal. Requests
/// of other values pass unchanged.
pub fn to_c(
    os: Os,
    api: Api,
    shape: Shape,
    request: &Request,
    rules: &mut Vec<&'static Rule>,
) -> Result<Request, Box<Sent>> {
    let Request::Set(RelativeValue::Duration(nanos)) = request else {
        return Ok(request.clone());
    };
    let nanos = nanos.value();
    let (secs, subsec) = (nanos / 1_000_000_000, nanos % 1_000_000_000);
    let windows = os == Os::Windows;
    let linger = matches!(shape, Shape::Linger | Shape::LingerChecked);
    // Whole seconds (keepalive) or milliseconds (TCP_USER_TIMEOUT), as ints.
    match shape {
        Shape::Secs => {
            if subsec != 0 {
                rules.push(&SOCKET2_KEEPALIVE_FRACTION_DROPPED);
            }
            return Ok(Request::Set(RelativeValue::int(secs)));
        }
        Shape::SecsChecked => {
            if subsec != 0 {
                rules.push(&RUSTIX_SECS_ROUNDED_UP);
            }
            return Ok(Request::Set(RelativeValue::int(secs + i128::from(subsec != 0))));
        }
        Shape::OptMillis => {
            if nanos % 1_000_000 != 0 {
                rules.push(&SOCKET2_USER_TIMEOUT_MS_TRUNCATED);
                if nanos < 1_000_000 {
                    rules.push(&SOCKET2_USER_TIMEOUT_BECAME_DEFAULT);
                }
            }
            return Ok(Request::Set(RelativeValue::int(nanos / 1_000_000)));
        }
        _ => {}
    }
    let value = match (api, linger) {
        // tokio's set_linger is socket2's (SockRef / TcpSocket).
        (Api::Socket2 | Api::Tokio, true) => {
            if subsec != 0 {
                rules.push(&SOCKET2_LINGER_FRACTION_DROPPED);
                if secs == 0 {
                    rules.push(&SOCKET2_LINGER_BECAME_ABORTIVE);
                }
            }
            RelativeValue::linger(1, secs)
        }
        (Api::Socket2 | Api::Tokio, false) if windows => {
            // Whole milliseconds, truncated (into_ms).
            let ms = nanos / 1_000_000;
            if nanos % 1_000_000 != 0 {
                rules.push(&super::socket2::TIMEOUT_MS_TRUNCATED);
                if ms == 0 {
                    rules.push(&SOCKET2_TIMEOUT_BECAME_NONE);
                }
            }
            RelativeValue::time(ms / 1000, (ms % 1000) * 1000)
        }
        (Api::Socket2 | Api::Tokio, false) => {
            if subsec % 1000 != 0 {
                rules.push(&SOCKET2_TIMEOUT_MICROS_TRUNCATED);
                if nanos < 1000 {
                    rules.push(&SOCKET2_TIMEOUT_BECAME_NONE);
                }
            }
            RelativeValue::time(secs, subsec / 1000)
        }
        (Api::Std, _) if nanos == 0 => {
            rules.push(&STD_ZERO_TIMEOUT_REFUSED);
            return Err(Box::new(Sent::Refused(Expected::Err(
                "cannot set a 0 duration timeout",
            ))));
        }
        (Api::Std, _) if windows => {
            // dur2timeout: whole milliseconds, rounded up.
            let ms = (nanos + 999_999) / 1_000_000;
            if nanos % 1_000_000 != 0 {
                rules.push(&super::stdlib::TIMEOUT_MS_ROUNDED_UP);
            }
            RelativeValue::time(ms / 1000, (ms % 1000) * 1000)
        }
        (Api::Std, _) => {
            let usec = match subsec / 1000 {
                0 if secs == 0 => 1,
                usec => usec,
            };
            if subsec % 1000 != 0 {
                rules.push(&STD_TIMEOUT_MICROS_TRUNCATED);
            }
            RelativeValue::time(secs, usec)
        }
        (Api::Rustix, true) => {
            if subsec != 0 {
                rules.push(&RUSTIX_LINGER_ROUNDED_UP);
            }
            RelativeValue::linger(1, secs + i128::from(subsec != 0))
        }
        (Api::Rustix, false) if nanos == 0 => {
            rules.push(&RUSTIX_ZERO_TIMEOUT_REFUSED);
            return Err(Box::new(Sent::Refused(Expected::Err(if windows {
                "WSAEINVAL"
            } else {
                "EINVAL"
            }))));
        }
        (Api::Rustix, false) => {
            let usec = (subsec + 999) / 1000;
            if subsec % 1000 != 0 {
                rules.push(&RUSTIX_TIMEOUT_MICROS_ROUNDED_UP);
            }
            // Windows' whole milliseconds follow in rustix's own conversion.
            RelativeValue::time(secs + usec / 1_000_000, usec % 1_000_000)
        }
        // No other path takes a Duration (arg::of has no call for it).
        _ => return Ok(request.clone()),
    };
    Ok(Request::Set(value))
}
