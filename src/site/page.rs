//! The frame every page shares: head, navigation, the style sheet and the
//! index's script (one small file each, no CDN: the site works from
//! `file://` and any static host), and HTML escaping.

/// The report's HTML escape, shared.
pub use crate::render::html::escape as esc;

/// An option's page name: `SO_RCVBUF` → `so_rcvbuf`.
pub fn slug(name: &str) -> String {
    name.to_ascii_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// A whole page. `depth` is how many folders down it lives (0 for the
/// index), so its links work from `file://` as from a host.
pub fn page(title: &str, depth: usize, body: &str, script: bool) -> String {
    let up = "../".repeat(depth);
    let script = match script {
        true => format!("<script src=\"{up}site.js\"></script>"),
        false => String::new(),
    };
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title} · sockmatrix</title><link rel=\"stylesheet\" href=\"{up}site.css\">\
         <link rel=\"icon\" href=\"data:,\"></head><body>\
         <nav><a href=\"{up}index.html\">options</a> · <a href=\"{up}os/index.html\">OSes</a> · \
         <a href=\"{up}lib/index.html\">libraries</a> · <a href=\"{up}behaviours/index.html\">behaviours</a> · \
         <a href=\"{up}plots/index.html\">buffer plots</a> · <a href=\"{up}runs.html\">runs</a></nav>\
         <main>{body}</main>{script}</body></html>\n",
        title = esc(title)
    )
}

/// The style sheet.
pub const CSS: &str = "\
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#fff}
nav{background:#234;padding:6px 12px}nav a{color:#fff}
main{padding:8px 16px}
table{border-collapse:collapse;margin:6px 0}
th,td{border:1px solid #ccc;padding:2px 5px;vertical-align:top;text-align:left}
th{background:#f2f2f2}
col.m{background:#f4fbf4}col.p{background:#f7f7fc}
code{font:12px ui-monospace,monospace}code.e{color:#a22}
.model{color:#558;font-style:italic}.meas{color:#262;font-weight:600}
.r{font-size:11px;color:#666}
.f{font-size:11px;color:#333}
sub{font-size:10px;color:#777}
details{margin:4px 0 10px}summary{cursor:pointer;color:#246}
tr.hide{display:none}
table.bh{table-layout:fixed;width:100%}table.bh td:first-child,table.bh th:first-child{width:22%}
.muted{color:#777}
section{margin-top:14px}
dl.rules dt{font-weight:600;margin-top:8px}dl.rules dd{margin-left:16px}
#filters label{margin-right:12px}
";

/// The index's search and filters: rows carry their facts as data
/// attributes; the page counts what it shows into `#shown`.
pub const JS: &str = "\
(function(){
var q=document.getElementById('q');if(!q)return;
var fam=document.getElementById('family'),os=document.getElementById('os'),
d=document.getElementById('differs'),l=document.getElementById('lib'),
rows=document.querySelectorAll('#options tbody tr'),shown=document.getElementById('shown');
function apply(){
var t=q.value.trim().toLowerCase(),n=0;
rows.forEach(function(r){
var ok=(!t||r.dataset.name.toLowerCase().indexOf(t)>=0)&&
(!fam.value||r.dataset.family===fam.value)&&
(!os.value||r.dataset.os.split(' ').indexOf(os.value)>=0)&&
(!d.checked||r.dataset.differs==='1')&&(!l.checked||r.dataset.lib==='1');
r.classList.toggle('hide',!ok);if(ok)n++;});
shown.textContent=n;document.body.dataset.shown=n;}
[q,fam,os,d,l].forEach(function(e){e.addEventListener('input',apply);e.addEventListener('change',apply);});
apply();})();
";
