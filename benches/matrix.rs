//! What one case costs, against the floor a case cannot go below: a bare
//! socket() + setsockopt() + getsockopt() + close() through libc. Run with
//! `cargo bench`; after divan's table it prints the engine/floor ratio and
//! the full matrix's cases per second.

use sockmatrix::api::Api;
use sockmatrix::case::{Case, Request};
use sockmatrix::catalog;
use sockmatrix::engine::{self, Checked};
use sockmatrix::host::Host;
use sockmatrix::kind::{Kind, State};
use sockmatrix::matrix::{self, Filter, Requests};
use sockmatrix::value::RelativeValue;
use std::sync::OnceLock;
use std::time::Instant;

fn host() -> &'static Host {
    static HOST: OnceLock<Host> = OnceLock::new();
    HOST.get_or_init(|| Host::detect().expect("host facts"))
}

/// The floor: one fresh UDP socket, SO_RCVBUF set and read, closed.
#[cfg(unix)]
fn floor_case(value: i32) -> i32 {
    use std::mem::size_of;
    // SAFETY: plain libc calls on a socket this function owns and closes.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_DGRAM, 0);
        assert!(fd >= 0);
        let len = size_of::<libc::c_int>() as libc::socklen_t;
        libc::setsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_RCVBUF,
            (&value as *const i32).cast(),
            len,
        );
        let mut out: libc::c_int = 0;
        let mut out_len = len;
        libc::getsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_RCVBUF,
            (&mut out as *mut i32).cast(),
            &mut out_len,
        );
        libc::close(fd);
        out
    }
}

/// The same work through the engine: fixture, path, model, comparison.
fn engine_case(value: i32) -> bool {
    let case = Case::new(
        "SO_RCVBUF",
        Kind::Udp4,
        State::Fresh,
        Api::Raw,
        Request::Set(RelativeValue::int(value.into())),
    )
    .expect("udp4 SO_RCVBUF takes an integer");
    engine::cases::run(&case, host()).agrees()
}

#[cfg(unix)]
#[divan::bench]
fn floor_socket_set_get_close() -> i32 {
    floor_case(divan::black_box(65536))
}

#[divan::bench]
fn engine_one_buffer_case() -> bool {
    engine_case(divan::black_box(65536))
}

#[divan::bench(sample_count = 10)]
fn buffer_matrix(bencher: divan::Bencher) {
    let cases = buffer_cases();
    bencher
        .counter(divan::counter::ItemsCount::new(cases.len()))
        .bench(|| engine::cases::run_all(&cases, host()));
}

#[divan::bench(sample_count = 5)]
fn full_matrix(bencher: divan::Bencher) {
    let cases = matrix::cases(host(), &Filter::default(), &Requests::Ladder);
    bencher
        .counter(divan::counter::ItemsCount::new(cases.len()))
        .bench(|| engine::cases::run_all(&cases, host()));
}

fn buffer_cases() -> Vec<Case> {
    ["SO_SNDBUF", "SO_RCVBUF"]
        .iter()
        .flat_map(|name| {
            let filter = Filter {
                option: catalog::find(name),
                ..Filter::default()
            };
            matrix::cases(host(), &filter, &Requests::Ladder)
        })
        .collect()
}

/// Mean nanoseconds per call of `f` over `n` calls.
#[cfg(unix)]
fn per_call(n: u32, mut f: impl FnMut(i32)) -> f64 {
    let start = Instant::now();
    for i in 0..n {
        f(4096 + (i % 64) as i32);
    }
    start.elapsed().as_nanos() as f64 / f64::from(n)
}

/// The median wall time of five runs of the CLI, and its case count.
fn cli(args: &[&str]) -> (f64, u64) {
    let mut times = Vec::new();
    let mut cases = 0;
    for _ in 0..5 {
        let start = Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sockmatrix"))
            .args(args)
            .output()
            .expect("the CLI runs");
        times.push(start.elapsed().as_secs_f64());
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
        cases = report["summary"]["cases"].as_u64().expect("a case count");
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], cases)
}

fn main() {
    divan::main();
    #[cfg(unix)]
    {
        // Alternate short rounds so both see the same machine state (socket
        // teardown is deferred work that lands on whoever runs next), and
        // keep the median of each.
        const ROUNDS: usize = 9;
        const N: u32 = 4_000;
        let (mut floor, mut engine) = (Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            floor.push(per_call(N, |v| {
                divan::black_box(floor_case(v));
            }));
            engine.push(per_call(N, |v| {
                divan::black_box(engine_case(v));
            }));
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (floor, engine) = (median(&mut floor), median(&mut engine));
        println!(
            "\nper case, fresh udp4 SO_RCVBUF (median of {ROUNDS} rounds of {N}): floor {floor:.0} ns, engine {engine:.0} ns, engine/floor = {:.2}",
            engine / floor
        );
        // The CLI end to end, process start to exit, against the same floor.
        let (secs, cases) = cli(&["--state", "fresh", "--path", "raw", "--format", "json"]);
        let per_case = secs * 1e9 / cases as f64;
        println!(
            "CLI, fresh-state raw matrix: {cases} cases in {:.3} s = {per_case:.0} ns per case, CLI/floor = {:.2}",
            secs,
            per_case / floor
        );
    }
    let (secs, cases) = cli(&["--format", "json"]);
    println!("CLI, whole matrix and effects: {cases} cases in {secs:.3} s");
    let (secs, cases) = cli(&["--option", "SO_RCVBUF", "--kind", "udp4", "--format", "json"]);
    println!("CLI, SO_RCVBUF on udp4 with capacity: {cases} cases in {secs:.3} s");
    let cases = matrix::cases(host(), &Filter::default(), &Requests::Ladder);
    let start = Instant::now();
    let rows = engine::cases::run_all(&cases, host());
    let secs = start.elapsed().as_secs_f64();
    println!(
        "full matrix: {} cases in {:.3} s on {} threads = {:.0} cases/s",
        rows.len(),
        secs,
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        rows.len() as f64 / secs
    );
}
