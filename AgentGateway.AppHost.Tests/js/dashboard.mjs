// Drives the Aspire dashboard in headless Chromium like a person would: log in with the URL the AppHost prints,
// find a resource on the resources page, then open one trace's detail page and wait for the span of the
// upstream the resource called; a screenshot of each.
// Usage: node dashboard.mjs <loginUrl> <resource> <traceId> <upstream> <screenshotDir>
// Prints one JSON line with what it saw; exits non-zero with the reason on any failure.
import { chromium } from 'playwright-core';

const [loginUrl, resource, traceId, upstream, shots] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  page.setDefaultTimeout(60000);
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));

  // The login URL carries the browser token; the dashboard sets its cookie and lands on the resources page.
  await page.goto(loginUrl);
  const row = page.locator('tr, [role=row]').filter({ has: page.getByText(resource, { exact: true }) }).first();
  await row.waitFor();
  await row.filter({ hasText: 'Running' }).waitFor();
  const resourceRow = await row.innerText();
  await page.screenshot({ path: `${shots}/resources.png`, fullPage: true });

  // One trace of the resource: its spans in a waterfall, each row naming its resource.
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/traces/detail/${traceId}`);
  await page.getByText(`${resource}:`, { exact: false }).first().waitFor();
  await page.getByText(upstream, { exact: true }).first().waitFor();
  const trace = await page.locator('body').innerText();
  await page.screenshot({ path: `${shots}/trace.png`, fullPage: true });

  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log(JSON.stringify({ resourceRow, trace, landed: origin }));
} finally {
  await browser.close();
}
