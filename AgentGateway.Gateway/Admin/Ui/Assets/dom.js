// Tiny DOM helpers: elements are built, never parsed from strings, so nothing the gateway reports can inject markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function table(columns, rows, attrs = {}) {
  return h('table', attrs,
    h('thead', {}, h('tr', {}, columns.map(c => h('th', {}, c.title)))),
    h('tbody', {}, rows.length ? rows.map(r => h('tr', r.attrs ?? {}, columns.map(c => h('td', { class: c.num ? 'num' : undefined }, c.cell(r))))) :
      h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, 'none'))));
}

export const badge = (text, ok) => h('span', { class: `badge ${ok === undefined ? '' : ok ? 'ok' : 'bad'}` }, text);
export const section = (title, ...body) => h('section', { class: 'card' }, h('h2', {}, title), ...body);
export const fmt = (n, digits = 2) => n === null || n === undefined ? '–' : Number(n).toFixed(digits).replace(/\.?0+$/, '') || '0';
export const time = t => t ? new Date(t).toLocaleTimeString() : '–';
