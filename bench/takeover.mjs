// takeover.mjs [--mobile] --runs N URL: how the app takes over its pre-rendered page, in headless
// Chromium (Debian's), one fresh context per run:
//   cls      - cumulative layout shift from navigation until 1 s after the takeover (should be 0)
//   prerendered - when a quote was first in the page (the pre-rendered HTML)
//   takeover - when the live app had replaced the pre-rendered copy (its wasm has run)
//   console  - console errors and warnings seen
// `--mobile` is the same emulation as pageperf.mjs. Prints medians; the last line is JSON.
// Not one of shared/perf's yardsticks: it measures what they do not, the takeover itself.
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
let runs = 5, mobile = false, url = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = +args[++i];
  else if (args[i] === '--mobile') mobile = true;
  else url = args[i];
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const median = a => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const out = { cls: [], prerendered: [], takeover: [], console: 0 };
for (let r = 0; r < runs; r++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') out.console++; });
  if (mobile) {
    const c = await ctx.newCDPSession(page);
    await c.send('Network.enable');
    await c.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1638.4 * 1024 / 8, uploadThroughput: 675 * 1024 / 8 });
    await c.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    const seen = () => {
      if (!window.__pre && document.querySelector('[data-quote-id]')) window.__pre = performance.now();
      if (!window.__live && document.querySelector('.app:not([data-prerendered])')) window.__live = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__live !== undefined, null, { timeout: 60000 });
  await page.waitForTimeout(1000);
  const m = await page.evaluate(() => ({ cls: window.__cls, prerendered: window.__pre, takeover: window.__live }));
  for (const k of ['cls', 'prerendered', 'takeover']) out[k].push(m[k]);
  await ctx.close();
}
await browser.close();
const res = { url, cls: median(out.cls), prerendered: median(out.prerendered), takeover: median(out.takeover), console: out.console };
console.log(`${url}\n  cls ${res.cls.toFixed(4)}  pre-rendered quote ${res.prerendered.toFixed(1)} ms  takeover ${res.takeover.toFixed(1)} ms  console errors and warnings ${res.console}`);
console.log('JSON ' + JSON.stringify(res));
