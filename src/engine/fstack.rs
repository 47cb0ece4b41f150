//! The seam to F-Stack: FreeBSD 13.0's network stack compiled as a Linux
//! user-space library, driven through a probe program of its own
//! (`scripts/fstack/probe.c`, built by `scripts/test-under-fstack`).
//!
//! The stack must be called from the one thread that booted it and its
//! kernel code cannot sleep, so it never runs in this process: the probe
//! answers one case a line on its stdin/stdout (the protocol is in the
//! probe's header), and one thread at a time talks to it. Options go by
//! FreeBSD's own numbers (`codes.freebsd`), only on the raw path: socket2
//! calls this host's libc, never F-Stack.

use crate::api::Api;
use crate::capacity::{Capacity, Side};
use crate::case::{Case, Request};
use crate::catalog;
use crate::effect::{Effect, Procedure};
use crate::kind::Kind;
use crate::option::{Level, OptionSpec, Type};
use crate::outcome::Outcome;
use crate::value::{RelativeValue, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Mutex;

/// The environment variable naming the probe command (set by
/// `scripts/test-under-fstack`).
pub const PROBE_ENV: &str = "SOCKMATRIX_FSTACK_PROBE";

/// Why the socket2 path is not run under F-Stack.
pub const NO_SOCKET2: &str =
    "socket2 calls this host's libc (Linux), not F-Stack: the socket2 path is not run under F-Stack";

/// Why unix kinds are not available under F-Stack.
pub const NO_UNIX: &str = "EAFNOSUPPORT (F-Stack builds no AF_UNIX: uipc_usrreq.c is not compiled)";

/// FreeBSD's level numbers (sys/sys/socket.h, netinet/in.h).
pub fn level_number(level: Level) -> i32 {
    match level {
        Level::Socket => 0xffff,
        Level::Tcp => 6,
        Level::Ip => 0,
        Level::Ipv6 => 41,
        Level::Udp => 17,
    }
}

/// One answer of the probe, as it came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// `ok <value>`.
    Ok(Value),
    /// `err <NAME>` (the set failed) or `err get:<NAME>` (the read did).
    Err(String),
    /// `na <reason>`: the stack could not make the socket state.
    NotAvailable(String),
    /// `bad <reason>`: the probe did not understand the line.
    Bad(String),
}

/// Parses one answer line.
pub fn parse_answer(line: &str) -> Result<Answer, String> {
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    let pair = |s: &str| -> Option<(i128, i128)> {
        let (a, b) = s.split_once(',')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    };
    let malformed = || format!("malformed probe answer: {line:?}");
    Ok(match word {
        "ok" => Answer::Ok(if let Some(s) = rest.strip_prefix("linger:") {
            let (a, b) = pair(s).ok_or_else(malformed)?;
            Value::Linger(a, b)
        } else if let Some(s) = rest.strip_prefix("timeval:") {
            let (a, b) = pair(s).ok_or_else(malformed)?;
            Value::Time(a, b)
        } else if let Some(s) = rest.strip_prefix("text:") {
            Value::Text(unescape(s).ok_or_else(malformed)?)
        } else if let Some(s) = rest.strip_prefix("xucred:") {
            let fields: Vec<i128> = s
                .split(',')
                .map(|f| f.parse().ok())
                .collect::<Option<_>>()
                .ok_or_else(malformed)?;
            Value::Xucred(Box::new(<[i128; 5]>::try_from(fields).map_err(|_| malformed())?))
        } else {
            Value::Int(rest.parse().map_err(|_| malformed())?)
        }),
        "err" => Answer::Err(rest.strip_prefix("get:").unwrap_or(rest).to_string()),
        "na" => Answer::NotAvailable(rest.to_string()),
        "bad" => Answer::Bad(rest.to_string()),
        _ => return Err(malformed()),
    })
}

/// Parses the answer to `capacity`: a capacity, or why there is none
/// (the OS's error name, or why the probe could not run it).
pub fn parse_capacity(line: &str) -> Result<Capacity, String> {
    let held = |s: &str| -> Option<Capacity> {
        let (bytes, messages) = s.split_once(',')?;
        Some(Capacity::Held {
            bytes: bytes.parse().ok()?,
            messages: messages.parse().ok()?,
        })
    };
    match line.split_once(' ').unwrap_or((line, "")) {
        ("ok", "unbounded") => Ok(Capacity::Unbounded),
        ("ok", rest) => rest
            .strip_prefix("held:")
            .and_then(held)
            .ok_or_else(|| format!("malformed probe answer: {line:?}")),
        ("err", name) => Err(name.strip_prefix("get:").unwrap_or(name).to_string()),
        ("na", why) => Err(format!("not run: {why}")),
        _ => Err(format!("the F-Stack probe answered {line:?}")),
    }
}

