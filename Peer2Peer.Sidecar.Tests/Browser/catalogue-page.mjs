// Drives Debian's Chromium with playwright-core (never a downloaded browser) over the sidecar's catalogue page.
// Usage: node catalogue-page.mjs <page url> <screenshot path> <location to filter by>
// Prints one JSON line: { title, initialRows, filteredRows, filteredLocations, detailId }.
import { chromium } from 'playwright-core';

const [url, screenshot, location] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('#providers tbody tr', { timeout: 20000 });
  const initialRows = await page.locator('#providers tbody tr').count();
  await page.fill('#filter-location', location);
  await page.waitForFunction(n => document.querySelectorAll('#providers tbody tr').length < n, initialRows, { timeout: 20000 });
  const filteredRows = await page.locator('#providers tbody tr').count();
  const filteredLocations = await page.locator('#providers tbody tr td:nth-child(2)').allTextContents();
  await page.locator('#providers tbody tr').first().click();
  await page.waitForSelector('#detail:not([hidden])', { timeout: 20000 });
  const detailId = await page.textContent('#detail-id');
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ title: await page.title(), initialRows, filteredRows, filteredLocations, detailId }));
} finally {
  await browser.close();
}
