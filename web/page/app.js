// papergraph page: a query box, a Cytoscape.js graph view, a results table and
// a node panel, all fed by the JSON API of `papergraph serve` (docs/web.md).
// Plain browser JavaScript, no build step. Text from the graph is only ever
// inserted with textContent (posts are untrusted input).
'use strict';

const EXAMPLES = [
  'topic:"loop transformers" - paper - org | count by org',
  'org:bytedance - paper - topic | count by topic | top 10',
  'paper[date >= 2025-10-20] -mentions-> topic | count by topic | top 10',
  'neighbors topic:"speculative decoding" depth 2',
  'post -reviews-> paper -affiliated-> org',
];

const KIND_STYLE = {
  paper: { color: '#3b6fd8', shape: 'round-rectangle' },
  org: { color: '#e07b1f', shape: 'hexagon' },
  topic: { color: '#2e9d5b', shape: 'ellipse' },
  post: { color: '#8a8f99', shape: 'diamond' },
};

// Panel headings for a node's neighbours, by direction and edge kind.
const EDGE_TITLES = {
  'in:affiliated': 'Papers of this lab', 'in:mentions': 'Papers mentioning this %s',
  'out:reviews': 'Papers reviewed', 'in:reviews': 'Reviewed in', 'out:links_to': 'Links to',
  'in:links_to': 'Linked from', 'out:subtopic_of': 'Parent topics', 'in:subtopic_of': 'Subtopics',
  'out:mentions': 'Mentions', 'out:affiliated': 'Labs',
};

const $ = (id) => document.getElementById(id);
let cy = null;
let lastResult = null;
let view = 'graph';

// el('a', {href: ..., class: ...}, 'text', child, ...)
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path) {
  try {
    const res = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await res.json(); } catch (_) { body = { error: 'the server answered ' + res.status }; }
    return { ok: res.ok, status: res.status, body };
  } catch (e) {
    return { ok: false, status: 0, body: { error: 'cannot reach papergraph serve: ' + e.message } };
  }
}

// ---------- URL state ----------
function setUrl(params, push) {
  const u = new URL(location.href);
  u.search = new URLSearchParams(params).toString();
  if (u.href !== location.href) history[push ? 'pushState' : 'replaceState'](null, '', u);
}

// ---------- stats ----------
async function loadStats() {
  const r = await api('/api/stats');
  if (!r.ok) return;
  const n = r.body.nodes;
  $('stats').textContent = `${n.paper} papers · ${n.org} labs · ${n.topic} topics · ${n.post} posts`;
}

// ---------- errors under the bad token ----------
let measureCanvas = null;
function textWidth(text, input) {
  measureCanvas = measureCanvas || document.createElement('canvas');
  const ctx = measureCanvas.getContext('2d');
  ctx.font = getComputedStyle(input).font;
  return ctx.measureText(text).width;
}

function clearError() {
  $('error').hidden = true;
  $('query').classList.remove('bad');
}

function showError(query, body, input) {
  input = input || $('query');
  const box = $('error');
  const pos = body && body.position;
  let msg = (body && (body.error || body.message)) || 'error';
  if (body && body.expected && !msg.includes('expected')) msg += ` (expected ${body.expected})`;
  if (pos && input === $('query')) {
    const line = query.split('\n')[pos.line - 1] || '';
    const before = Array.from(line).slice(0, Math.max(0, pos.column - 1)).join('');
    const cs = getComputedStyle(input);
    const left = parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth) + textWidth(before, input) - input.scrollLeft;
    $('error-pad').style.width = Math.max(0, left) + 'px';
    $('error-caret').hidden = false;
    $('error-message').textContent = `${pos.line}:${pos.column}: ${msg}`;
  } else {
    $('error-caret').hidden = true;
    $('error-message').textContent = msg;
  }
  box.hidden = false;
  input.classList.add('bad');
}

