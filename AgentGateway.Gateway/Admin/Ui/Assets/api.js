// The admin API client: same-origin fetches, the CSRF header on every non-GET, and the admin credential (only
// needed when admin.policy is set), which stays in this tab's sessionStorage.
export const CSRF_HEADER = 'X-AgentGateway-Admin';

export function adminHeaders(extra = {}) {
  const headers = { ...extra };
  const auth = sessionStorage.getItem('agw-admin-auth');
  if (auth) headers.Authorization = auth;
  return headers;
}

export async function getJson(path) {
  const res = await fetch(path, { headers: adminHeaders({ Accept: 'application/json' }), credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await errorText(res)}`);
  return res.json();
}

export async function postJson(path, body) {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: adminHeaders({ 'Content-Type': 'application/json', Accept: 'application/json', [CSRF_HEADER]: '1' }),
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  return { status: res.status, data };
}

async function errorText(res) {
  const text = await res.text();
  try { return JSON.parse(text).error?.message ?? text; } catch { return text; }
}

// A request through the admin playground forwarder to the gateway's public listener, as the chosen caller.
export function playground(path, { method = 'POST', body, headers = {}, caller = '' } = {}) {
  const h = adminHeaders({ [CSRF_HEADER]: '1', ...headers });
  if (caller) h['X-Playground-Authorization'] = caller;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  return fetch('/api/playground' + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
}

// Yields each Server-Sent Event ({event, data, id}) of a fetch response body as it arrives.
export async function* sseEvents(res) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = { event: 'message', data: '', id: undefined };
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') data.push(val);
        else if (field === 'event') event.event = val;
        else if (field === 'id') event.id = val;
      }
      if (data.length) { event.data = data.join('\n'); yield event; }
    }
  }
}
