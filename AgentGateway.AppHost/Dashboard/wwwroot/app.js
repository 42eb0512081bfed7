// AppHost dashboard: a few views over the JSON API, re-rendered by polling. All data is inserted
// with textContent (never innerHTML) because span attributes and logs come from services.
'use strict';

const view = document.getElementById('view');
let timer = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(url + ': ' + res.status);
  return res.json();
}

function poll(fn, ms) {
  clearInterval(timer);
  fn();
  timer = setInterval(fn, ms);
}

// No red in the palette: red means an error status.
const colors = ['#0969da', '#8250df', '#bf8700', '#1a7f37', '#0a7ea4', '#953800', '#6639ba', '#57606a'];
function colorOf(service) {
  let h = 0;
  for (const c of service) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return colors[h % colors.length];
}

function fmtTime(unixNano) {
  return new Date(Number(BigInt(unixNano) / 1000000n)).toLocaleTimeString();
}

function fmtMs(ms) {
  return ms < 1 ? ms.toFixed(2) + ' ms' : ms < 1000 ? ms.toFixed(1) + ' ms' : (ms / 1000).toFixed(2) + ' s';
}

// ---- Resources
function resourcesView() {
  const body = el('tbody', { 'data-testid': 'resources' });
  view.replaceChildren(el('h2', {}, 'Resources'), el('table', {},
    el('thead', {}, el('tr', {}, ['Name', 'Kind', 'State', 'PID', 'Exit code', 'Restarts', 'Started', 'URLs', ''].map(h => el('th', {}, h)))),
    body));
  poll(async () => {
    const resources = await getJson('/api/resources');
    body.replaceChildren(...resources.map(r => el('tr', { 'data-resource': r.name },
      el('td', {}, r.name),
      el('td', {}, r.kind),
      el('td', {}, el('span', { class: 'badge ' + r.state, title: r.message || '' }, r.state)),
      el('td', {}, r.processId ?? ''),
      el('td', {}, r.exitCode ?? ''),
      el('td', {}, r.restarts),
      el('td', {}, r.startedAt ? new Date(r.startedAt).toLocaleTimeString() : ''),
      el('td', {}, r.urls.map(u => el('div', {}, u.url.startsWith('http')
        ? el('a', { href: u.url, target: '_blank' }, (u.name === 'http' ? '' : u.name + ' ') + u.url)
        : u.url))),
      el('td', {}, el('a', { href: '#/console/' + encodeURIComponent(r.name) }, 'console')))));
  }, 2000);
}

// ---- Console logs (live tail of captured stdout/stderr)
async function consoleView(name) {
  const resources = await getJson('/api/resources');
  name = name || (resources[0] && resources[0].name) || '';
  const select = el('select', { onchange: e => { location.hash = '#/console/' + encodeURIComponent(e.target.value); } },
    resources.map(r => { const o = el('option', { value: r.name }, r.name); o.selected = r.name === name; return o; }));
  const pre = el('pre', { class: 'console', 'data-testid': 'console' });
  view.replaceChildren(el('h2', {}, 'Console logs'), el('div', { class: 'filters' }, select), pre);
  let after = 0;
  poll(async () => {
    if (!name) return;
    const lines = await getJson('/api/logs/' + encodeURIComponent(name) + '?after=' + after);
    if (lines.length === 0) return;
    const stick = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
    for (const line of lines) {
      pre.append(el('span', { class: line.isError ? 'err' : '' }, line.text + '\n'));
      after = line.sequence;
    }
    while (pre.childNodes.length > 5000) pre.firstChild.remove();
    if (stick) pre.scrollTop = pre.scrollHeight;
  }, 1000);
}

// ---- Traces list with filters
function tracesView() {
  const service = el('input', { placeholder: 'service', 'data-testid': 'filter-service' });
  const name = el('input', { placeholder: 'span name contains', 'data-testid': 'filter-name' });
  const status = el('select', { 'data-testid': 'filter-status' }, ['any', 'ok', 'error'].map(s => el('option', { value: s }, s)));
  const body = el('tbody', { 'data-testid': 'traces' });
  const refresh = async () => {
    const q = new URLSearchParams({ service: service.value, name: name.value, status: status.value });
    const traces = await getJson('/api/traces?' + q);
    body.replaceChildren(...traces.map(t => el('tr', { class: 'clickable', 'data-trace': t.traceId,
        onclick: () => { location.hash = '#/trace/' + t.traceId; } },
      el('td', {}, fmtTime(t.startUnixNano)),
      el('td', {}, el('span', { class: 'svc', style: 'color:' + colorOf(t.rootService) }, t.rootService), t.rootName),
      el('td', {}, t.services.join(', ')),
      el('td', {}, t.spanCount),
      el('td', {}, fmtMs(t.durationMs)),
      el('td', {}, el('span', { class: 'badge ' + (t.hasError ? 'Error' : 'Ok') }, t.hasError ? 'error' : 'ok')))));
  };
  for (const input of [service, name, status]) input.addEventListener('input', refresh);
  view.replaceChildren(el('h2', {}, 'Traces'), el('div', { class: 'filters' }, service, name, status),
    el('table', {}, el('thead', {}, el('tr', {}, ['Start', 'Root', 'Services', 'Spans', 'Duration', 'Status'].map(h => el('th', {}, h)))), body));
  poll(refresh, 3000);
}

