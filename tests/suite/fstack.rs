//! FreeBSD 13.0's stack run in user space through F-Stack (the platform
//! `freebsd-fstack`, never a FreeBSD host): every raw-path case of every
//! kind and state F-Stack can make, measured by the probe program and
//! checked against the FreeBSD model at 13 with the facts read from the
//! stack, and the snapshots `<family>@freebsd-fstack`.
//!
//! Runs only under `scripts/test-under-fstack --test`, which builds the
//! probe and names it in `SOCKMATRIX_FSTACK_PROBE`; without it the test
//! says why it is skipped and asserts nothing.

use crate::common::{assert_whole_snapshot, explain};
use sockmatrix::api::Api;
use sockmatrix::engine::fstack::{NO_UNIX, PROBE_ENV};
use sockmatrix::engine::{self, cases::Row, Checked};
use sockmatrix::host::Host;
use sockmatrix::kind::{Kind, State};
use sockmatrix::matrix::{self, Filter, Requests};
use sockmatrix::platform::fstack::READ;
use sockmatrix::snapshot;
use std::collections::{BTreeMap, BTreeSet};

/// The F-Stack host; these tests are ignored unless the script runs them.
fn fstack_host() -> Host {
    let Some(probe) = std::env::var_os(PROBE_ENV) else {
        panic!(
            "{PROBE_ENV} is not set: scripts/test-under-fstack --test builds F-Stack's probe and runs this"
        );
    };
    Host::fstack(probe.as_ref()).unwrap_or_else(|e| panic!("cannot start the F-Stack probe: {e}"))
}

