// floor.mjs: the least any page can score on scale.mjs's toggle (a click on "Side 0", then two
// animation frames), on a page whose click only hides one paragraph. 15 toggles; min, median, max.
import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const p = await (await b.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await p.setContent('<button onclick="t.hidden = !t.hidden">Side 0</button><p id="t">One paragraph.</p>');
const out = [];
for (let i = 0; i < 15; i++) {
  await p.waitForTimeout(300);
  out.push(await p.evaluate(async () => {
    const chip = [...document.querySelectorAll('button, [role=checkbox], label')].find(e => e.textContent.trim() === 'Side 0');
    const t = performance.now(); chip.click();
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const d = performance.now() - t; chip.click(); return +d.toFixed(1);
  }));
}
out.sort((a, b) => a - b);
console.log(JSON.stringify({ toggle_floor_ms: { min: out[0], median: out[7], max: out[14] } }));
await b.close();