/// Undoes the probe's escaping: `\\` and `\xHH`.
fn unescape(s: &str) -> Option<String> {
    let mut bytes = Vec::new();
    let mut it = s.bytes();
    while let Some(b) = it.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match it.next()? {
            b'\\' => bytes.push(b'\\'),
            b'x' => {
                let hex = [it.next()?, it.next()?];
                bytes.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
            }
            _ => return None,
        }
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The protocol line of a case, or why the probe cannot be asked it.
pub fn case_line(case: &Case) -> Result<String, String> {
    if case.api != Api::Raw {
        return Err(NO_SOCKET2.into());
    }
    let kind = kind_name(case.kind)?;
    let state = case.state.name();
    let option = case.option;
    let code = freebsd_code(option)?;
    if let Request::Set(_) = case.request {
        let back = catalog::spec(option.read_back);
        if freebsd_code(back)? != code || back.level() != option.level() {
            return Err(format!(
                "the probe reads back the option it set, not {}",
                back.name
            ));
        }
    }
    let request = match &case.request {
        Request::Default => format!("get:{}", read_type(option.ty)),
        // An int set on a struct-read option reads the struct back.
        Request::Set(v) if option.ty == Type::Xucred => {
            format!("{}>xucred", value_token(option.ty, v, ['\n', '\r'])?)
        }
        Request::Set(v) => value_token(option.ty, v, ['\n', '\r'])?,
    };
    Ok(format!(
        "case {kind} {state} {} {code} {request}",
        level_number(option.level())
    ))
}

/// The probe's name for a kind it can make (no unix kinds: no AF_UNIX).
fn kind_name(kind: Kind) -> Result<&'static str, String> {
    match kind {
        Kind::Tcp4 | Kind::Tcp6 | Kind::Udp4 | Kind::Udp6 => Ok(kind.name()),
        _ => Err(NO_UNIX.into()),
    }
}

/// A value to set, as the protocol writes it; text must not hold `stop`.
fn value_token<const N: usize>(ty: Type, v: &RelativeValue, stop: [char; N]) -> Result<String, String> {
    Ok(match (ty, v) {
        (ty, RelativeValue::Int(e)) if ty.sets_an_int() => format!("int:{}", e.value()),
        (Type::Linger, RelativeValue::Linger(on, secs)) => {
            format!("linger:{},{}", on.value(), secs.value())
        }
        (Type::Time, RelativeValue::Time(sec, usec)) => {
            format!("timeval:{},{}", sec.value(), usec.value())
        }
        (Type::Text, RelativeValue::Text(s, _)) if !s.contains(stop) => format!("text:{s}"),
        // FreeBSD's ip_mreq_source: the source before the interface.
        (ty, v) if crate::call::raw::is_change(ty) => {
            let bytes = crate::call::raw::change_bytes(ty, v, crate::address::SourceOrder::SourceFirst)
                .ok_or_else(|| format!("{v} is no membership"))?;
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            format!("change:{hex}")
        }
        (ty, v) => return Err(format!("the probe cannot set {v} as {ty:?}")),
    })
}

/// The protocol line of an effect on a kind (raw path), or why the probe
/// cannot be asked it: the sets in order, what is done, the read.
pub fn effect_line(effect: &Effect, kind: Kind) -> Result<String, String> {
    let kind = kind_name(kind)?;
    let procedure = match effect.procedure {
        Procedure::Fresh => "fresh",
        Procedure::ConnectAndTransfer => "transfer",
        Procedure::Accepted => "accepted",
    };
    let mut line = format!("effect {kind} {procedure}");
    for (option, request) in effect.set_requests() {
        let Request::Set(v) = &request else {
            return Err(format!("an effect sets {} without a value", option.name));
        };
        let value = value_token(option.ty, v, ['\n', '\r', ' ', '\t'])?;
        line += &format!(
            " set {} {} {value}",
            level_number(option.level()),
            freebsd_code(option)?
        );
    }
    let read = effect.read_option();
    line += &format!(
        " read {} {} {}",
        level_number(read.level()),
        freebsd_code(read)?,
        read_type(read.ty)
    );
    Ok(line)
}

fn freebsd_code(option: &OptionSpec) -> Result<i32, String> {
    option
        .codes
        .freebsd
        .ok_or_else(|| format!("{} is not defined on FreeBSD", option.name))
}

