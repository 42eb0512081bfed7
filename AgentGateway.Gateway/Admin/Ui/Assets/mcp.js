import { playground, sseEvents } from './api.js';
import { h, section, table } from './dom.js';
import { routePicker, logLine } from './playground.js';

// An MCP client in the page: initialize (2025-11-25, with a session), list tools, call one with a form built from
// its input schema, show progress notifications and the result. Every message goes through /api/playground.
export async function render(main) {
  const pick = await routePicker('mcp');
  const log = h('div', { class: 'log output', id: 'mcp-log' });
  const tools = h('div', { id: 'mcp-tools' });
  const call = h('div', { id: 'mcp-call' });
  const status = h('span', { id: 'mcp-status', class: 'muted' }, 'not connected');
  let session = null, nextId = 1;

  async function rpc(method, params, onNotification) {
    const id = nextId++;
    const headers = { Accept: 'application/json, text/event-stream', 'Mcp-Protocol-Version': '2025-11-25' };
    if (session) headers['Mcp-Session-Id'] = session;
    const res = await playground(pick.path(''), { body: { jsonrpc: '2.0', id, method, params }, headers, caller: pick.caller() });
    session = res.headers.get('Mcp-Session-Id') ?? session;
    if (!res.ok) throw new Error(`${method}: HTTP ${res.status} ${await res.text()}`);
    if (!(res.headers.get('Content-Type') ?? '').includes('text/event-stream')) return unwrap(await res.json());
    for await (const e of sseEvents(res)) {
      const msg = JSON.parse(e.data);
      if (msg.id === id) return unwrap(msg);
      if (msg.method) onNotification?.(msg);
    }
    throw new Error(`${method}: the stream ended without an answer`);
  }
  const unwrap = msg => { if (msg.error) throw new Error(`${msg.error.code}: ${msg.error.message}`); return msg.result; };
  const notify = method => playground(pick.path(''), {
    body: { jsonrpc: '2.0', method },
    headers: { Accept: 'application/json, text/event-stream', 'Mcp-Session-Id': session, 'Mcp-Protocol-Version': '2025-11-25' },
    caller: pick.caller(),
  });

  async function connect() {
    session = null;
    try {
      const init = await rpc('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'agentgateway-admin-ui', version: '1' } });
      await notify('notifications/initialized');
      status.textContent = `connected to ${init.serverInfo?.name ?? 'server'} · protocol ${init.protocolVersion}`;
      logLine(log, `initialize → ${init.serverInfo?.name} (${init.protocolVersion}), session ${session ?? 'none'}`);
      const list = await rpc('tools/list', {});
      logLine(log, `tools/list → ${list.tools.length} tools`);
      tools.replaceChildren(table([
        { title: 'Tool', cell: t => h('code', {}, t.name) },
        { title: 'Description', cell: t => t.description ?? '' },
        { title: '', cell: t => h('button', { type: 'button', class: 'secondary', 'data-tool': t.name, onclick: () => showForm(t) }, 'Call…') },
      ], list.tools));
    } catch (e) {
      status.textContent = 'failed';
      logLine(log, e.message, 'error');
    }
  }

  function showForm(tool) {
    const props = tool.inputSchema?.properties ?? {};
    const required = new Set(tool.inputSchema?.required ?? []);
    const inputs = Object.entries(props).map(([name, schema]) => {
      const type = schema.type === 'integer' || schema.type === 'number' ? 'number' : 'text';
      const input = schema.enum
        ? h('select', { name, 'data-arg': name }, schema.enum.map(v => h('option', { value: v }, v)))
        : schema.type === 'boolean' ? h('input', { type: 'checkbox', name, 'data-arg': name })
        : schema.type === 'object' || schema.type === 'array' ? h('textarea', { name, 'data-arg': name, placeholder: 'JSON' })
        : h('input', { type, name, 'data-arg': name, placeholder: schema.description ?? '', value: schema.default });
      return [`${name}${required.has(name) ? ' *' : ''}`, input];
    });
    const result = h('div', { id: 'mcp-result', class: 'output' });
    const progress = h('div', { id: 'mcp-progress', class: 'muted' });
    const run = async e => {
      e.preventDefault();
      const args = {};
      for (const [name, schema] of Object.entries(props)) {
        const el = form.querySelector(`[data-arg="${CSS.escape(name)}"]`);
        if (el.type === 'checkbox') args[name] = el.checked;
        else if (el.value === '') continue;
        else if (schema.type === 'integer' || schema.type === 'number') args[name] = Number(el.value);
        else if (schema.type === 'object' || schema.type === 'array') args[name] = JSON.parse(el.value);
        else args[name] = el.value;
      }
      result.textContent = 'calling…';
      try {
        const token = `ui-${Date.now()}`;
        const r = await rpc('tools/call', { name: tool.name, arguments: args, _meta: { progressToken: token } }, n => {
          if (n.method === 'notifications/progress') progress.textContent = `progress ${n.params.progress}${n.params.total ? '/' + n.params.total : ''} ${n.params.message ?? ''}`;
          else logLine(log, `${n.method}`);
        });
        logLine(log, `tools/call ${tool.name} → ${r.isError ? 'tool error' : 'ok'}`);
        result.replaceChildren(...(r.content ?? []).map(c => h('div', {}, c.type === 'text' ? c.text : JSON.stringify(c))),
          r.structuredContent ? h('pre', {}, JSON.stringify(r.structuredContent, null, 2)) : '');
        result.dataset.done = r.isError ? 'error' : 'ok';
      } catch (err) {
        result.textContent = err.message;
        result.dataset.done = 'error';
      }
    };
    const form = h('form', { class: 'grid', onsubmit: run }, inputs, h('span'), h('button', { type: 'submit', id: 'mcp-run' }, `Call ${tool.name}`));
    call.replaceChildren(h('h3', {}, tool.name), form, progress, result);
  }

  main.append(h('h2', {}, 'MCP playground'), section('Connection', pick.form,
    h('div', { class: 'row' }, h('button', { type: 'button', id: 'mcp-connect', onclick: connect, disabled: pick.empty }, 'Initialize and list tools'), status)),
  section('Tools', tools, call), section('Messages', log));
  return () => { if (session) playground(pick.path(''), { method: 'DELETE', headers: { 'Mcp-Session-Id': session }, caller: pick.caller() }).catch(() => {}); };
}
