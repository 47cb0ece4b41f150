// The site in a real browser (Debian's Chromium, driven by playwright-core):
// every page opened from file:// with no console message and no page error,
// every internal link and image resolving (file and #anchor), each page's
// first paint under a second, the search finding an option, the filters
// narrowing the index to the counts index.json gives, and screenshots of the
// index and one option page.
//
// Usage: node check.mjs SITE_DIR SCREENSHOT_DIR
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const [siteArg, shotsArg] = process.argv.slice(2);
if (!siteArg || !shotsArg) {
  console.error('usage: node check.mjs SITE_DIR SCREENSHOT_DIR');
  process.exit(2);
}
const site = path.resolve(siteArg);
const shots = path.resolve(shotsArg);
const failures = [];
const fail = (what) => failures.push(what);

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}
const files = walk(site);
const pages = files.filter((f) => f.endsWith('.html')).sort();
const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);

// The ids of each page, read once, to check #anchors.
const idCache = new Map();
function idsOf(file) {
  if (!idCache.has(file)) {
    const text = fs.readFileSync(file, 'utf8');
    idCache.set(file, new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'))));
  }
  return idCache.get(file);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
let slowest = { page: '', ms: 0 };
let links = 0;

for (const file of pages) {
  const rel = path.relative(site, file);
  const page = await context.newPage();
  page.on('console', (m) => fail(`${rel}: console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => fail(`${rel}: page error: ${e.message}`));
  page.on('requestfailed', (r) => fail(`${rel}: request failed: ${r.url()}`));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const paint = await page.evaluate(() => {
    const p = performance.getEntriesByName('first-contentful-paint')[0];
    return p ? p.startTime : performance.now();
  });
  if (paint > slowest.ms) slowest = { page: rel, ms: paint };
  if (paint > 1000) fail(`${rel}: first paint after ${Math.round(paint)} ms`);
  const targets = await page.evaluate(() =>
    [...document.querySelectorAll('a[href], img[src], link[href], script[src]')].map(
      (e) => e.getAttribute('href') ?? e.getAttribute('src')));
  for (const t of targets) {
    if (/^(https?:|mailto:|data:)/.test(t)) {
      if (/^https?:/.test(t)) fail(`${rel}: a link leaves the site: ${t}`);
      continue;
    }
    links++;
    const url = new URL(t, pathToFileURL(file));
    const target = fileURLToPath(url);
    if (!fs.existsSync(target)) {
      fail(`${rel}: broken link ${t}`);
      continue;
    }
    const anchor = decodeURIComponent(url.hash.slice(1));
    if (anchor && target.endsWith('.html') && !idsOf(target).has(anchor)) {
      fail(`${rel}: link ${t} names no element`);
    }
  }
  await page.close();
}

// The index: search and filters against index.json.
const index = JSON.parse(fs.readFileSync(path.join(site, 'index.json'), 'utf8')).options;
const page = await context.newPage();
page.on('console', (m) => fail(`index.html (filters): console ${m.type()}: ${m.text()}`));
await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
const visible = () => page.evaluate(() =>
  [...document.querySelectorAll('#options tbody tr')].filter((r) => !r.classList.contains('hide'))
    .map((r) => r.dataset.name));
const shown = () => page.evaluate(() => Number(document.getElementById('shown').textContent));
async function expect(label, want) {
  const got = await visible();
  const n = await shown();
  if (got.length !== want.length || n !== want.length || !want.every((w) => got.includes(w))) {
    fail(`index: ${label}: shows ${got.length} (counter ${n}), index.json says ${want.length}`);
  } else {
    console.log(`check-site: ${label}: ${got.length} options, as index.json says`);
  }
}
await expect('no filter', index.map((o) => o.name));
await page.fill('#q', 'rcvbuf');
const found = await visible();
if (!found.includes('SO_RCVBUF')) fail('index: searching "rcvbuf" does not find SO_RCVBUF');
await expect('search "rcvbuf"', index.filter((o) => o.name.toLowerCase().includes('rcvbuf')).map((o) => o.name));
await page.fill('#q', '');
await page.selectOption('#family', 'tcp');
await expect('family tcp', index.filter((o) => o.family === 'tcp').map((o) => o.name));
await page.selectOption('#family', '');
await page.selectOption('#os', 'windows');
await expect('defined on windows', index.filter((o) => o.os.includes('windows')).map((o) => o.name));
await page.check('#differs');
await expect('defined on windows, differs across OSes',
  index.filter((o) => o.os.includes('windows') && o.differs).map((o) => o.name));
await page.selectOption('#os', '');
await page.uncheck('#differs');
await page.check('#lib');
await expect('a library changes the request', index.filter((o) => o.library_changes).map((o) => o.name));
await page.uncheck('#lib');

fs.mkdirSync(shots, { recursive: true });
await page.screenshot({ path: path.join(shots, 'site-index.png') });
const option = await context.newPage();
await option.goto(pathToFileURL(path.join(site, 'options', 'so_rcvbuf.html')).href + '#udp4');
await option.screenshot({ path: path.join(shots, 'site-option-so_rcvbuf.png') });
await browser.close();

console.log(`check-site: ${pages.length} pages, ${(bytes / 1e6).toFixed(1)} MB, ${links} internal links; ` +
  `slowest first paint ${Math.round(slowest.ms)} ms (${slowest.page}); screenshots in ${shots}`);
if (bytes > 10e6) fail(`the site is ${(bytes / 1e6).toFixed(1)} MB, over 10 MB`);
if (failures.length) {
  console.error(`check-site: ${failures.length} failures:`);
  for (const f of failures.slice(0, 50)) console.error(`  ${f}`);
  process.exit(1);
}