fn read_type(ty: Type) -> &'static str {
    match ty {
        Type::Linger => "linger",
        Type::Time => "timeval",
        Type::Text => "text",
        Type::Xucred => "xucred",
        // Every other read is an int's: the int types, a membership (no
        // value: a read is an int's), and the structs only Linux or Winsock
        // options have (no FreeBSD number, so no case here asks them).
        _ => "int",
    }
}

/// A running probe: its pipes.
struct Session {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Session {
    fn start(command: &Path) -> std::io::Result<Session> {
        let mut child = Command::new(command)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let stdin = child.stdin.take().expect("piped");
        let stdout = BufReader::new(child.stdout.take().expect("piped"));
        Ok(Session { child, stdin, stdout })
    }

    fn ask(&mut self, line: &str) -> std::io::Result<String> {
        writeln!(self.stdin, "{line}")?;
        self.stdin.flush()?;
        let mut answer = String::new();
        if self.stdout.read_line(&mut answer)? == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "the probe closed its output",
            ));
        }
        Ok(answer.trim_end_matches(['\n', '\r']).to_string())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = writeln!(self.stdin, "quit");
        let _ = self.stdin.flush();
        // Give it a moment to exit on its own; it holds no state worth keeping.
        for _ in 0..50 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The probe program, started on first use and again after it dies; one
/// caller at a time talks to it.
pub struct Probe {
    command: PathBuf,
    session: Mutex<Option<Session>>,
}

impl std::fmt::Debug for Probe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Probe").field("command", &self.command).finish()
    }
}

impl Probe {
    /// Starts the probe at `command` (an executable that speaks the
    /// protocol on stdin/stdout) and checks that it answers.
    pub fn start(command: &Path) -> Result<Probe, String> {
        let probe = Probe {
            command: command.to_path_buf(),
            session: Mutex::new(None),
        };
        match probe.sysctl("kern.hz")? {
            Answer::Ok(Value::Int(_)) => Ok(probe),
            other => Err(format!(
                "the F-Stack probe {} answered `sysctl kern.hz` with {other:?}",
                command.display()
            )),
        }
    }

    /// The probe command.
    pub fn command(&self) -> &Path {
        &self.command
    }

    /// One line in, one answer out; a probe that died is started again
    /// for the next line.
    pub fn ask(&self, line: &str) -> Result<Answer, String> {
        parse_answer(&self.ask_line(line)?)
    }

    /// What a UDP buffer of `kind` holds on `side` with `requested` set
    /// (None: the default), measured in the stack (`capacity` command).
    pub fn measure_capacity(
        &self,
        kind: Kind,
        side: Side,
        requested: Option<i32>,
    ) -> Result<Capacity, String> {
        let side = match side {
            Side::Send => "send",
            Side::Receive => "receive",
        };
        let requested = requested.map_or("default".to_string(), |v| v.to_string());
        let line = format!("capacity {} {side} {requested}", kind_name(kind)?);
        parse_capacity(&self.ask_line(&line)?)
    }

    pub(crate) fn ask_line(&self, line: &str) -> Result<String, String> {
        let mut session = self.session.lock().unwrap_or_else(|e| e.into_inner());
        if session.is_none() {
            *session =
                Some(Session::start(&self.command).map_err(|e| {
                    format!("cannot start the F-Stack probe {}: {e}", self.command.display())
                })?);
        }
        let answer = session.as_mut().expect("started above").ask(line);
        match answer {
            Ok(text) => Ok(text),
            Err(e) => {
                *session = None;
                Err(format!("the F-Stack probe failed on {line:?}: {e}"))
            }
        }
    }

    /// A sysctl of the running stack, through ff_sysctl.
    pub fn sysctl(&self, name: &str) -> Result<Answer, String> {
        self.ask(&format!("sysctl {name}"))
    }

    /// The index of the stack's interface `name` (SIOCGIFINDEX).
    pub fn ifindex(&self, name: &str) -> Result<Answer, String> {
        self.ask(&format!("ifindex {name}"))
    }

    /// What the stack reports for the case.
    pub fn observe(&self, case: &Case) -> Outcome {
        self.outcome(case_line(case))
    }

    /// What the stack reports for the effect on the kind.
    pub fn observe_effect(&self, effect: &Effect, kind: Kind) -> Outcome {
        self.outcome(effect_line(effect, kind))
    }

