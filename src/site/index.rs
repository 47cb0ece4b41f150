//! The index: every option with its family, the OSes that define it, and
//! whether it differs across OSes or a library changes its requests; a
//! search box and filters (the page is whole without JavaScript), and the
//! same facts as `index.json` for whoever checks the filters.

use super::page::{esc, page, slug};
use crate::option::{Family, OptionSpec};
use crate::os::Os;
use std::fmt::Write as _;

/// One option's line.
pub struct Entry {
    pub spec: &'static OptionSpec,
    pub differs: bool,
    pub library_changes: bool,
}

impl Entry {
    fn oses(&self) -> Vec<&'static str> {
        Os::MODELLED
            .into_iter()
            .filter(|&os| self.spec.codes.on(os).is_some())
            .map(Os::name)
            .collect()
    }
}

/// The page and its JSON twin.
pub fn render(entries: &[Entry]) -> (String, String) {
    let mut body = String::from(
        "<h1>sockmatrix: every socket option on every OS</h1>\
         <p>What a program really gets when it asks for socket option X = v on a kind of socket, on \
         Linux, macOS, FreeBSD and Windows, through the raw call and five Rust libraries: measured where \
         a real run is committed, the OS's model elsewhere, every value with the rule (reason and source) \
         that produces it.</p><div id=\"filters\">\
         <label>search <input id=\"q\" type=\"search\" placeholder=\"SO_RCVBUF\"></label>\
         <label>family <select id=\"family\"><option value=\"\">any</option>",
    );
    for f in Family::ALL {
        let _ = write!(body, "<option>{}</option>", f.name());
    }
    body.push_str("</select></label><label>defined on <select id=\"os\"><option value=\"\">any OS</option>");
    for os in Os::MODELLED {
        let _ = write!(body, "<option>{}</option>", os.name());
    }
    let _ = write!(
        body,
        "</select></label><label><input id=\"differs\" type=\"checkbox\"> differs across OSes</label>\
         <label><input id=\"lib\" type=\"checkbox\"> a library changes the request</label>\
         <span><b id=\"shown\">{n}</b> of {n} options</span></div>\
         <table id=\"options\"><thead><tr><th>option</th><th>family</th><th>Linux</th><th>macOS</th>\
         <th>FreeBSD</th><th>Windows</th><th>differs across OSes</th><th>a library changes it</th></tr></thead><tbody>",
        n = entries.len()
    );
    let mut json = Vec::new();
    for e in entries {
        let oses = e.oses();
        let href = format!("options/{}.html", slug(e.spec.name));
        let _ = write!(
            body,
            "<tr data-name=\"{name}\" data-family=\"{family}\" data-os=\"{os}\" data-differs=\"{d}\" data-lib=\"{l}\">\
             <td><a href=\"{href}\">{name}</a></td><td>{family}</td>",
            name = esc(e.spec.name),
            family = e.spec.family().name(),
            os = oses.join(" "),
            d = u8::from(e.differs),
            l = u8::from(e.library_changes),
        );
        for os in Os::MODELLED {
            let mark = match e.spec.codes.on(os) {
                Some(n) => format!("{n:#x}"),
                None => "–".into(),
            };
            let _ = write!(body, "<td>{mark}</td>");
        }
        let yes = |b: bool| if b { "yes" } else { "" };
        let _ = write!(
            body,
            "<td>{}</td><td>{}</td></tr>",
            yes(e.differs),
            yes(e.library_changes)
        );
        json.push(serde_json::json!({
            "name": e.spec.name,
            "family": e.spec.family().name(),
            "os": oses,
            "differs": e.differs,
            "library_changes": e.library_changes,
            "href": href,
        }));
    }
    body.push_str("</tbody></table>");
    let json = serde_json::to_string_pretty(&serde_json::json!({ "options": json })).unwrap_or_default();
    (page("options", 0, &body, true), json + "\n")
}
