//! Properties: random values on every int-valued option and both buffer
//! sizes, through both paths, on random kinds and states; observed must equal
//! predicted. 10,000 cases a run; the seed is printed on failure and can be
//! given back with SOCKMATRIX_SEED=<64 hex digits>.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use sockmatrix::api::Api;
use sockmatrix::case::{Case, Request};
use sockmatrix::catalog;
use sockmatrix::engine::{self, Checked};
use sockmatrix::host::Host;
use sockmatrix::matrix;
use sockmatrix::option::{OptionSpec, Shape, Type};
use sockmatrix::value::RelativeValue;

/// Random cases a run, unless SOCKMATRIX_PROPERTY_CASES says otherwise (the
/// emulated kernels of scripts/kernel-matrix take fewer; the host keeps these).
const CASES: u32 = 10_000;

fn cases() -> u32 {
    std::env::var("SOCKMATRIX_PROPERTY_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES)
}

fn int_options(host: &Host) -> Vec<&'static OptionSpec> {
    catalog::on(host.os())
        .filter(|o| matches!(o.ty, Type::Int | Type::Bool))
        .collect()
}

/// A value of the type the path's call takes, as a request.
fn value_for(path: Api, option: &OptionSpec) -> BoxedStrategy<i128> {
    match (path, option.socket2) {
        (Api::Raw, _) => any::<i32>().prop_map(i128::from).boxed(),
        (Api::Socket2, Some(Shape::Bool | Shape::BoolPositive)) => (0..=1i128).boxed(),
        (Api::Socket2, Some(Shape::U32 | Shape::Ipv4Addr)) => any::<u32>().prop_map(i128::from).boxed(),
        (Api::Socket2, Some(Shape::Usize)) => any::<usize>().prop_map(|v| v as i128).boxed(),
        (Api::Socket2, _) => any::<u64>().prop_map(i128::from).boxed(),
        (path, _) => panic!("no value strategy for the {path} path"),
    }
}

fn seed() -> [u8; 32] {
    if let Ok(hex) = std::env::var("SOCKMATRIX_SEED") {
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("SOCKMATRIX_SEED is hex"))
            .collect();
        return bytes.try_into().expect("SOCKMATRIX_SEED is 32 bytes");
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut seed = [0u8; 32];
    seed[..16].copy_from_slice(&nanos.to_le_bytes());
    seed[16..20].copy_from_slice(&std::process::id().to_le_bytes());
    seed
}

#[test]
fn random_int_values_agree_with_the_model() {
    let host = Host::detect().expect("host facts");
    let options = int_options(&host);
    let kinds = matrix::kinds(&host);
    let chosen = options.clone();
    let pick = (0..options.len(), 0..kinds.len(), 0..4usize, prop::bool::ANY).prop_flat_map(
        move |(o, k, s, socket2)| {
            let option = chosen[o];
            let path = if socket2 && sockmatrix::call::offers(Api::Socket2, option) {
                Api::Socket2
            } else {
                Api::Raw
            };
            (Just(o), Just(k), Just(s), Just(path), value_for(path, option))
        },
    );
    let seed = seed();
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed));
    let result = runner.run(&pick, |(o, k, s, path, value)| {
        let kind = kinds[k];
        let state = kind.states()[s % kind.states().len()];
        let option = options[o];
        let case = Case::of(option, kind, state, path, Request::Set(RelativeValue::int(value)))
            .expect("int and flag options take an integer");
        let row = engine::cases::run(&case, &host);
        prop_assert!(
            row.agrees(),
            "{case}: observed {}, model predicts {} by {}",
            row.observed,
            row.prediction.expected,
            row.prediction.rule_id()
        );
        Ok(())
    });
    if let Err(e) = result {
        let hex: String = seed.iter().map(|b| format!("{b:02x}")).collect();
        panic!("{e}\nreproduce with SOCKMATRIX_SEED={hex}");
    }
}
