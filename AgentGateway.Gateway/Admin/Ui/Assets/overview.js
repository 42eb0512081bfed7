import { getJson } from './api.js';
import { h, table, badge, section, fmt, time } from './dom.js';

// Listeners, routes with their last minute of traffic, and the last config load; refreshed every few seconds.
export async function render(main) {
  const body = h('div');
  main.append(h('h2', {}, 'Overview'), body);
  const draw = async () => {
    const o = await getJson('/api/overview');
    const t = r => r.traffic ?? {};
    const load = o.config.lastLoad;
    body.replaceChildren(
      section('Listeners', table([
        { title: 'URL', cell: l => h('code', {}, l.url) },
        { title: 'Serves', cell: l => l.admin ? 'admin API and UI' : 'routes' },
      ], o.listeners)),
      section(`Routes (traffic over the last ${o.windowSeconds}s)`, table([
        { title: 'Route', cell: r => r.name },
        { title: 'Path', cell: r => h('code', {}, r.path) },
        { title: 'Kind', cell: r => r.kind },
        { title: 'Backend', cell: r => r.backend },
        { title: 'Policies', cell: r => r.policies.join(', ') || '–' },
        { title: 'Req/s', num: true, cell: r => fmt(t(r).ratePerSecond, 3) },
        { title: 'Requests', num: true, cell: r => t(r).recent ?? 0 },
        { title: '5xx', num: true, cell: r => t(r).errors ?? 0 },
        { title: '4xx', num: true, cell: r => t(r).clientErrors ?? 0 },
        { title: 'Error rate', num: true, cell: r => t(r).recent ? fmt(100 * t(r).errorRate, 1) + '%' : '–' },
        { title: 'p50 ms', num: true, cell: r => fmt(t(r).p50Ms) },
        { title: 'p99 ms', num: true, cell: r => fmt(t(r).p99Ms) },
        { title: 'Since start', num: true, cell: r => t(r).total ?? 0 },
      ], o.routes.map(r => ({ ...r, attrs: { 'data-route': r.name } }))), { id: 'routes' }),
      section('Configuration', load ? h('div', { id: 'config-load' },
        h('p', {}, `Last ${load.kind} at ${time(load.time)}: `, badge(load.accepted ? 'accepted' : 'rejected', load.accepted)),
        load.errors.length ? table([
          { title: 'Path', cell: e => h('code', {}, e.path || '(file)') },
          { title: 'Error', cell: e => e.message },
        ], load.errors) : null) : h('p', { class: 'muted' }, 'not loaded')),
    );
  };
  await draw();
  const timer = setInterval(() => draw().catch(() => {}), 3000);
  return () => clearInterval(timer);
}