// ---------- running things ----------
async function runQuery(q, push = true) {
  q = q.trim();
  if (!q) return;
  $('query').value = q;
  setUrl({ q }, push);
  clearError();
  $('summary').textContent = 'running…';
  const r = await api('/api/query?q=' + encodeURIComponent(q));
  if (!r.ok) {
    $('summary').textContent = '';
    showError(q, r.body);
    return;
  }
  showResult(r.body);
}

async function runPath(from, to, push = true) {
  from = from.trim(); to = to.trim();
  if (!from || !to) return;
  $('path-from').value = from; $('path-to').value = to;
  setUrl({ from, to }, push);
  clearError();
  $('summary').textContent = 'finding a path…';
  const r = await api(`/api/path?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  if (!r.ok) {
    $('summary').textContent = '';
    showError('', r.body, $('path-to'));
    return;
  }
  $('query').value = r.body.query || '';
  showResult(r.body);
}

function showResult(result) {
  lastResult = result;
  const ms = result.elapsed_us !== undefined ? (result.elapsed_us / 1000).toFixed(1) + ' ms' : '';
  const notes = (result.notes || []).join(' · ');
  $('summary').textContent = `${result.rows.length} rows · ${result.nodes.length} nodes · ${ms}${notes ? ' · ' + notes : ''}`;
  renderTable(result);
  renderGraph(result, true);
  if (view === 'map') setView('graph');
  for (const f of ['dot', 'graphml', 'json', 'cytoscape'])
    $('export-' + f).href = `/api/export?format=${f}&q=${encodeURIComponent(result.query || '')}`;
  $('export').hidden = !result.query;
}

// ---------- topic map ----------
async function runMap(params, push = true) {
  const org = params.org || '', since = params.since || '', min = params.min || '2';
  $('map-org').value = org; $('map-since').value = since; $('map-min').value = min;
  setUrl({ map: '1', ...(org && { org }), ...(since && { since }), min }, push);
  setView('map');
  clearError();
  $('summary').textContent = 'building the topic map…';
  const q = new URLSearchParams({ min_weight: min, max_topics: '60' });
  if (org) q.set('org', org);
  if (since) q.set('since', since);
  const r = await api('/api/map?' + q.toString());
  if (!r.ok) { $('summary').textContent = ''; showError('', r.body, $('map-org')); return; }
  const m = r.body;
  $('summary').textContent = `${m.topics.length} topics over ${m.papers} papers · ${m.edges.length} links`;
  $('export').hidden = true;
  if (!cy) return;
  const most = Math.max(1, ...m.topics.map((t) => t.papers));
  const heaviest = Math.max(1, ...m.edges.map((e) => e.weight));
  cy.startBatch();
  cy.elements().remove();
  for (const t of m.topics)
    cy.add({ group: 'nodes', classes: 'map', data: { id: t.id, kind: 'topic', name: t.name,
      label: `${t.name} (${t.papers})`, size: 16 + 44 * Math.sqrt(t.papers / most) } });
  for (const e of m.edges)
    cy.add({ group: 'edges', classes: 'map', data: { id: `${e.source}~${e.target}`, source: e.source, target: e.target,
      kind: String(e.weight), width: 1 + 6 * (e.weight / heaviest) } });
  cy.endBatch();
  layout(true);
}

// ---------- graph ----------
function nodeElement(n) {
  const name = n.name || n.id;
  return {
    group: 'nodes',
    data: { id: n.id, kind: n.kind, name, label: name.length > 42 ? name.slice(0, 40) + '…' : name },
  };
}
function edgeElement(e) {
  return { group: 'edges', data: { id: `${e.src}|${e.kind}|${e.dst}`, source: e.src, target: e.dst, kind: e.kind } };
}

function initGraph() {
  if (typeof cytoscape === 'undefined') {
    $('graph').textContent = 'Cytoscape.js is not part of this build (npm ci --prefix web/page, then rebuild); the table view works.';
    return;
  }
  const style = [
    { selector: 'node', style: {
      label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#1d2330',
      'text-wrap': 'wrap', 'text-max-width': 140, width: 22, height: 22, 'border-width': 1, 'border-color': '#fff',
      'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': 1 } },
    { selector: 'edge', style: {
      width: 1.2, 'line-color': '#b8c0cc', 'target-arrow-color': '#b8c0cc', 'target-arrow-shape': 'triangle',
      'curve-style': 'bezier', 'arrow-scale': 0.8, label: 'data(kind)', 'font-size': 7, color: '#8a93a3',
      'text-rotation': 'autorotate' } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111' } },
    { selector: 'node.hit', style: { width: 30, height: 30 } },
    { selector: 'node.map', style: { width: 'data(size)', height: 'data(size)', 'font-size': 11 } },
    { selector: 'edge.map', style: { width: 'data(width)', 'target-arrow-shape': 'none', 'line-color': '#9fcfb0', opacity: 0.8 } },
  ];
  for (const [kind, s] of Object.entries(KIND_STYLE))
    style.push({ selector: `node[kind = "${kind}"]`, style: { 'background-color': s.color, shape: s.shape } });
  cy = cytoscape({ container: $('graph'), style, elements: [], wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4 });
  // A double click is two taps on the same node (cytoscape's dbltap also
  // fires for quick taps on two different nodes).
  let lastTap = { id: null, t: 0 };
  cy.on('tap', 'node', (ev) => {
    const id = ev.target.id(), now = Date.now();
    if (lastTap.id === id && now - lastTap.t < 400) { lastTap = { id: null, t: 0 }; expand(id); return; }
    lastTap = { id, t: now };
    openPanel(id);
  });
}

function layout(randomize) {
  if (!cy || cy.elements().length === 0) return;
  const big = cy.nodes().length > 150;
  cy.layout({ name: 'cose', animate: !big, animationDuration: 400, randomize, nodeDimensionsIncludeLabels: true,
              idealEdgeLength: () => 80, nodeRepulsion: () => 9000, fit: true, padding: 30 }).run();
}

function renderGraph(result, replace) {
  if (!cy) return;
  cy.startBatch();
  if (replace) cy.elements().remove();
  for (const n of result.nodes) if (cy.getElementById(n.id).empty()) cy.add(nodeElement(n));
  for (const e of result.edges || []) {
    if (cy.getElementById(`${e.src}|${e.kind}|${e.dst}`).nonempty()) continue;
    if (cy.getElementById(e.src).empty() || cy.getElementById(e.dst).empty()) continue;
    cy.add(edgeElement(e));
  }
  // The nodes in the answer's rows stand out from the ones the answer passed through.
  cy.nodes().removeClass('hit');
  for (const row of result.rows) for (const v of row) if (v && v.id) cy.getElementById(v.id).addClass('hit');
  cy.endBatch();
  layout(replace);
}

async function expand(id) {
  const r = await api(`/api/neighbors?id=${encodeURIComponent(id)}&depth=1`);
  if (!r.ok) { showError('', r.body); return; }
  const at = cy.getElementById(id).position();
  cy.startBatch();
  for (const n of r.body.nodes)
    if (cy.getElementById(n.id).empty()) cy.add({ ...nodeElement(n), position: { x: at.x + Math.random() * 40 - 20, y: at.y + Math.random() * 40 - 20 } });
  for (const e of r.body.edges || [])
    if (cy.getElementById(`${e.src}|${e.kind}|${e.dst}`).empty()) cy.add(edgeElement(e));
  cy.endBatch();
  layout(false);
  $('summary').textContent = `expanded ${id}: ${r.body.nodes.length} nodes around it`;
}

// ---------- table ----------
function cell(v) {
  if (v === null || v === undefined) return el('td', {}, '');
  if (typeof v === 'number') return el('td', { class: 'num' }, Number.isInteger(v) ? v : v.toFixed(3));
  if (Array.isArray(v)) return el('td', {}, v.join('; '));
  if (typeof v === 'object' && v.id) return el('td', {}, nodeLink(v.id, v.name && v.name !== v.id ? v.name : v.id));
  return el('td', {}, String(v));
}

function nodeLink(id, text) {
  return el('a', { class: 'node', href: '?node=' + encodeURIComponent(id), 'data-id': id,
                   onclick: (ev) => { ev.preventDefault(); openPanel(id); } }, text || id);
}

function renderTable(result) {
  const table = el('table', {},
    el('thead', {}, el('tr', {}, result.columns.map((c) => el('th', {}, c)))),
    el('tbody', {}, result.rows.map((row) => el('tr', {}, row.map(cell)))));
  $('table').replaceChildren(table);
}

function setView(v) {
  const wasMap = view === 'map';
  view = v;
  $('graph').hidden = v === 'table';
  $('table').hidden = v !== 'table';
  $('map-form').hidden = v !== 'map';
  $('tab-graph').classList.toggle('active', v === 'graph');
  $('tab-table').classList.toggle('active', v === 'table');
  $('tab-map').classList.toggle('active', v === 'map');
  // Back from the map: show the last answer again.
  if (v === 'graph' && wasMap && lastResult) renderGraph(lastResult, true);
  if (v !== 'table' && cy) { cy.resize(); cy.fit(undefined, 30); }
}

// ---------- node panel ----------
async function openPanel(id) {
  const panel = $('panel');
  panel.hidden = false;
  $('panel-body').replaceChildren(el('p', { class: 'muted' }, 'loading ' + id + '…'));
  if (cy) { cy.nodes().unselect(); cy.getElementById(id).select(); cy.resize(); }
  const r = await api('/api/node/' + encodeURIComponent(id));
  if (!r.ok) { $('panel-body').replaceChildren(el('p', { class: 'error' }, r.body.error || 'error')); return; }
  $('panel-body').replaceChildren(...panelContent(r.body));
}

function chips(items) {
  return el('div', { class: 'chips' }, items.map((x) => nodeLink(x.id, x.name)));
}

function prov(file, line) { return el('div', { class: 'prov' }, `${file}:${line}`); }

function panelContent(n) {
  const out = [];
  out.push(el('div', { class: 'id' }, `${n.kind} · ${n.id}`));
  out.push(el('h2', { id: 'panel-title' }, n.name));
  if (n.subtitle) out.push(el('p', { class: 'sub' }, n.subtitle));
  if (n.title_ko) out.push(el('p', { class: 'sub' }, n.title_ko));
  const links = [];
  if (n.links && n.links.arxiv) links.push(el('a', { href: n.links.arxiv, target: '_blank', rel: 'noopener noreferrer' }, 'arXiv'));
  if (n.links && n.links.huggingface) links.push(el('a', { href: n.links.huggingface, target: '_blank', rel: 'noopener noreferrer' }, 'Hugging Face'));
  for (const u of (n.links && n.links.urls) || [])
    if (/^https?:\/\//.test(u) && !links.some((a) => a.href === u)) links.push(el('a', { href: u, target: '_blank', rel: 'noopener noreferrer' }, new URL(u).host));
  if (links.length) out.push(el('div', { class: 'links' }, links));
  const actions = [el('button', { type: 'button', onclick: () => expand(n.id) }, 'Expand neighbours'),
                   el('button', { type: 'button', onclick: () => { $('path-from').value = n.id; $('path-to').focus(); } }, 'Path from here')];
  if (n.kind === 'paper') actions.push(el('button', { type: 'button', onclick: () => runQuery(`related paper:"${n.id.startsWith('arxiv:') ? n.id.slice(6) : n.id}" | top 10`) }, 'Related papers'));
  out.push(el('div', { class: 'actions' }, actions));

  if (n.orgs && n.orgs.length) out.push(el('h3', {}, 'Labs'), chips(n.orgs));
  if (n.topics && n.topics.length) {
    const topics = [...n.topics].sort((a, b) => b.weight - a.weight);
    out.push(el('h3', {}, 'Topics'), chips(topics));
  }
  if (n.dates && n.dates.length) out.push(el('h3', {}, 'Dates'), el('div', {}, n.dates.join(', ')));
  if (n.sections && n.sections.length) {
    out.push(el('h3', {}, 'Review'));
    n.sections.forEach((s, i) => out.push(el('details', i === 0 ? { open: '' } : {},
      el('summary', {}, s.name.replace(/_/g, ' ')), el('div', { class: 'section-text' }, s.text), prov(s.file, s.line))));
  }
  if (n.reviews && n.reviews.length) {
    out.push(el('h3', {}, 'Reviewed in'));
    out.push(el('ul', {}, n.reviews.map((r) => el('li', {}, r.date ? r.date + ' · ' : '', nodeLink(r.id, r.title)))));
  }
  // Other neighbours (a lab's or topic's papers, a post's entries), by edge kind.
  const shown = new Set(['affiliated', 'reviews']);
  for (const [dir, arrow] of [['out', (k) => `-${k}->`], ['in', (k) => `<-${k}-`]]) {
    for (const [kind, items] of Object.entries(n[dir] || {})) {
      if (n.kind === 'paper' && (shown.has(kind) || (dir === 'out' && kind === 'mentions'))) continue;
      const more = n.truncated && n.truncated[`${dir}:${kind}`];
      const title = (EDGE_TITLES[`${dir}:${kind}`] || arrow(kind)).replace('%s', n.kind === 'org' ? 'lab' : n.kind);
      out.push(el('h3', { title: arrow(kind) }, `${title} (${more || items.length})`));
      out.push(el('ul', {}, items.map((x) => el('li', {}, nodeLink(x.id, x.name)))));
    }
  }
  // Where each fact came from.
  const evidence = [];
  for (const o of n.orgs || []) for (const ev of o.evidence || []) evidence.push([`lab ${o.name}`, ev]);
  for (const t of (n.topics || []).slice(0, 8)) for (const ev of (t.evidence || []).slice(0, 2)) evidence.push([`topic ${t.name}`, ev]);
  const props = Object.entries(n.properties || {}).filter(([k]) => !k.startsWith('section:'));
  if (evidence.length || props.length) {
    const list = el('div', {});
    for (const [what, ev] of evidence) list.append(el('div', {}, el('b', {}, what)), el('div', { class: 'snippet' }, ev.snippet), prov(ev.file, ev.line));
    for (const [k, vals] of props) for (const v of vals.slice(0, 3))
      list.append(el('div', {}, el('b', {}, k + ': '), v.value.length > 200 ? v.value.slice(0, 200) + '…' : v.value), prov(v.file, v.line));
    out.push(el('details', {}, el('summary', {}, 'Provenance'), list));
  }
  return out;
}

// ---------- autocomplete ----------
function attachSuggest(input, mode) {
  const box = mode === 'query' ? $('suggest') : null;
  const list = box || el('ul', { class: 'suggest', hidden: '' });
  if (!box) { input.parentNode.style.position = 'relative'; input.after(list); list.style.top = (input.offsetTop + input.offsetHeight) + 'px'; list.style.left = input.offsetLeft + 'px'; }
  let items = [], active = -1, timer = null, seq = 0, token = null;

  function close() { list.hidden = true; items = []; active = -1; }
  function tokenAtCaret() {
    const before = input.value.slice(0, input.selectionStart);
    if (mode !== 'query') return before.trim().length >= 2 ? { start: 0, kind: '', text: before.trim() } : null;
    const m = /(paper|org|topic|post):("?)([^"|]*)$/.exec(before);
    if (!m) return null;
    const text = m[2] ? m[3] : m[3].split(/\s/)[0];
    if (!m[2] && /\s/.test(m[3])) return null;
    if (text.trim().length < 2) return null;
    return { start: m.index, kind: m[1], text };
  }
  function choose(i) {
    const s = items[i];
    if (!s || !token) return;
    let insert;
    if (mode !== 'query') insert = s.id;
    else {
      const key = s.id.slice(s.id.indexOf(':') + 1);
      if (s.id.startsWith('arxiv:')) insert = `paper:${key}`;
      else if (/^[a-z0-9.\-]+$/.test(key) && s.kind !== 'post') insert = `${s.kind}:${key}`;
      else insert = `${s.kind}:"${(s.kind === 'post' ? key : s.name).replace(/["\\]/g, '\\$&')}"`;
    }
    const after = input.value.slice(input.selectionStart).replace(/^[^\s|]*"?/, '');
    input.value = input.value.slice(0, token.start) + insert + (mode === 'query' ? ' ' : '') + after.trimStart();
    const caret = token.start + insert.length + 1;
    input.setSelectionRange(caret, caret);
    close();
    input.focus();
  }
  function render() {
    list.replaceChildren(...items.map((s, i) => el('li', { class: i === active ? 'active' : '',
      onmousedown: (ev) => { ev.preventDefault(); choose(i); } },
      el('span', { class: 'kind ' + s.kind }, s.kind), el('span', {}, s.name), el('span', { class: 'muted' }, s.id))));
    list.hidden = items.length === 0;
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    token = tokenAtCaret();
    if (!token) { close(); return; }
    const mine = ++seq;
    timer = setTimeout(async () => {
      const kind = token.kind ? '&kind=' + token.kind : '';
      const r = await api('/api/search?prefix=' + encodeURIComponent(token.text) + kind);
      if (mine !== seq) return;
      items = r.ok ? r.body.results : [];
      active = items.length ? 0 : -1;
      render();
    }, 120);
  });
  input.addEventListener('keydown', (ev) => {
    if (list.hidden) return;
    if (ev.key === 'ArrowDown') { active = (active + 1) % items.length; render(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp') { active = (active - 1 + items.length) % items.length; render(); ev.preventDefault(); }
    else if ((ev.key === 'Enter' || ev.key === 'Tab') && active >= 0) { choose(active); ev.preventDefault(); }
    else if (ev.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}

// ---------- start ----------
function fromUrl() {
  const p = new URLSearchParams(location.search);
  if (p.get('map')) runMap({ org: p.get('org'), since: p.get('since'), min: p.get('min') }, false);
  else if (p.get('q')) runQuery(p.get('q'), false);
  else if (p.get('from') && p.get('to')) runPath(p.get('from'), p.get('to'), false);
  if (p.get('node')) openPanel(p.get('node'));
}

function start() {
  initGraph();
  for (const q of EXAMPLES)
    $('examples').append(el('a', { href: '?q=' + encodeURIComponent(q), class: 'example',
      onclick: (ev) => { ev.preventDefault(); runQuery(q); } }, q));
  $('query-form').addEventListener('submit', (ev) => { ev.preventDefault(); runQuery($('query').value); });
  $('path-form').addEventListener('submit', (ev) => { ev.preventDefault(); runPath($('path-from').value, $('path-to').value); });
  $('query').addEventListener('input', clearError);
  $('tab-graph').addEventListener('click', () => setView('graph'));
  $('tab-table').addEventListener('click', () => setView('table'));
  $('tab-map').addEventListener('click', () => runMap({ org: $('map-org').value, since: $('map-since').value, min: $('map-min').value }));
  $('map-form').addEventListener('submit', (ev) => { ev.preventDefault(); runMap({ org: $('map-org').value, since: $('map-since').value, min: $('map-min').value }); });
  $('fit').addEventListener('click', () => cy && cy.fit(undefined, 30));
  $('relayout').addEventListener('click', () => layout(true));
  $('panel-close').addEventListener('click', () => { $('panel').hidden = true; if (cy) cy.resize(); });
  attachSuggest($('query'), 'query');
  attachSuggest($('path-from'), 'id');
  attachSuggest($('path-to'), 'id');
  window.addEventListener('popstate', fromUrl);
  if (!cy) setView('table');
  loadStats();
  fromUrl();
}

start();
