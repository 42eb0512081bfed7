import { getJson } from './api.js';
import { h, table, badge, section, time } from './dom.js';

// Every backend with its live state: LLM providers, MCP targets and their catalogs, A2A agent cards, http destinations.
export async function render(main) {
  const b = await getJson('/api/backends');
  main.append(h('h2', {}, 'Backends'));

  for (const [name, llm] of Object.entries(b.llm)) {
    main.append(section(`LLM · ${name}`,
      table([
        { title: 'Provider', cell: p => p.name },
        { title: 'Type', cell: p => p.type },
        { title: 'Base URL', cell: p => p.baseUrl ? h('code', {}, p.baseUrl) : '–' },
        { title: 'Models', cell: p => p.models.join(', ') },
        { title: 'Health', cell: p => p.coolingDownUntil ? badge(`cooling down until ${time(p.coolingDownUntil)}`, false) : badge('ready', true) },
      ], llm.providers, { 'data-llm': name }),
      Object.keys(llm.aliases).length ? h('p', {}, 'Aliases: ', Object.entries(llm.aliases).map(([a, m]) => `${a} → ${m}`).join(', ')) : null,
      llm.failover.length ? h('p', {}, 'Failover order: ', llm.failover.join(' → ')) : null));
  }
  if (b.tokens.length) {
    main.append(section('LLM token usage since start', table([
      { title: 'Provider type', cell: t => t.provider },
      { title: 'Model', cell: t => t.model },
      { title: 'Type', cell: t => t.type },
      { title: 'Tokens', num: true, cell: t => t.tokens },
    ], b.tokens)));
  }

  for (const [name, mcp] of Object.entries(b.mcp)) {
    main.append(section(`MCP · ${name}`,
      h('p', {}, mcp.started ? badge('started', true) : badge('not started (connects on first request)'),
        ` · active sessions on this replica: `, h('strong', { 'data-sessions': name }, mcp.sessions)),
      mcp.targets.map(t => h('div', { 'data-target': t.name },
        h('h3', {}, `${t.name} `, badge(t.connected ? 'connected' : 'disconnected', t.connected)),
        h('p', { class: 'muted' }, [t.kind, t.transport, t.protocolVersion && `protocol ${t.protocolVersion}`,
          t.server && `server ${t.server.name} ${t.server.version ?? ''}`].filter(Boolean).join(' · ')),
        t.catalog?.error ? h('p', { class: 'error' }, t.catalog.error) : null,
        t.catalog?.tools ? table([
          { title: 'Tool (as clients see it)', cell: x => h('code', {}, x.exposed) },
          { title: 'Upstream name', cell: x => x.name },
          { title: 'Description', cell: x => x.description ?? '' },
        ], t.catalog.tools) : null,
        t.catalog?.prompts?.length ? h('p', {}, 'Prompts: ', t.catalog.prompts.map(p => p.exposed).join(', ')) : null,
        t.catalog?.resources?.length ? h('p', {}, 'Resources: ', t.catalog.resources.map(r => r.exposed).join(', ')) : null))));
  }

  for (const [name, a2a] of Object.entries(b.a2a)) {
    const card = a2a.card;
    main.append(section(`A2A · ${name}`, a2a.error ? h('p', { class: 'error' }, a2a.error) : h('div', { 'data-agent': name },
      h('p', {}, h('strong', {}, card.name ?? '(no name)'), ` ${card.version ?? ''} · protocol ${card.protocolVersion ?? '?'} · ${card.preferredTransport ?? 'JSONRPC'}`,
        card.streaming ? ' · streaming' : ''),
      card.description ? h('p', { class: 'muted' }, card.description) : null,
      table([
        { title: 'Skill', cell: s => s.name ?? s.id },
        { title: 'Description', cell: s => s.description ?? '' },
      ], card.skills))));
  }

  for (const [name, http] of Object.entries(b.http)) {
    main.append(section(`HTTP · ${name}`, table([
      { title: 'Destination', cell: d => h('code', {}, d.url) },
      { title: 'Health', cell: d => d.healthy ? badge('in rotation', true) : badge(`skipped until ${time(d.downUntil)}`, false) },
    ], http.destinations)));
  }
}