#[test]
#[ignore = "needs F-Stack's probe: scripts/test-under-fstack --test runs it"]
fn every_raw_case_under_fstack_agrees_with_the_freebsd_13_model() {
    let host = fstack_host();
    assert_eq!(host.os_label(), "freebsd-fstack");
    assert!(host.kernel.contains("F-Stack"), "{}", host.kernel);
    // The facts the model uses came from the running stack, and say so.
    let facts = host.limits();
    for name in [
        "kern.ipc.maxsockbuf",
        "net.inet.tcp.sendspace",
        "net.inet.tcp.recvspace",
        "net.inet.udp.recvspace",
        "net.inet.udp.maxdgram",
        "kern.hz",
        "net.inet.tcp.cc.available",
        "net.inet.tcp.cc.algorithm",
    ] {
        let fact = facts
            .iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("{name} is not among the facts"));
        assert_eq!(fact.how, Some(READ), "{name} was not read from the stack");
        eprintln!("{name} = {} ({READ})", fact.value);
    }
    // Unix kinds are not there, for the stated reason; the inet ones are.
    let unavailable = matrix::unavailable_kinds(&host);
    for kind in [Kind::UnixStream, Kind::UnixDgram] {
        let (_, why) = unavailable
            .iter()
            .find(|(k, _)| *k == kind)
            .unwrap_or_else(|| panic!("{kind} should be unavailable under F-Stack"));
        assert!(why.contains(NO_UNIX), "{kind}: {why}");
        eprintln!("skipped: {kind}: {why}");
    }
    let cases = matrix::cases(&host, &Filter::default(), &Requests::Ladder);
    // Only the raw path (socket2 calls this host's libc), on every state of
    // every inet kind.
    assert!(
        cases.iter().all(|c| c.api == Api::Raw),
        "a socket2 case was listed"
    );
    let made: BTreeSet<(Kind, State)> = cases.iter().map(|c| (c.kind, c.state)).collect();
    for kind in [Kind::Tcp4, Kind::Tcp6, Kind::Udp4, Kind::Udp6] {
        for &state in kind.states() {
            assert!(made.contains(&(kind, state)), "no case for {kind} {state}");
        }
    }
    assert_eq!(made.len(), 14, "{made:?}");

    let started = std::time::Instant::now();
    let rows = engine::cases::run_all(&cases, &host);
    let not_run: Vec<String> = rows
        .iter()
        .filter_map(|r| r.not_run().map(|why| format!("{}: {why}", r.case)))
        .collect();
    let disagree: Vec<&Row> = rows.iter().filter(|r| r.disagrees()).collect();
    eprintln!(
        "freebsd-fstack: {} cases in {:?}: {} agree, {} disagree, {} could not run",
        rows.len(),
        started.elapsed(),
        rows.iter().filter(|r| r.agrees()).count(),
        disagree.len(),
        not_run.len()
    );

    // The snapshots come from this run alone, disagreements included, so a
    // model change shows in them as well as below.
    let mut tables: BTreeMap<snapshot::Name, Vec<Row>> = BTreeMap::new();
    for row in &rows {
        tables
            .entry(snapshot::name_for(row, &host))
            .or_default()
            .push(row.clone());
    }
    for (name, rows) in &tables {
        assert!(name.suffix.starts_with("freebsd-fstack"), "{}", name.file_name());
        assert_whole_snapshot(name, snapshot::table(rows));
    }

    assert!(
        not_run.is_empty(),
        "{} cases could not run:\n{}",
        not_run.len(),
        not_run.join("\n")
    );
    let failures: Vec<String> = disagree.iter().map(|r| explain(r)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases disagree with the FreeBSD 13 model:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

/// F-Stack builds cubic and htcp in, where a stock 13 kernel has newreno
/// alone: the model reads net.inet.tcp.cc.available from the stack, and a
/// set of "cubic" (which the ladder does not make) reads back cubic there.
#[test]
#[ignore = "needs F-Stack's probe: scripts/test-under-fstack --test runs it"]
fn a_congestion_module_the_stack_builds_in_can_be_set() {
    let host = fstack_host();
    let option = sockmatrix::catalog::find("TCP_CONGESTION").expect("in the catalogue");
    let filter = Filter {
        option: Some(option),
        kind: Some(Kind::Tcp4),
        state: Some(State::Fresh),
        api: Some(Api::Raw),
    };
    let requests = Requests::Value(sockmatrix::value::RelativeValue::text("cubic"));
    let cases = matrix::cases(&host, &filter, &requests);
    assert_eq!(cases.len(), 1, "one case: TCP_CONGESTION=cubic on tcp4");
    let rows = engine::cases::run_all(&cases, &host);
    let row = &rows[0];
    assert_eq!(row.observed.to_string(), "\"cubic\"", "{}", explain(row));
    assert!(row.agrees(), "{}", explain(row));
}

/// Every effect the FreeBSD catalogue can name, on every inet kind it
/// applies to, through the stack: what a read shows after other options
/// were set, after a connection carried 256 KiB each way, and on the socket
/// accept() returns. Checked against the FreeBSD model's effects at 13, and
/// the snapshot `effects@freebsd-fstack`.
#[test]
#[ignore = "needs F-Stack's probe: scripts/test-under-fstack --test runs it"]
fn every_effect_under_fstack_agrees_with_the_freebsd_13_model() {
    use sockmatrix::effect::EFFECTS;
    use sockmatrix::kind::Domain;
    use sockmatrix::os::Os;
    let host = fstack_host();
    let rows = engine::effects::run_all(&host);
    // Every effect FreeBSD can name ran on every inet kind it lists.
    let expected: usize = EFFECTS
        .iter()
        .filter(|e| e.available_on(Os::FreeBsd))
        .map(|e| e.kinds.iter().filter(|k| k.domain() != Domain::Unix).count())
        .sum();
    assert_eq!(rows.len(), expected, "effects listed for the stack");
    assert!(
        rows.iter().all(|r| r.kind.domain() != Domain::Unix),
        "a unix kind was listed"
    );
    let not_run: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            r.not_run()
                .map(|why| format!("{} on {}: {why}", r.effect.id, r.kind))
        })
        .collect();
    let disagree: Vec<String> = rows
        .iter()
        .filter(|r| r.disagrees())
        .map(|r| {
            format!(
                "{} on {} ({}): observed {}, model predicts {} by {}",
                r.effect.id,
                r.kind,
                r.effect.describe(),
                r.observed,
                r.prediction.expected,
                r.prediction.rule_id()
            )
        })
        .collect();
    eprintln!(
        "freebsd-fstack: {} effects: {} agree, {} disagree, {} could not run",
        rows.len(),
        rows.iter().filter(|r| r.agrees()).count(),
        disagree.len(),
        not_run.len()
    );
    let name = snapshot::effects_name(&host);
    assert_eq!(name.file_name(), "effects@freebsd-fstack.snap");
    assert_whole_snapshot(&name, sockmatrix::render::effects::snapshot(&rows));
    assert!(
        not_run.is_empty(),
        "effects that could not run:\n{}",
        not_run.join("\n")
    );
    assert!(
        disagree.is_empty(),
        "effects that disagree:\n{}",
        disagree.join("\n")
    );
}

