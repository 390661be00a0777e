#!/usr/bin/env node
// End-to-end test of the web page in headless Chromium (Debian's chromium,
// driven by playwright-core from web/page/node_modules): imports the bundled
// examples into a temporary database, starts `papergraph serve --port 0`,
// runs the loop-transformer question, clicks the bytedance node, checks the
// panel, autocomplete, expansion, a path and an inline error, and saves
// screenshots under OUT_DIR (test artifacts).
//   node e2e.js PAPERGRAPH_BINARY SOURCE_DIR OUT_DIR
// Without /usr/bin/chromium it prints "skipped: chromium not installed" and exits 0.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const CHROMIUM = process.env.PAPERGRAPH_CHROMIUM || '/usr/bin/chromium';
const [binary, sourceDir, outDir] = process.argv.slice(2);
if (!binary || !sourceDir || !outDir) {
  console.error('usage: e2e.js PAPERGRAPH_BINARY SOURCE_DIR OUT_DIR');
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM)) {
  console.log('skipped: chromium not installed');
  process.exit(0);
}
let playwright;
try {
  playwright = require(path.resolve(sourceDir, 'web/page/node_modules/playwright-core'));
} catch (e) {
  console.log('skipped: playwright-core not installed (npm ci --prefix web/page)');
  process.exit(0);
}

const QUESTION = 'topic:"loop transformers" - paper - org | count by org';
const BAD = 'topic:"loop transformers" - paper - orgg';
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

async function startServer(db) {
  const server = spawn(binary, ['--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('serve did not start: ' + out)), 20000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/[^\s]+\/)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on('exit', (code) => reject(new Error('serve exited with ' + code + ': ' + out)));
  });
  return { server, url };
}