    fn outcome(&self, line: Result<String, String>) -> Outcome {
        let line = match line {
            Ok(line) => line,
            Err(why) => return Outcome::NotRun(why),
        };
        match self.ask(&line) {
            Ok(Answer::Ok(v)) => Outcome::Ok(v),
            Ok(Answer::Err(name)) => Outcome::Err(name),
            Ok(Answer::NotAvailable(why)) => {
                Outcome::NotRun(format!("F-Stack could not set up the socket: {why}"))
            }
            Ok(Answer::Bad(why)) => Outcome::NotRun(format!("the F-Stack probe refused {line:?}: {why}")),
            Err(why) => Outcome::NotRun(why),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kind::State;

    #[test]
    fn answers_parse() {
        assert_eq!(parse_answer("ok 4096"), Ok(Answer::Ok(Value::Int(4096))));
        assert_eq!(
            parse_answer("ok linger:128,-25536"),
            Ok(Answer::Ok(Value::Linger(128, -25536)))
        );
        assert_eq!(
            parse_answer("ok timeval:2,500000"),
            Ok(Answer::Ok(Value::Time(2, 500_000)))
        );
        assert_eq!(
            parse_answer("ok text:a\\\\b\\x41"),
            Ok(Answer::Ok(Value::Text("a\\bA".into())))
        );
        assert_eq!(parse_answer("err EINVAL"), Ok(Answer::Err("EINVAL".into())));
        assert_eq!(
            parse_answer("err get:ENOPROTOOPT"),
            Ok(Answer::Err("ENOPROTOOPT".into()))
        );
        assert_eq!(
            parse_answer("na no peer"),
            Ok(Answer::NotAvailable("no peer".into()))
        );
        assert_eq!(
            parse_answer("ok xucred:8,0,1026,0,0"),
            Ok(Answer::Ok(Value::Xucred(Box::new([8, 0, 1026, 0, 0]))))
        );
        assert!(parse_answer("ok xucred:8,0").is_err());
        assert!(parse_answer("ok 12x").is_err());
        assert!(parse_answer("what").is_err());
    }

    #[test]
    fn capacity_answers_parse() {
        assert_eq!(
            parse_capacity("ok held:40960,40"),
            Ok(Capacity::Held {
                bytes: 40960,
                messages: 40
            })
        );
        assert_eq!(parse_capacity("ok unbounded"), Ok(Capacity::Unbounded));
        assert_eq!(parse_capacity("err EMSGSIZE"), Err("EMSGSIZE".into()));
        assert!(parse_capacity("na capacity runs on udp kinds only")
            .unwrap_err()
            .starts_with("not run:"));
        assert!(parse_capacity("ok held:1").is_err());
    }

    #[test]
    fn effects_become_protocol_lines() {
        let effect = |id: &str| crate::effect::EFFECTS.iter().find(|e| e.id == id).unwrap();
        assert_eq!(
            effect_line(effect("locked_rcvbuf_caps_rcvlowat"), Kind::Udp4),
            Ok(
                "effect udp4 fresh set 65535 4098 int:65536 set 65535 4100 int:1048576 read 65535 4100 int"
                    .into()
            )
        );
        assert_eq!(
            effect_line(effect("accepted_linger"), Kind::Tcp6),
            Ok("effect tcp6 accepted set 65535 128 linger:1,5 read 65535 128 linger".into())
        );
        assert_eq!(
            effect_line(effect("accepted_sndbuf_unset"), Kind::Tcp4),
            Ok("effect tcp4 accepted read 65535 4097 int".into())
        );
        assert_eq!(
            effect_line(effect("sndbuf_lock_survives_transfer"), Kind::UnixStream),
            Err(NO_UNIX.into())
        );
    }

    #[test]
    fn cases_become_protocol_lines() {
        let line = |name: &str, kind, state, api, request| {
            case_line(&Case::new(name, kind, state, api, request).unwrap())
        };
        assert_eq!(
            line(
                "SO_SNDBUF",
                Kind::Tcp4,
                State::Fresh,
                Api::Raw,
                Request::set(4096)
            ),
            Ok("case tcp4 fresh 65535 4097 int:4096".into())
        );
        assert_eq!(
            line(
                "SO_LINGER",
                Kind::Tcp6,
                State::Connected,
                Api::Raw,
                Request::Default
            ),
            Ok("case tcp6 connected 65535 128 get:linger".into())
        );
        assert_eq!(
            line(
                "SO_SNDBUF",
                Kind::Udp4,
                State::Fresh,
                Api::Socket2,
                Request::set(1)
            ),
            Err(NO_SOCKET2.into())
        );
        assert_eq!(
            line(
                "SO_SNDBUF",
                Kind::UnixStream,
                State::Fresh,
                Api::Raw,
                Request::set(1)
            ),
            Err(NO_UNIX.into())
        );
    }
}