/// What a UDP buffer holds in the stack, beside what getsockopt says: each
/// probe runs three times and must give the same result, then is compared
/// with the FreeBSD model's capacity rules and written to
/// `capacity@freebsd-fstack-13`. TCP is not run (the probe says why).
#[test]
#[ignore = "needs F-Stack's probe: scripts/test-under-fstack --test runs it"]
fn udp_capacity_under_fstack_agrees_with_the_freebsd_13_model() {
    use sockmatrix::capacity::Side;
    let host = fstack_host();
    let probe = host.probe().expect("an F-Stack host has a probe");
    let model = host.platform().capacity_model().expect("FreeBSD models capacity");
    let mut table = String::from("kind | side    | requested | capacity               | rule\n");
    let mut failures = Vec::new();
    for kind in [Kind::Udp4, Kind::Udp6] {
        for side in [Side::Send, Side::Receive] {
            for requested in [None, Some(1), Some(4096), Some(8192), Some(65536)] {
                let what = format!("{kind} {} = {requested:?}", side.option().name);
                let first = probe.measure_capacity(kind, side, requested);
                for run in 1..3 {
                    assert_eq!(
                        probe.measure_capacity(kind, side, requested),
                        first,
                        "{what}: run {run} differs from run 0"
                    );
                }
                let (predicted, rule) = model.capacity(kind, side, requested);
                let shown = match &first {
                    Ok(c) => c.to_string(),
                    Err(e) => e.clone(),
                };
                match (&first, predicted) {
                    (Ok(c), Some(p)) if *c == p => {}
                    // No capacity predicted: the rule names the error instead.
                    (Err(e), None) if rule.formula.contains(e.as_str()) => {}
                    _ => failures.push(format!(
                        "{what}: observed {shown}, model {predicted:?} by {}",
                        rule.id
                    )),
                }
                let requested = requested.map_or("default".to_string(), |v| v.to_string());
                table.push_str(&format!(
                    "{:<4} | {:<7} | {requested:<9} | {shown:<22} | {}\n",
                    kind.name(),
                    format!("{side:?}"),
                    rule.id
                ));
            }
        }
    }
    let tcp = probe.measure_capacity(Kind::Tcp4, Side::Send, None);
    assert!(
        matches!(&tcp, Err(why) if why.starts_with("not run:")),
        "TCP capacity should say why it is not run: {tcp:?}"
    );
    eprintln!("tcp4 capacity under F-Stack: {}", tcp.unwrap_err());
    let name = snapshot::capacity_name(&host);
    assert_eq!(name.file_name(), "capacity@freebsd-fstack-13.snap");
    assert_whole_snapshot(&name, table);
    assert!(
        failures.is_empty(),
        "capacity disagrees with the model:\n{}",
        failures.join("\n")
    );
}

/// Every bind-and-reuse case FreeBSD's model asks (five reuse sets, TCP and
/// UDP), run on the stack's own in_pcbbind and pcb lookups by the probe's
/// `bind` command: against the FreeBSD model at 13, and the snapshot
/// `behaviour-bind@freebsd-fstack`.
#[test]
#[ignore = "needs F-Stack's probe: scripts/test-under-fstack --test runs it"]
fn every_bind_case_under_fstack_agrees_with_the_freebsd_13_model() {
    let host = fstack_host();
    crate::behaviours::check_group(&host, sockmatrix::behaviour::Group::Bind, "behaviour-bind");
}

/// The dual-stack cases, TCP listeners and UDP receivers of the IPv6
/// family, run in the stack by the probe's `dual` command: against the
/// FreeBSD model at 13, and the snapshots `behaviour@freebsd-fstack` and
/// `behaviour-dual-stack-udp@freebsd-fstack`.
#[test]
#[ignore = "needs F-Stack's probe: scripts/test-under-fstack --test runs it"]
fn every_dual_stack_case_under_fstack_agrees_with_the_freebsd_13_model() {
    use sockmatrix::behaviour::Group;
    let host = fstack_host();
    crate::behaviours::check_group(&host, Group::DualStack, "behaviour");
    crate::behaviours::check_group(&host, Group::DualStackUdp, "behaviour-dual-stack-udp");
}

/// Header values through the stack: UDP datagrams with IP_TTL, IP_TOS,
/// IPV6_UNICAST_HOPS and IPV6_TCLASS over their ladders, read by recvmsg's
/// control messages, and tcp6's IPV6_2292PKTOPTIONS on the accepted socket:
/// against the FreeBSD model at 13, and `behaviour-wire@freebsd-fstack`,
/// `behaviour-wire-tcp@freebsd-fstack`.
#[test]
#[ignore = "needs F-Stack's probe: scripts/test-under-fstack --test runs it"]
fn every_wire_case_under_fstack_agrees_with_the_freebsd_13_model() {
    use sockmatrix::behaviour::Group;
    let host = fstack_host();
    crate::behaviours::check_group(&host, Group::Wire, "behaviour-wire");
    crate::behaviours::check_group(&host, Group::WireTcp, "behaviour-wire-tcp");
}
