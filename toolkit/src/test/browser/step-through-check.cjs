// Drives the step-through widgets of a page in headless Chromium: checks that they start without
// network or errors, that step, slider, play/pause and hover work and that widgets do not interfere;
// saves screenshots. Usage: node step-through-check.cjs page.html outDir   (CHROMIUM=/usr/bin/chromium)
const { chromium } = require('playwright-core');
const path = require('path');

const [page_, outDir] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const url = 'file://' + path.resolve(page_);
const failures = [];
function check(ok, what) {
  console.log((ok ? 'ok    ' : 'FAIL  ') + what);
  if (!ok) failures.push(what);
}

(async () => {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
      '--disable-sync', '--disable-component-update'],
  });
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const outside = [];
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', e => problems.push(String(e)));
  await page.route('**/*', route => {
    if (route.request().url().startsWith('file:') || route.request().url().startsWith('data:')) {
      return route.continue();
    }
    outside.push(route.request().url());
    return route.abort();
  });
  await page.goto(url);

  const widgets = page.locator('.vb-steps');
  const count = await widgets.count();
  check(count === 4, `page has 4 widgets (found ${count})`);
  // the widgets' ids (a notebook export adds ids of its own, e.g. MathJax's)
  const ids = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.vb-steps, .vb-steps [id]')).map(e => e.id));
  const all = await page.evaluate(() => Array.from(document.querySelectorAll('[id]')).map(e => e.id));
  check(ids.length === count && ids.every(id => all.filter(x => x === id).length === 1),
    `each widget has one id, unique on the page: ${ids.join(', ')}`);
  for (let i = 0; i < count; i++) {
    const w = widgets.nth(i);
    check(await w.getAttribute('data-live') === '1', `widget ${i} started`);
    check(!(await w.locator('.vb-fallback').isVisible()), `widget ${i} hid its static fallback`);
    check(await w.locator('.vb-live').isVisible(), `widget ${i} shows the live view`);
  }

  const w = widgets.nth(0);
  const label = () => w.locator('.vb-label').textContent();
  const filled = () => w.locator('.vb-out td:not(.vb-empty)').count();
  check(await label() === 'step 1 / 16', `first widget starts at step 1 / 16 (${await label()})`);
  await w.locator('.vb-next').click();
  await w.locator('.vb-next').click();
  check(await label() === 'step 3 / 16', `two clicks on "step" reach step 3 (${await label()})`);
  check(await filled() === 3, `three output cells are filled (${await filled()})`);
  check(await w.locator('.vb-in td.vb-win, .vb-in td.vb-best').count() === 9, 'the 3x3 window is outlined in the input');
  check((await w.locator('.vb-math').textContent()).startsWith('output (0, 2): '),
    'the arithmetic is for output (0, 2)');
  check(await widgets.nth(3).locator('.vb-label').textContent() === 'step 1 / 16',
    'the same trace in another widget did not move');
  await w.screenshot({ path: path.join(outDir, 'after-two-steps.png') });

  await w.locator('.vb-prev').click();
  check(await label() === 'step 2 / 16', `"◀ step" goes back to step 2 (${await label()})`);

  await w.locator('.vb-slider').fill('15');
  check(await label() === 'step 16 / 16', `slider to the end shows step 16 (${await label()})`);
  check(await filled() === 16, `all 16 output cells are filled (${await filled()})`);
  await w.screenshot({ path: path.join(outDir, 'slider-at-end.png') });

  await w.locator('.vb-slider').fill('0');
  await w.locator('.vb-play').click();
  check(await w.locator('.vb-play').textContent() === '\u275a\u275a pause', 'play turns into pause');
  await page.waitForTimeout(2000);
  await w.locator('.vb-play').click();
  const paused = await label();
  const reached = parseInt(paused.split(' ')[1], 10);
  // no exact timing: a busy machine may run the timer late
  check(reached >= 2 && reached < 16, `playing for 2 s at 600 ms a step advanced without finishing (${paused})`);
  await page.waitForTimeout(1300);
  check(await label() === paused, `pause holds the step (${await label()})`);

  await w.locator('.vb-out tr').nth(1).locator('td').nth(2).hover();
  const field = await w.locator('.vb-in td.vb-rf').count();
  check(field === 9, `hovering output (1, 2) outlines its 9-cell receptive field (${field})`);
  const hovered = w.locator('.vb-out tr').nth(1).locator('td').nth(2);
  check(!(await hovered.getAttribute('class')).includes('vb-empty'), 'the hovered cell shows its value');
  check((await w.locator('.vb-math').textContent()).startsWith('output (1, 2) reads the outlined cells'),
    'hover shows the arithmetic of the hovered cell');
  await w.screenshot({ path: path.join(outDir, 'hover-output-1-2.png') });
  await page.mouse.move(990, 890);
  check(await w.locator('.vb-in td.vb-rf').count() === 0, 'leaving the output grid clears the receptive field');
  check(await label() === paused, 'and restores the current step');

  const pool = widgets.nth(1);
  await pool.locator('.vb-slider').fill('8');
  check(await pool.locator('.vb-in td.vb-best').count() === 1, 'max pooling marks the winning cell');
  await pool.locator('.vb-out tr').nth(0).locator('td').nth(0).hover();
  check(await pool.locator('.vb-in td.vb-rf, .vb-in td.vb-best').count() === 4,
    'hovering max-pooling output (0, 0) outlines its 2x2 window');
  await pool.screenshot({ path: path.join(outDir, 'max-pooling-hover.png') });
  await page.screenshot({ path: path.join(outDir, 'page.png'), fullPage: true });

  check(outside.length === 0, `no requests left the page (${outside.join(', ')})`);
  check(problems.length === 0, `no console errors (${problems.join(' | ')})`);

  // Where scripts do not run (untrusted notebooks, static viewers) the PNG fallback shows instead.
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
  const still = await noScript.newPage();
  await still.goto(url);
  const first = still.locator('.vb-steps').nth(0);
  check(await first.locator('.vb-fallback img').isVisible(), 'without scripts the fallback picture shows');
  const natural = await first.locator('.vb-fallback img').evaluate(img => img.naturalWidth);
  check(natural > 100, `and it decodes (${natural} px wide)`);
  check(!(await first.locator('.vb-live').isVisible()), 'and the empty live view stays hidden');
  await first.screenshot({ path: path.join(outDir, 'without-scripts.png') });

  await browser.close();
  if (failures.length > 0) {
    console.error(`${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log('all browser checks passed; screenshots in ' + outDir);
})().catch(e => { console.error(e); process.exit(2); });
