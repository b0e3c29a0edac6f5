// memory.mjs BASE ARTICLE: JS heap and the app's wasm linear memory after opening BASE/?src=ARTICLE in
// Compare and in Read (scale.mjs reports the heap only). The wasm memory comes from Trunk's
// TrunkApplicationStarted event.
import { chromium } from 'playwright-core';
const [base, article] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
for (const view of ['compare', 'read']) {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  await p.addInitScript(() => addEventListener('TrunkApplicationStarted', e => { window.__mem = e.detail.wasm.memory; }));
  await p.goto(`${base}/?src=${article}#view=${view}`);
  await p.waitForFunction(() => document.body.innerText.includes('Scale test'), null, { timeout: 120000 });
  await p.waitForTimeout(1000);
  const m = await p.evaluate(() => ({ js_heap_MB: +(performance.memory.usedJSHeapSize / 1048576).toFixed(1), wasm_MB: +(window.__mem.buffer.byteLength / 1048576).toFixed(1) }));
  console.log(JSON.stringify({ view, ...m }));
  await ctx.close();
}
await b.close();
