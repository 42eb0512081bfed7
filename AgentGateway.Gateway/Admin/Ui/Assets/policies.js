import { getJson, postJson } from './api.js';
import { h, table, badge, section, time } from './dom.js';

// Policies (authentication methods, Cedar text split into policies) and the "why" simulator: type a request or
// pick a recorded decision, evaluate it with /api/explain, highlight the determining policies in the text.
export async function render(main) {
  const [p, d] = await Promise.all([getJson('/api/policies'), getJson('/api/decisions')]);
  const texts = {};
  main.append(h('h2', {}, 'Policies'));
  for (const [name, policy] of Object.entries(p.policies)) {
    const cedar = policy.cedar;
    let text = null;
    if (cedar?.text !== undefined) {
      text = h('pre', { class: 'cedar', 'data-policy': name });
      let at = 0;
      for (const span of cedar.policies) {
        text.append(cedar.text.slice(at, span.start), h('span', { class: 'policy-span', 'data-id': span.id, title: span.id }, cedar.text.slice(span.start, span.end)));
        at = span.end;
      }
      text.append(cedar.text.slice(at));
      texts[name] = text;
    }
    main.append(section(`Policy · ${name}${p.adminPolicy === name ? ' (admin API)' : ''}`,
      h('p', {}, 'Authentication: ', policy.authentication.length ? policy.authentication.join(', ') : 'none',
        ' · Routes: ', policy.routes.join(', ') || 'none'),
      cedar ? h('div', {}, h('h3', {}, `Cedar (${cedar.source})`), cedar.error ? h('p', { class: 'error' }, cedar.error) : text) : h('p', { class: 'muted' }, 'No authorization block: every authenticated request is allowed.'),
      h('details', {}, h('summary', {}, 'Configuration (secrets masked)'), h('pre', {}, JSON.stringify(policy.config, null, 2)))));
  }

  const withCedar = Object.keys(p.policies).filter(n => p.policies[n].cedar);
  const f = {
    policy: h('select', { id: 'sim-policy' }, withCedar.map(n => h('option', { value: n }, n))),
    principalType: h('input', { type: 'text', id: 'sim-principal-type', value: 'User' }),
    principalId: h('input', { type: 'text', id: 'sim-principal-id', value: '' }),
    groups: h('input', { type: 'text', id: 'sim-groups', placeholder: 'comma-separated' }),
    action: h('input', { type: 'text', id: 'sim-action', value: 'call_tool' }),
    resourceType: h('input', { type: 'text', id: 'sim-resource-type', value: 'Tool' }),
    resourceId: h('input', { type: 'text', id: 'sim-resource-id', value: '' }),
    resourceAttributes: h('textarea', { id: 'sim-resource-attributes' }, '{}'),
    context: h('textarea', { id: 'sim-context' }, '{}'),
  };
  const result = h('div', { id: 'sim-result' });
  const explain = async () => {
    let attributes, context;
    try {
      attributes = JSON.parse(f.resourceAttributes.value || '{}');
      context = JSON.parse(f.context.value || '{}');
    } catch (e) {
      result.replaceChildren(h('p', { class: 'error' }, `Not JSON: ${e.message}`));
      return;
    }
    const groups = f.groups.value.split(',').map(g => g.trim()).filter(Boolean);
    const { status, data } = await postJson('/api/explain', {
      policy: f.policy.value,
      principal: { type: f.principalType.value, id: f.principalId.value, parents: groups.map(g => ({ type: 'Group', id: g })) },
      action: f.action.value,
      resource: { type: f.resourceType.value, id: f.resourceId.value, attributes },
      context,
    });
    document.querySelectorAll('.policy-span.hit').forEach(s => s.classList.remove('hit'));
    if (status !== 200) {
      result.replaceChildren(h('p', { class: 'error' }, data.error?.message ?? `HTTP ${status}`));
      return;
    }
    const text = texts[f.policy.value];
    for (const id of data.policies) text?.querySelector(`[data-id="${CSS.escape(id)}"]`)?.classList.add('hit');
    result.replaceChildren(...[
      h('p', {}, 'Decision: ', h('strong', { id: 'sim-decision' }, badge(data.decision, data.decision === 'Allow'))),
      h('p', {}, 'Determining policies: ', h('span', { id: 'sim-policies' }, data.policies.length ? data.policies.join(', ') : 'none (no permit matched: default deny)')),
      data.errors.length ? h('ul', { class: 'error' }, data.errors.map(e => h('li', {}, `${e.policy}: ${e.message}`))) : null,
      text ? Object.assign(text.cloneNode(true), { id: 'sim-text' }) : null].filter(Boolean));
    result.querySelector('#sim-text')?.removeAttribute('data-policy');
  };
  const pick = rec => {
    f.policy.value = rec.routePolicies[0] ?? f.policy.value;
    f.principalType.value = rec.principalType;
    f.principalId.value = rec.principalId;
    f.groups.value = rec.groups.join(', ');
    f.action.value = rec.action;
    f.resourceType.value = rec.resourceType;
    f.resourceId.value = rec.resourceId;
    f.resourceAttributes.value = JSON.stringify(rec.resourceAttributes);
    f.context.value = JSON.stringify({ route: rec.route });
    return explain();
  };

  main.append(section('“Why” simulator',
    h('form', { class: 'grid', id: 'simulator', onsubmit: e => { e.preventDefault(); explain(); } },
      'Policy', f.policy, 'Principal type', f.principalType, 'Principal id', f.principalId, 'Groups', f.groups,
      'Action', f.action, 'Resource type', f.resourceType, 'Resource id', f.resourceId,
      'Resource attributes (JSON)', f.resourceAttributes, 'Context (JSON)', f.context,
      h('span'), h('div', {}, h('button', { type: 'submit', id: 'sim-run' }, 'Explain'))),
    result,
    h('h3', {}, `Recent decisions (last ${d.capacity}, no payloads)`),
    table([
      { title: 'Time', cell: r => time(r.time) },
      { title: 'Route', cell: r => r.route },
      { title: 'Principal', cell: r => `${r.principalType}::"${r.principalId}"` + (r.groups.length ? ` [${r.groups.join(', ')}]` : '') },
      { title: 'Action', cell: r => r.action },
      { title: 'Resource', cell: r => `${r.resourceType}::"${r.resourceId}"` },
      { title: 'Decision', cell: r => badge(r.decision, r.decision === 'Allow') },
      { title: 'Policies', cell: r => r.policies.join(', ') || '–' },
      { title: '', cell: r => h('button', { type: 'button', class: 'secondary', 'data-decision': r.id, onclick: () => pick(r) }, 'Why?') },
    ], d.decisions, { id: 'decisions' })));
}
