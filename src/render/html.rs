//! The HTML report: one self-contained page (inline CSS, script and SVG, no
//! network) with the host facts, the digest, the buffer picture and every
//! case, filterable in the page. The cases travel as a compact JSON array
//! (strings interned) and the script renders only the rows the filters keep,
//! a page at a time, so the full matrix paints at once.
//!
//! The page reports what it shows in the DOM for scripts/check-html:
//! `body[data-total]`, `body[data-shown]`, `body[data-first-paint]` (ms from
//! navigation to the first rendered table) and `body[data-errors]`. Filters
//! can be preset from the URL: `report.html#kind=udp4&surprises=1`.

use super::{digest, host_lines};
use crate::case::Request;
use crate::engine::cases::Row;
use crate::engine::{Checked, Report};
use crate::outcome::Outcome;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// Interns strings into one table, so that each row is a list of numbers.
#[derive(Default)]
struct Strings {
    list: Vec<String>,
    index: HashMap<String, usize>,
}

impl Strings {
    fn id(&mut self, s: &str) -> usize {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        self.list.push(s.to_string());
        self.index.insert(s.to_string(), self.list.len() - 1);
        self.list.len() - 1
    }
}

/// Text made safe for HTML, double-quoted attributes included (the report
/// and the site write every attribute in double quotes).
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A request whose effective value is not what was asked, or refused.
fn surprising(row: &Row) -> bool {
    let Request::Set(asked) = &row.case.request else {
        return false;
    };
    let got = if row.measured {
        row.observed.clone()
    } else {
        row.prediction.expected.outcome()
    };
    match got {
        Outcome::Ok(v) => v != asked.value(),
        Outcome::Err(_) => true,
        Outcome::NotRun(_) => false,
    }
}

/// The cases and rules as the page's data.
fn data(report: &Report) -> Value {
    let mut s = Strings::default();
    let mut rules: Map<String, Value> = Map::new();
    let cases: Vec<Value> = report
        .rows
        .iter()
        .map(|r| {
            let c = &r.case;
            for rule in &r.prediction.rules {
                rules
                    .entry(rule.id.to_string())
                    .or_insert_with(|| json!([rule.formula, rule.why, rule.source]));
            }
            let observed = if r.measured {
                r.observed.to_string()
            } else {
                String::new()
            };
            let flags =
                u8::from(r.disagrees()) | u8::from(surprising(r)) << 1 | u8::from(r.not_run().is_some()) << 2;
            json!([
                s.id(c.option.name),
                s.id(c.option.family().name()),
                s.id(c.kind.name()),
                s.id(c.state.name()),
                s.id(c.api.name()),
                s.id(&c.request.to_string()),
                s.id(&observed),
                s.id(&r.prediction.expected.to_string()),
                s.id(&r.prediction.rule_id()),
                flags
            ])
        })
        .collect();
    json!({
        "measured": report.host.measured,
        "strings": s.list,
        "rules": rules,
        "rows": cases,
    })
}