// ---- One trace as a waterfall across services
async function traceView(id) {
  clearInterval(timer);
  const trace = await getJson('/api/traces/' + encodeURIComponent(id));
  const total = Math.max(trace.summary.durationMs, 0.001);
  const details = el('div', { class: 'details', 'data-testid': 'span-details' }, el('span', { class: 'muted' }, 'Select a span to see its attributes.'));
  const rows = trace.spans.map(w => {
    const s = w.span;
    const row = el('div', { class: 'wf-row', 'data-span': s.spanId },
      el('div', { class: 'wf-label', style: 'padding-left:' + (8 + w.depth * 16) + 'px', title: s.service + ' ' + s.name },
        el('span', { class: 'svc', style: 'color:' + colorOf(s.service) }, s.service), s.name,
        el('span', { class: 'wf-dur' }, fmtMs(s.durationMs))),
      el('div', { class: 'wf-track' },
        el('div', { class: 'wf-bar ' + s.status, style: `left:${(w.offsetMs / total) * 100}%;width:${(s.durationMs / total) * 100}%;background:${colorOf(s.service)}` })));
    row.addEventListener('click', () => {
      for (const r of view.querySelectorAll('.wf-row.selected')) r.classList.remove('selected');
      row.classList.add('selected');
      details.replaceChildren(
        el('h3', {}, s.service + ' · ' + s.name),
        el('div', { class: 'muted' }, `${s.kind} · ${s.status}${s.statusMessage ? ' (' + s.statusMessage + ')' : ''} · ${fmtMs(s.durationMs)} · span ${s.spanId}`),
        el('table', {}, el('tbody', {}, Object.entries(s.attributes).sort().map(([k, v]) => el('tr', {}, el('td', {}, el('code', {}, k)), el('td', {}, v))))),
        s.events.length ? el('div', {}, el('h4', {}, 'Events'), s.events.map(e => el('div', {}, fmtTime(e.timeUnixNano) + ' ' + e.name))) : null);
    });
    return row;
  });
  view.replaceChildren(
    el('h2', {}, 'Trace ', el('code', {}, id)),
    el('div', { class: 'muted' }, `${trace.summary.spanCount} spans · ${trace.summary.services.join(', ')} · ${fmtMs(trace.summary.durationMs)}`),
    el('p', {}, el('a', { href: '#/traces' }, '← all traces')),
    el('div', { class: 'wf', 'data-testid': 'waterfall' }, rows),
    details);
}

// ---- Structured logs and metrics (OTLP)
function logsView() {
  const body = el('tbody');
  view.replaceChildren(el('h2', {}, 'Structured logs'), el('table', {},
    el('thead', {}, el('tr', {}, ['Time', 'Service', 'Level', 'Message', 'Trace'].map(h => el('th', {}, h)))), body));
  poll(async () => {
    const logs = await getJson('/api/structuredlogs');
    body.replaceChildren(...logs.slice().reverse().map(l => el('tr', {},
      el('td', {}, fmtTime(l.timeUnixNano)), el('td', {}, l.service), el('td', {}, l.severity), el('td', {}, l.body),
      el('td', {}, l.traceId ? el('a', { href: '#/trace/' + l.traceId }, l.traceId.slice(0, 8)) : ''))));
  }, 2000);
}

function metricsView() {
  const body = el('tbody');
  view.replaceChildren(el('h2', {}, 'Metrics (latest values)'), el('table', {},
    el('thead', {}, el('tr', {}, ['Service', 'Name', 'Type', 'Value', 'Count', 'Attributes'].map(h => el('th', {}, h)))), body));
  poll(async () => {
    const metrics = await getJson('/api/metrics');
    body.replaceChildren(...metrics.map(m => el('tr', {},
      el('td', {}, m.service), el('td', {}, m.name + (m.unit ? ' (' + m.unit + ')' : '')), el('td', {}, m.type),
      el('td', {}, Number(m.value.toFixed(3))), el('td', {}, m.count ?? ''),
      el('td', {}, Object.entries(m.attributes).map(([k, v]) => k + '=' + v).join(', ')))));
  }, 2000);
}

function route() {
  const [, page, arg] = location.hash.split('/');
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.view === (page === 'trace' ? 'traces' : page || 'resources'));
  const arg0 = arg ? decodeURIComponent(arg) : '';
  const render = { console: () => consoleView(arg0), traces: tracesView, trace: () => traceView(arg0), logs: logsView, metrics: metricsView }[page] || resourcesView;
  Promise.resolve(render()).catch(e => view.replaceChildren(el('p', { class: 'muted' }, String(e))));
}

window.addEventListener('hashchange', route);
route();
