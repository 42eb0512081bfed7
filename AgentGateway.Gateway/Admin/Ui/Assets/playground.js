import { getJson } from './api.js';
import { h } from './dom.js';

// What every playground shares: a route of the right kind and the caller's credential (an Authorization header
// value, e.g. "Bearer eyJ…" or "Bearer <api key>"). The credential lives in this page only; the admin API
// forwards it to the public listener and stores nothing.
export async function routePicker(kind) {
  const { routes } = await getJson('/api/overview');
  const mine = routes.filter(r => r.kind === kind);
  const route = h('select', { id: 'pg-route' }, mine.map(r => h('option', { value: r.path }, `${r.name} (${r.path})`)));
  const caller = h('input', { type: 'password', id: 'pg-caller', placeholder: 'Bearer … (empty: anonymous)', autocomplete: 'off' });
  const form = h('form', { class: 'grid' }, 'Route', route, 'Caller credential', caller);
  return {
    form,
    empty: mine.length === 0,
    path: sub => route.value.replace(/\/$/, '') + sub,
    caller: () => caller.value.trim(),
  };
}

export const logLine = (log, text, cls) => { log.append(h('div', { class: cls }, text)); log.scrollTop = log.scrollHeight; };
