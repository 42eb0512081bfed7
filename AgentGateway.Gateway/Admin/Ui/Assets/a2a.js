import { playground, sseEvents } from './api.js';
import { h, section, table } from './dom.js';
import { routePicker, logLine } from './playground.js';

// An A2A v0.3 client through the chosen route: the card the gateway serves (rewritten to the gateway's address),
// then message/stream with each task update listed as it arrives.
export async function render(main) {
  const pick = await routePicker('a2a');
  const card = h('div', { id: 'a2a-card' });
  const text = h('input', { type: 'text', id: 'a2a-text', value: 'stream 3' });
  const updates = h('div', { id: 'a2a-updates', class: 'log output' });
  const state = h('div', { id: 'a2a-state', class: 'muted' });

  const fetchCard = async () => {
    const res = await playground(pick.path('/.well-known/agent-card.json'), { method: 'GET', caller: pick.caller() });
    if (!res.ok) { card.replaceChildren(h('p', { class: 'error' }, `HTTP ${res.status}`)); return; }
    const c = await res.json();
    card.replaceChildren(
      h('p', {}, h('strong', { id: 'a2a-card-name' }, c.name), ` ${c.version ?? ''} · protocol ${c.protocolVersion ?? '?'} · url `, h('code', {}, c.url ?? '')),
      table([{ title: 'Skill', cell: s => s.name }, { title: 'Description', cell: s => s.description ?? '' }], c.skills ?? []));
  };

  const send = async e => {
    e.preventDefault();
    updates.replaceChildren();
    state.textContent = 'streaming…';
    delete updates.dataset.final;
    const res = await playground(pick.path(''), {
      caller: pick.caller(),
      headers: { Accept: 'text/event-stream' },
      body: {
        jsonrpc: '2.0', id: 1, method: 'message/stream',
        params: { message: { kind: 'message', role: 'user', messageId: crypto.randomUUID(), parts: [{ kind: 'text', text: text.value }] } },
      },
    });
    if (!res.ok) { state.textContent = `HTTP ${res.status}: ${await res.text()}`; return; }
    let last = null, count = 0;
    for await (const ev of sseEvents(res)) {
      const msg = JSON.parse(ev.data);
      if (msg.error) { logLine(updates, `error ${msg.error.code}: ${msg.error.message}`, 'error'); break; }
      const r = msg.result ?? {};
      const words = r.status?.message?.parts?.map(p => p.text).join('') ?? r.artifact?.parts?.map(p => p.text).join('') ?? '';
      const s = r.status?.state ?? (r.kind === 'artifact-update' ? 'artifact' : r.kind);
      last = r.status?.state ?? last;
      count++;
      logLine(updates, `${r.kind ?? 'result'} · ${s ?? ''} ${words}`.trim(), 'update');
    }
    updates.dataset.count = String(count);
    updates.dataset.final = last ?? 'none';
    state.textContent = `${count} updates · final state ${last ?? '?'}`;
  };

  main.append(h('h2', {}, 'A2A playground'), section('Agent', pick.form,
    h('div', { class: 'row' }, h('button', { type: 'button', id: 'a2a-fetch-card', onclick: fetchCard, disabled: pick.empty }, 'Fetch card')), card),
  section('Message', h('form', { class: 'grid', onsubmit: send }, 'Text', text, h('span'), h('button', { type: 'submit', id: 'a2a-send', disabled: pick.empty }, 'Send (stream)')),
    state, updates));
}
