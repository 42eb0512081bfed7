// The admin UI shell: hash routing between pages, each a module with render(main) that may return a stop function.
const pages = {
  overview: () => import('./overview.js'),
  backends: () => import('./backends.js'),
  policies: () => import('./policies.js'),
  mcp: () => import('./mcp.js'),
  llm: () => import('./llm.js'),
  a2a: () => import('./a2a.js'),
};

const main = document.getElementById('page');
const auth = document.getElementById('admin-auth');
auth.value = sessionStorage.getItem('agw-admin-auth') ?? '';
auth.addEventListener('change', () => { sessionStorage.setItem('agw-admin-auth', auth.value.trim()); show(); });

let stop = null;
async function show() {
  const name = location.hash.slice(1) || 'overview';
  const load = pages[name] ?? pages.overview;
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
  if (stop) { stop(); stop = null; }
  main.replaceChildren();
  main.removeAttribute('data-loaded');
  main.dataset.page = name;
  try {
    const page = await load();
    stop = (await page.render(main)) ?? null;
    main.dataset.loaded = 'true';
  } catch (e) {
    main.replaceChildren(Object.assign(document.createElement('p'), { className: 'error', textContent: String(e.message ?? e) }));
    main.dataset.loaded = 'error';
  }
}

window.addEventListener('hashchange', show);
show();
