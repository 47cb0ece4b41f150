//! "What a constructor sets unasked": the close-on-exec and non-blocking
//! flags of the socket each path's constructor makes, on this host
//! (measured) or an OS's model (`sockmatrix paths --made`).

use crate::host::Host;
use crate::made::{self, Answer, Flag, Maker, MAKERS};

/// One cell: what the maker leaves the flag at on `host`, and the rule.
/// Here it is measured; a measurement the model does not predict shows both.
pub fn cell(host: &Host, maker: &Maker, flag: Flag) -> (String, &'static crate::rule::Rule) {
    let (model, rule) = made::predict(host.os(), maker, flag);
    if !host.measured || host.probe().is_some() {
        return (model.text().to_string(), rule);
    }
    let seen = match made::observe::flags(maker) {
        None => return ("not run".to_string(), rule),
        Some(Err(why)) => return (format!("not read: {why}"), rule),
        Some(Ok((cloexec, nonblocking))) => match flag {
            Flag::CloseOnExec => cloexec,
            Flag::NonBlocking => nonblocking,
        },
    };
    let seen = if seen { Answer::Set } else { Answer::Clear };
    match seen == model {
        true => (seen.text().to_string(), rule),
        false => (format!("{} (model: {})", seen.text(), model.text()), rule),
    }
}

fn place(host: &Host) -> String {
    match host.measured && host.probe().is_none() {
        true => format!("{} (here)", host.os_label()),
        false => format!("{} (model)", host.os_label()),
    }
}

/// Every constructor's flags on each host: its rows, with a header.
fn rows(hosts: &[Host], sub: impl Fn(&str) -> String) -> Vec<Vec<String>> {
    let mut rows = vec![["path", "constructor", "kind", "flag"]
        .into_iter()
        .map(String::from)
        .chain(hosts.iter().map(place))
        .chain(["rule".to_string()])
        .collect::<Vec<_>>()];
    for maker in MAKERS {
        for flag in Flag::ALL {
            let mut row = vec![
                maker.path.to_string(),
                maker.call.to_string(),
                maker.kind.to_string(),
                flag.name().to_string(),
            ];
            let mut first_rule = None;
            for host in hosts {
                let (text, rule) = cell(host, maker, flag);
                let first = *first_rule.get_or_insert(rule.id);
                row.push(match rule.id == first {
                    true => text,
                    false => format!("{text} {}", sub(rule.id)),
                });
            }
            row.push(first_rule.unwrap_or_default().to_string());
            rows.push(row);
        }
    }
    rows
}

/// The table aligned for a terminal, with the rules' reasons below.
pub fn table(hosts: &[Host]) -> String {
    let rows = rows(hosts, |id| format!("({id})"));
    let mut out = super::aligned_text(&rows, "  ");
    out.push_str("\nrules:\n");
    for rule in made::rules() {
        out.push_str(&format!("  {}: {} ({})\n", rule.id, rule.why, rule.source));
    }
    out
}

/// The table in Markdown.
pub fn markdown(hosts: &[Host]) -> String {
    let rows = rows(hosts, |id| format!("<sub>{id}</sub>"));
    super::markdown_table(&rows)
}

/// The measured table as a snapshot: every constructor and flag, what this
/// host's run gave (values only: the model's agreement is a test of its own).
pub fn snapshot(observed: &[(Maker, Flag, String)]) -> String {
    let rows: Vec<Vec<String>> = observed
        .iter()
        .map(|(maker, flag, seen)| {
            vec![
                maker.path.to_string(),
                maker.call.to_string(),
                maker.kind.to_string(),
                flag.name().to_string(),
                seen.clone(),
            ]
        })
        .collect();
    super::aligned_text(&rows, "  ")
}