const STYLE: &str = r#"
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.15em;margin:1.4em 0 .4em}
pre{background:#f6f6f6;padding:.8em;overflow:auto;font-size:12px;max-height:28em}
.facts{columns:3 22em;font:12px monospace}
#controls{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ddd;display:flex;flex-wrap:wrap;gap:.6em;align-items:center}
select,button{font:inherit}
table{border-collapse:collapse;width:100%;font:12px monospace}
th,td{text-align:left;padding:2px 6px;border-bottom:1px solid #eee;vertical-align:top}
th{background:#fafafa;position:sticky;top:2.6em}
table.grid{width:auto;margin:.3em 0 .8em}table.grid td.ok{background:#e8f6e8}table.grid td.refused{background:#f8ecd8}table.grid td.bad{background:#fdd}details summary{cursor:pointer;margin:.2em 0}
tr.bad td{background:#fdd}tr.odd td{background:#fff8e0}tr.nr td{color:#999}
tr.case{cursor:pointer}tr.why td{background:#f4f8ff;white-space:normal;font-family:system-ui,sans-serif}
.rule{border-bottom:1px dotted #888}
svg{max-width:100%;height:auto}
.muted{color:#777}
"#;

const SCRIPT: &str = r#"
(function(){
const errors=[];
window.addEventListener('error',e=>{errors.push(String(e.message));document.body.dataset.errors=errors.length;});
const D=JSON.parse(document.getElementById('data').textContent);
const S=D.strings,R=D.rules,rows=D.rows,PAGE=300;
const COLS=[['family',1],['option',0],['kind',2],['state',3],['path',4]];
const sel={};let page=0,kept=[];
const ctl=document.getElementById('controls');
for(const [name,col] of COLS){
  const seen=[];for(const r of rows){const v=S[r[col]];if(!seen.includes(v))seen.push(v);}
  const label=document.createElement('label');label.textContent=name+' ';
  const s=document.createElement('select');s.id='f-'+name;
  s.innerHTML='<option value="">all</option>'+seen.map(v=>'<option>'+esc(v)+'</option>').join('');
  s.onchange=()=>{page=0;apply();};label.appendChild(s);ctl.appendChild(label);sel[name]=[s,col];
}
const sur=document.createElement('label');sur.innerHTML='<input type="checkbox" id="f-surprises"> only surprises / disagreements';
ctl.appendChild(sur);document.getElementById('f-surprises').onchange=()=>{page=0;apply();};
const count=document.createElement('span');count.id='count';ctl.appendChild(count);
const prev=document.createElement('button');prev.textContent='◀';prev.onclick=()=>{if(page>0){page--;draw();}};
const next=document.createElement('button');next.textContent='▶';next.onclick=()=>{if((page+1)*PAGE<kept.length){page++;draw();}};
ctl.appendChild(prev);ctl.appendChild(next);
function esc(t){return String(t).replace(/&/g,'&amp;').replace(/</g,'&lt;').replace(/>/g,'&gt;').replace(/"/g,'&quot;');}
function fromHash(){
  const h=new URLSearchParams(location.hash.slice(1));
  for(const k in sel){const v=h.get(k);if(v!==null)sel[k][0].value=v;}
  if(h.get('surprises'))document.getElementById('f-surprises').checked=true;
}
function apply(){
  const want=[];for(const k in sel){const [s,col]=sel[k];if(s.value!=='')want.push([col,S.indexOf(s.value)]);}
  const only=document.getElementById('f-surprises').checked;
  kept=[];
  outer:for(let i=0;i<rows.length;i++){const r=rows[i];
    for(const [col,v] of want)if(r[col]!==v)continue outer;
    if(only&&!(r[9]&3))continue;kept.push(i);}
  document.body.dataset.shown=kept.length;draw();
}
function rulesOf(r){return S[r[8]].split('+').filter(x=>x);}
function draw(){
  const from=page*PAGE,to=Math.min(kept.length,from+PAGE),out=[];
  for(let k=from;k<to;k++){const i=kept[k],r=rows[i];
    const cls=r[9]&1?'bad':r[9]&4?'nr':r[9]&2?'odd':'';
    const rl=rulesOf(r).map(id=>{const x=R[id]||['','',''];return '<span class="rule" title="'+esc(x[1]+' — '+x[2])+'">'+esc(id)+'</span>';}).join(' + ');
    out.push('<tr class="case '+cls+'" data-i="'+i+'"><td>'+esc(S[r[0]])+'</td><td>'+esc(S[r[2]])+'</td><td>'+esc(S[r[3]])+'</td><td>'+esc(S[r[4]])+'</td><td>'+esc(S[r[5]])+'</td><td>'+esc(S[r[6]])+'</td><td>'+esc(S[r[7]])+(r[9]&1?' !!':'')+'</td><td>'+rl+'</td></tr>');}
  document.getElementById('rows').innerHTML=out.join('');
  count.textContent=kept.length+' of '+rows.length+' cases'+(kept.length>PAGE?' · rows '+(from+1)+'–'+to:'');
}
document.getElementById('rows').addEventListener('click',e=>{
  const tr=e.target.closest('tr.case');if(!tr)return;
  const n=tr.nextElementSibling;if(n&&n.classList.contains('why')){n.remove();return;}
  const r=rows[+tr.dataset.i];
  const html=rulesOf(r).map(id=>{const x=R[id]||['','',''];return '<b>'+esc(id)+'</b>: <code>'+esc(x[0])+'</code><br>'+esc(x[1])+'<br><span class="muted">source: '+esc(x[2])+'</span>';}).join('<hr>');
  const w=document.createElement('tr');w.className='why';w.innerHTML='<td colspan="8">'+html+'</td>';tr.after(w);
});
window.addEventListener('hashchange',()=>{fromHash();page=0;apply();});
document.body.dataset.total=rows.length;
fromHash();apply();
document.body.dataset.firstPaint=Math.round(performance.now());
document.body.dataset.errors=errors.length;
})();
"#;

/// The report page.
pub fn html(report: &Report, picture: &str) -> String {
    let (host, s) = (report.host, report.summary());
    let title = format!("sockmatrix: {} {}", host.os_label(), host.kernel);
    let what = if host.probe().is_some() {
        "measured through F-Stack's probe (FreeBSD 13.0's stack in user space, not a FreeBSD host), beside the model's prediction"
    } else if host.measured {
        "measured on this host, beside the model's prediction"
    } else {
        "model only: nothing was measured (observed column empty)"
    };
    let facts: String = host_lines(report)
        .iter()
        .map(|l| format!("<div>{}</div>", escape(l)))
        .collect();
    // The digest without its host block, which the page shows above it.
    let digest = digest(report, false);
    let digest = escape(
        digest
            .split_once("\n\n")
            .map_or(digest.as_str(), |(_, rest)| rest),
    );
    let hazards = hazards(report);
    let grids = bind_grids(report);
    let data = serde_json::to_string(&data(report))
        .expect("a JSON value always serializes")
        .replace("</", "<\\/");
    let picture = picture
        .trim_start_matches(|c| c != '<')
        .strip_prefix("<?xml")
        .map_or(picture, |rest| rest.split_once("?>").map_or(rest, |(_, svg)| svg));
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{title}</title><style>{STYLE}</style></head>
<body>
<h1>{title}</h1>
<p>{what}. {cases} cases, {disagree} model disagreements, {div} path divergences, {nr} could not run. Click a case for its rules' formulas, reasons and sources.</p>
<h2>Host</h2><div class="facts">{facts}</div>
<h2>Digest</h2><pre>{digest}</pre>
<h2>Library hazards</h2>{hazards}
<h2 id="bind">What it does: bind and reuse</h2>{grids}
<h2>Buffer sizes</h2>{picture}
<h2>Every case</h2>
<div id="controls"></div>
<table><thead><tr><th>option</th><th>kind</th><th>state</th><th>path</th><th>requested</th><th>observed</th><th>predicted</th><th>rule</th></tr></thead><tbody id="rows"></tbody></table>
<script type="application/json" id="data">{data}</script>
<script>{SCRIPT}</script>
</body></html>
"#,
        cases = s.cases,
        disagree = s.disagreements,
        div = s.divergences,
        nr = s.not_run,
    )
}

/// The bind-and-reuse cases as grids, one per transport and pair of
/// addresses: the first socket's options and state down, the second's
/// options across, each cell the outcome (with the rules on hover; a
/// disagreement shows the model's answer beside it).
fn bind_grids(report: &Report) -> String {
    use crate::behaviour::bind::{self, Proto, Relation, Reuse};
    use crate::behaviour::Case;
    let cells: HashMap<bind::BindCase, &crate::engine::behaviours::BehaviourRow> = report
        .behaviours
        .iter()
        .filter_map(|b| match b.case {
            Case::Bind(c) => Some((c, b)),
            _ => None,
        })
        .collect();
    if cells.is_empty() {
        return "<p>No bind-and-reuse cases in this report (a narrowed run, a probe, or no model).</p>"
            .into();
    }
    let sets: Vec<Reuse> = Reuse::ALL
        .into_iter()
        .filter(|r| cells.keys().any(|c| c.first == *r))
        .collect();
    let mut out = String::from("<p>A first socket takes a loopback port with the options down the side and is left in the state named; a second with the options across binds the same port. TCP: bind, then listen (and the first's listen when it had only bound); UDP: bind, then who receives eight clients' datagrams. Hover a cell for its rules.</p>");
    for proto in [Proto::Tcp, Proto::Udp] {
        for relation in Relation::ALL {
            let (a1, a2) = relation.addrs();
            let name = match proto {
                Proto::Tcp => "tcp",
                Proto::Udp => "udp",
            };
            let open = if relation == Relation::Same { " open" } else { "" };
            out.push_str(&format!(
                "<details{open}><summary>{name}: first on {}, second on {}</summary><table class=\"grid\"><thead><tr><th>first \\ second</th>",
                escape(a1.label()),
                escape(a2.label())
            ));
            for set in &sets {
                out.push_str(&format!("<th>{}</th>", set.label()));
            }
            out.push_str("</tr></thead><tbody>");
            for first in &sets {
                for state in bind::states(proto, relation) {
                    out.push_str(&format!("<tr><th>{} {}</th>", first.label(), state.label()));
                    for second in &sets {
                        let case = bind::BindCase {
                            proto,
                            first: *first,
                            state,
                            relation,
                            second: *second,
                        };
                        match cells.get(&case) {
                            Some(row) => {
                                let text = super::behaviour::effective(row);
                                let class = match (row.agrees(), text.starts_with("bind ok")) {
                                    (false, _) => "bad",
                                    (true, true) => "ok",
                                    (true, false) => "refused",
                                };
                                out.push_str(&format!(
                                    "<td class=\"{class}\" title=\"{}\">{}</td>",
                                    escape(&row.prediction.rule_id()),
                                    escape(text.strip_prefix("bind ok; ").unwrap_or(&text))
                                ));
                            }
                            None => out.push_str("<td>-</td>"),
                        }
                    }
                    out.push_str("</tr>");
                }
            }
            out.push_str("</tbody></table></details>");
        }
    }
    out
}

/// The library traps the report's cases ran into, each with its count and
/// a first case, as a list (or a line saying there are none).
fn hazards(report: &Report) -> String {
    let mut seen: Vec<(String, usize, String)> = Vec::new();
    for r in &report.rows {
        for hazard in r
            .prediction
            .rules
            .iter()
            .filter_map(|rule| crate::library::hazard(rule))
        {
            let key = format!("{}: {hazard}", r.case.api);
            match seen.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, n, _)) => *n += 1,
                None => seen.push((key, 1, r.case.to_string())),
            }
        }
    }
    if seen.is_empty() {
        return "<p>None of these cases runs into a library's trap.</p>".to_string();
    }
    let items: String = seen
        .iter()
        .map(|(key, n, first)| {
            format!(
                "<li><b>{}</b>: {n} case{} (first: {})</li>",
                escape(key),
                if *n == 1 { "" } else { "s" },
                escape(first)
            )
        })
        .collect();
    format!("<ul class=\"hazards\">{items}</ul>")
}
