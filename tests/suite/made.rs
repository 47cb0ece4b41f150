//! What each path's constructors set unasked (close-on-exec, non-blocking),
//! measured here: every flag as the OS's model predicts it, and the table
//! as a snapshot of the run (`made@<os>`).

use crate::common::host;
use sockmatrix::made::{self, observe, Flag, MAKERS};
use sockmatrix::snapshot;

#[test]
fn every_constructor_sets_the_flags_the_model_predicts() {
    // A probe (F-Stack) runs another kernel's sockets, not these
    // constructors; Winsock cannot read a socket's non-blocking state.
    if host().probe().is_some() || !cfg!(unix) {
        eprintln!("skipped: the constructors' flags are read on a Unix host's own sockets");
        return;
    }
    let os = host().os();
    let mut observed = Vec::new();
    let mut failures = Vec::new();
    for maker in MAKERS {
        let Some(flags) = observe::flags(maker) else {
            continue;
        };
        let (cloexec, nonblocking) = match flags {
            Ok(flags) => flags,
            Err(why) => {
                failures.push(format!("{} {}: {why}", maker.path, maker.call));
                continue;
            }
        };
        for flag in Flag::ALL {
            let seen = match flag {
                Flag::CloseOnExec => cloexec,
                Flag::NonBlocking => nonblocking,
            };
            let seen = if seen {
                made::Answer::Set
            } else {
                made::Answer::Clear
            };
            let (model, rule) = made::predict(os, maker, flag);
            if seen != model {
                failures.push(format!(
                    "{} {} {}: read {}, the model ({}) says {}",
                    maker.path,
                    maker.call,
                    flag.name(),
                    seen.text(),
                    rule.id,
                    model.text()
                ));
            }
            observed.push((*maker, flag, seen.text().to_string()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    crate::common::assert_whole_snapshot(
        &snapshot::made_name(host()),
        sockmatrix::render::made::snapshot(&observed),
    );
}
