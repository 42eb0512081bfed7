// Drives the gateway's admin UI in headless Chromium like an operator: every page with live data, the "why"
// simulator on a real denied request, and the MCP, LLM and A2A playgrounds; a screenshot of each step.
// Usage: node admin-ui.mjs <adminUrl> <screenshotDir> <llmCallerCredential>
// Prints one JSON line with what it saw; exits non-zero with the reason on any failure.
import { chromium } from 'playwright-core';

const [adminUrl, shots, llmCaller] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const seen = {};
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(30000);
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  // Every request the page makes must stay on the admin origin (no CDN, nothing external).
  const origins = new Set();
  page.on('request', r => origins.add(new URL(r.url()).origin));

  const open = async name => {
    await page.goto(`${adminUrl}/ui/#${name}`);
    await page.waitForSelector(`main[data-page="${name}"][data-loaded]`);
    const state = await page.getAttribute('main', 'data-loaded');
    if (state !== 'true') throw new Error(`${name} page failed: ${await page.innerText('main')}`);
  };

  // Overview: the routes table with the traffic the test sent before.
  await open('overview');
  await page.waitForSelector('tr[data-route="echo"]');
  seen.overviewEcho = await page.innerText('tr[data-route="echo"]');
  seen.configLoad = await page.innerText('#config-load');
  await page.screenshot({ path: `${shots}/overview.png`, fullPage: true });

  // Backends: the MCP target's tools, the agent's card, the LLM provider.
  await open('backends');
  await page.waitForSelector('[data-target="weather"] table');
  seen.mcpTarget = await page.innerText('[data-target="weather"]');
  seen.agent = await page.innerText('[data-agent="planner"]');
  seen.llm = await page.innerText('table[data-llm="models"]');
  await page.screenshot({ path: `${shots}/backends.png`, fullPage: true });

  // Policies: pick the recorded denied request and ask why.
  await open('policies');
  const row = page.locator('#decisions tr').filter({ hasText: 'guest' }).filter({ hasText: 'Deny' }).first();
  await row.locator('button[data-decision]').click();
  await page.waitForSelector('#sim-decision');
  seen.decision = await page.innerText('#sim-decision');
  seen.determining = await page.innerText('#sim-policies');
  seen.highlighted = await page.locator('pre[data-policy="guarded"] .policy-span.hit').allInnerTexts();
  await page.screenshot({ path: `${shots}/policies-why.png`, fullPage: true });

  // MCP playground: initialize, list tools, call one through the generated form.
  await open('mcp');
  await page.click('#mcp-connect');
  await page.waitForSelector('button[data-tool="get_forecast"]');
  seen.mcpTools = await page.locator('#mcp-tools code').allInnerTexts();
  await page.click('button[data-tool="get_forecast"]');
  await page.fill('[data-arg="city"]', 'Lisbon');
  await page.fill('[data-arg="days"]', '2');
  await page.click('#mcp-run');
  await page.waitForSelector('#mcp-result[data-done]');
  seen.mcpResultState = await page.getAttribute('#mcp-result', 'data-done');
  seen.mcpResult = await page.innerText('#mcp-result');
  await page.screenshot({ path: `${shots}/mcp-playground.png`, fullPage: true });

  // LLM playground: stream a chat as the caller whose API key the route requires.
  await open('llm');
  await page.fill('#pg-caller', llmCaller);
  await page.fill('#llm-model', 'mock-small');
  await page.fill('#llm-prompt', 'alpha beta gamma delta');
  await page.click('#llm-send');
  await page.waitForSelector('#llm-output[data-done]');
  seen.llmState = await page.getAttribute('#llm-output', 'data-done');
  seen.llmChunks = Number(await page.getAttribute('#llm-output', 'data-chunks') ?? 0);
  seen.llmOutput = await page.innerText('#llm-output');
  seen.llmMeta = await page.innerText('#llm-meta');
  await page.screenshot({ path: `${shots}/llm-playground.png`, fullPage: true });

  // A2A playground: the card through the gateway, then a streamed task.
  await open('a2a');
  await page.click('#a2a-fetch-card');
  await page.waitForSelector('#a2a-card-name');
  seen.a2aCard = await page.innerText('#a2a-card');
  await page.fill('#a2a-text', 'stream 3');
  await page.click('#a2a-send');
  await page.waitForSelector('#a2a-updates[data-final]');
  seen.a2aFinal = await page.getAttribute('#a2a-updates', 'data-final');
  seen.a2aUpdates = await page.locator('#a2a-updates .update').allInnerTexts();
  await page.screenshot({ path: `${shots}/a2a-playground.png`, fullPage: true });

  seen.origins = [...origins];
  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(JSON.stringify(seen));
  throw e;
} finally {
  await browser.close();
}