// The centre of a graph node on the screen.
async function nodePoint(page, id) {
  return page.evaluate((id) => {
    const n = cy.getElementById(id);
    if (n.empty()) return null;
    const p = n.renderedPosition();
    const r = cy.container().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-e2e-'));
  const db = path.join(tmp, 'db');
  const imp = spawnSync(binary, ['--db', db, 'import', path.join(sourceDir, 'examples')], { encoding: 'utf8' });
  if (imp.status !== 0) throw new Error('import failed: ' + imp.stderr);

  const { server, url } = await startServer(db);
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    const offsite = [];
    page.on('request', (r) => { if (!r.url().startsWith(url)) offsite.push(r.url()); });

    await page.goto(url);
    await page.waitForFunction(() => document.getElementById('stats').textContent.includes('papers'));
    check(await page.evaluate(() => typeof cytoscape === 'function' && !!cy), 'Cytoscape.js loads from the binary');
    check((await page.locator('#examples a').count()) >= 3, 'example queries are listed');

    // The loop-transformer question: bytedance in the graph and the table.
    await page.fill('#query', QUESTION);
    await page.press('#query', 'Escape');
    await page.click('#run');
    await page.waitForFunction(() => cy.getElementById('org:bytedance').nonempty(), null, { timeout: 15000 });
    check(true, 'the question shows org:bytedance in the graph');
    check(new URL(page.url()).searchParams.get('q') === QUESTION, 'the URL holds the query');
    await page.waitForTimeout(700);  // the layout animation
    await page.screenshot({ path: path.join(outDir, '01-question-graph.png') });

    // Click the node: the panel.
    const pt = await nodePoint(page, 'org:bytedance');
    await page.mouse.click(pt.x, pt.y);
    await page.waitForFunction(() => (document.getElementById('panel-title') || {}).textContent === 'ByteDance');
    check(await page.isVisible('#panel'), 'clicking org:bytedance opens its panel');
    check((await page.textContent('#panel')).includes('Looped Transformers Think in Depth'), 'the panel lists its papers');
    await page.screenshot({ path: path.join(outDir, '02-bytedance-panel.png') });

    // A paper's panel: labs, topics, reviews with dates, links, sections.
    await page.waitForTimeout(600);  // two quick clicks would be a double click
    const paper = await nodePoint(page, 'arxiv:2510.90001');
    await page.mouse.click(paper.x, paper.y);
    await page.waitForFunction(() => (document.getElementById('panel-title') || {}).textContent === 'Looped Transformers Think in Depth');
    const text = await page.textContent('#panel');
    check(text.includes('Labs') && text.includes('ByteDance'), 'paper panel: labs');
    check(text.includes('Reviewed in') && text.includes('2025-10-20'), 'paper panel: reviews with dates');
    check(await page.locator('#panel a[href="https://arxiv.org/abs/2510.90001"]').count() === 1, 'paper panel: arXiv link');
    check(await page.locator('#panel a[href="https://huggingface.co/papers/2510.90001"]').count() === 1, 'paper panel: Hugging Face link');
    check(text.includes('Provenance'), 'paper panel: provenance');
    await page.screenshot({ path: path.join(outDir, '03-paper-panel.png') });

    // Double-click expands neighbours.
    await page.waitForTimeout(600);
    const before = await page.evaluate(() => cy.nodes().length);
    const p2 = await nodePoint(page, 'arxiv:2510.90001');
    await page.mouse.dblclick(p2.x, p2.y);
    await page.waitForFunction((n) => cy.nodes().length > n, before, { timeout: 10000 }).catch(() => {});
    check((await page.evaluate(() => cy.nodes().length)) > before, 'double-click expands neighbours');

    // The table view.
    await page.click('#tab-table');
    check((await page.textContent('#table')).includes('ByteDance'), 'the table view lists the answer');
    await page.screenshot({ path: path.join(outDir, '04-table.png') });
    await page.click('#tab-graph');

    // Autocomplete of names.
    await page.fill('#query', '');
    await page.type('#query', 'org:byte');
    await page.waitForSelector('#suggest li', { timeout: 5000 }).catch(() => {});
    check((await page.isVisible('#suggest')) && (await page.textContent('#suggest')).includes('ByteDance'), 'autocomplete suggests ByteDance');
    await page.press('#query', 'Enter');
    check((await page.inputValue('#query')).startsWith('org:bytedance'), 'choosing a suggestion completes the name');

    // Path between two nodes.
    await page.fill('#path-from', 'arxiv:2510.90001');
    await page.fill('#path-to', 'org:xiaomi');
    await page.click('#path-run');
    await page.waitForFunction(() => cy.getElementById('org:xiaomi').nonempty(), null, { timeout: 10000 }).catch(() => {});
    check(await page.evaluate(() => cy.getElementById('org:xiaomi').nonempty()), 'path between shows the chain');
    await page.waitForTimeout(700);
    await page.screenshot({ path: path.join(outDir, '05-path.png') });

    // The topic map.
    await page.click('#tab-map');
    await page.waitForFunction(() => cy.nodes('.map').length > 0, null, { timeout: 10000 }).catch(() => {});
    check((await page.evaluate(() => cy.nodes('.map').length)) > 0, 'the topic map shows topics');
    check(new URL(page.url()).searchParams.get('map') === '1', 'the URL holds the map view');
    await page.waitForTimeout(700);
    await page.screenshot({ path: path.join(outDir, '06-topic-map.png') });

    // Export links for the current query.
    await page.click('#examples a >> nth=0');
    await page.waitForFunction(() => !document.getElementById('export').hidden, null, { timeout: 10000 }).catch(() => {});
    const href = await page.getAttribute('#export-dot', 'href');
    check(href && href.startsWith('/api/export?format=dot&q='), 'export links follow the query');
    const dot = await page.evaluate(async (h) => (await fetch(h)).text(), href);
    check(dot.includes('org:bytedance'), 'the DOT export has the answer');

    // A bad query: the error under the bad token.
    await page.fill('#query', BAD);
    await page.press('#query', 'Escape');
    await page.click('#run');
    await page.waitForSelector('#error:not([hidden])', { timeout: 5000 });
    const msg = await page.textContent('#error-message');
    check(msg.includes('orgg') && msg.includes('1:37'), 'the error names the token and position: ' + msg.trim());
    const where = await page.evaluate((bad) => {
      const input = document.getElementById('query');
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = getComputedStyle(input).font;
      const cs = getComputedStyle(input);
      const expected = input.getBoundingClientRect().left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth) +
                       ctx.measureText(bad.slice(0, 36)).width;
      const caret = document.querySelector('#error .caret').getBoundingClientRect();
      return { expected, left: caret.left, right: caret.right };
    }, BAD);
    check(where.left <= where.expected + 2 && where.right >= where.expected - 2,
          `the caret is under the bad token (caret ${where.left.toFixed(0)}–${where.right.toFixed(0)}, token at ${where.expected.toFixed(0)})`);
    await page.screenshot({ path: path.join(outDir, '07-error.png') });

    // A shared URL runs its query on load.
    await page.goto(url + '?q=' + encodeURIComponent(QUESTION));
    await page.waitForFunction(() => typeof cy !== 'undefined' && cy.getElementById('org:bytedance').nonempty(), null, { timeout: 15000 })
      .then(() => check(true, 'a shared URL runs its query'), () => check(false, 'a shared URL runs its query'));

    check(offsite.length === 0, 'no request leaves the server (offline): ' + offsite.join(' '));
    // The bad query's 400 is expected; nothing else may fail.
    const unexpected = consoleErrors.filter((e) => !e.includes('status of 400'));
    check(unexpected.length === 0, 'no errors in the console: ' + unexpected.join(' | '));
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`screenshots in ${outDir}`);
  if (failures) {
    console.log(`${failures} check(s) failed`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error('FAIL', e && e.stack || e);
  process.exit(1);
});
