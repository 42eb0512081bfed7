// Drives the AppHost dashboard in headless Chromium like a person would:
// resources table -> traces list -> one trace's waterfall -> a span's attributes, then a screenshot.
// Usage: node dashboard.mjs <dashboardUrl> <expectedResource> <expectedSpanName> <screenshotPath>
// Prints one JSON line with what it saw; exits non-zero with the reason on any failure.
import { chromium } from 'playwright-core';

const [url, resource, spanName, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1300, height: 800 } });
  page.setDefaultTimeout(20000);
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));

  await page.goto(url + '/#/resources');
  await page.locator(`[data-testid=resources] tr[data-resource="${resource}"]`).waitFor();
  const resourceRow = await page.locator(`tr[data-resource="${resource}"]`).innerText();

  await page.click('nav a[data-view=traces]');
  await page.fill('[data-testid=filter-name]', spanName);
  const traceRow = page.locator('[data-testid=traces] tr[data-trace]').first();
  await traceRow.waitFor();
  await traceRow.click();

  await page.locator('[data-testid=waterfall] .wf-row').nth(1).waitFor();
  const rows = await page.locator('[data-testid=waterfall] .wf-row').allInnerTexts();
  await page.locator('[data-testid=waterfall] .wf-row').filter({ hasText: spanName }).first().click();
  await page.locator('[data-testid=span-details] table').waitFor();
  const details = await page.locator('[data-testid=span-details]').innerText();
  await page.screenshot({ path: screenshot, fullPage: true });

  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log(JSON.stringify({ resourceRow, rows, details, hash: new URL(page.url()).hash }));
} finally {
  await browser.close();
}
