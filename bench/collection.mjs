// collection.mjs BASE_URL DIR: opens BASE_URL/?src=DIR/collection.json#view=coverage (from
// gen_collection.py) in headless Chromium at 1280 × 900 and prints:
//   open_ms      navigation until every outlet's row is laid out and two frames have painted;
//   built_ms     navigation until the whole view is built (it is built a part per frame);
//   longest_task_ms  the longest main-thread task from navigation until built (PerformanceObserver);
//   to_quote_ms  a click on the first statement's first outlet until that quote is selected in Read;
//   back_ms      history.back() from there until the Coverage view is laid out again;
//   js_heap_MB, dom_nodes in the Coverage view.
import { chromium } from 'playwright-core';
const [base, dir] = process.argv.slice(2);
const n = JSON.parse(await (await fetch(`${base}/${dir}/collection.json`)).text()).articles.length;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'] });
for (let run = 0; run < 3; run++) {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  await p.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver(l => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  const t0 = Date.now();
  await p.goto(`${base}/?src=${encodeURIComponent(dir + '/collection.json')}#view=coverage`);
  await p.waitForFunction(n => document.querySelectorAll('.by-sides tbody tr').length === n, n, { timeout: 120000, polling: 10 });
  await p.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
  const open_ms = Date.now() - t0;
  await p.waitForFunction(() => document.querySelector('.coverage[data-built]'), null, { timeout: 120000, polling: 10 });
  const built_ms = Date.now() - t0;
  const longest_task_ms = await p.evaluate(() => Math.round(window.__longest));
  const js_heap_MB = await p.evaluate(() => +(performance.memory.usedJSHeapSize / 1048576).toFixed(1));
  const dom_nodes = await p.evaluate(() => document.getElementsByTagName('*').length);
  const to_quote_ms = await p.evaluate(async () => {
    const a = document.querySelector('.statement figcaption a, .statement .statement-outlets a');
    const t = performance.now(); a.click();
    while (!document.querySelector('#article-text mark.selected')) await new Promise(r => setTimeout(r, 5));
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    return +(performance.now() - t).toFixed(1);
  });
  const back_ms = await p.evaluate(async n => {
    const t = performance.now(); history.back();
    while (document.querySelectorAll('.by-sides tbody tr').length !== n) await new Promise(r => setTimeout(r, 5));
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    return +(performance.now() - t).toFixed(1);
  }, n);
  console.log(JSON.stringify({ outlets: n, open_ms, built_ms, longest_task_ms, to_quote_ms, back_ms, js_heap_MB, dom_nodes }));
  await ctx.close();
}
await b.close();
