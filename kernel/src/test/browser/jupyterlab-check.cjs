// Drives a real JupyterLab in headless Chromium: opens each notebook given, runs all cells from the
// Run menu, and checks what a learner sees: no error or stderr output, step-through widgets that
// start and step, a Trainer dashboard that updates in place in one output, tables and charts.
// Usage: node jupyterlab-check.cjs BASE_URL TOKEN OUT_DIR NOTEBOOK...   (CHROMIUM=/usr/bin/chromium)
// Exit 0 when every check passed; screenshots in OUT_DIR (always, so a failure can be looked at).
const { chromium } = require('playwright-core');
const path = require('path');

const [base, token, outDir, ...notebooks] = process.argv.slice(2);
const failures = [];
function check(ok, what) {
  console.log((ok ? 'ok    ' : 'FAIL  ') + what);
  if (!ok) failures.push(what);
}

async function runNotebook(page, name) {
  const shot = (suffix) => page.screenshot({ path: path.join(outDir, `${path.basename(name, '.ipynb')}-${suffix}.png`),
    fullPage: true });
  // ?reset: a fresh workspace, so only this notebook is open
  await page.goto(`${base}/lab/tree/${encodeURIComponent(name)}?reset&token=${token}`);
  await page.waitForSelector('.jp-Notebook .jp-CodeCell', { timeout: 120000 });
  // this notebook's panel, and the kernel named in its metadata ("java"), started and idle
  const kernelState = (nb) => {
    const panels = window.jupyterapp ? Array.from(window.jupyterapp.shell.widgets('main')) : [];
    const w = panels.find(p => p.context && p.context.path.endsWith(nb));
    const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
    return w ? { id: w.id, kernel: k ? k.name : null, status: k ? k.status : null } : null;
  };
  const state = await (await page.waitForFunction(`(${kernelState})(${JSON.stringify(name)})`
    + `?.kernel === 'java' && (${kernelState})(${JSON.stringify(name)}).status === 'idle'`
    + ` ? (${kernelState})(${JSON.stringify(name)}) : null`, null, { timeout: 180000 })).jsonValue();
  const panel = `#${state.id}`;
  check(true, `${name}: the java kernel started`);

  // Record every state a Trainer dashboard shows, and how many there are per cell, while cells run.
  await page.evaluate(() => {
    window.vbDashboards = { texts: new Set(), mostPerCell: 0 };
    const observer = new MutationObserver(() => {
      document.querySelectorAll('.jp-CodeCell').forEach(cell => {
        // only cells that are running now: the committed outputs of the last full run do not count
        const prompt = cell.querySelector('.jp-InputPrompt');
        if (!prompt || !prompt.textContent.includes('*')) return;
        const boards = cell.querySelectorAll('.jp-OutputArea-output .visionbook-training');
        window.vbDashboards.mostPerCell = Math.max(window.vbDashboards.mostPerCell, boards.length);
        boards.forEach(b => window.vbDashboards.texts.add(b.textContent.split('loss')[0].trim()));
      });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  // Run > Run All Cells, as a learner would
  await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click();
  await page.locator('.lm-Menu-itemLabel', { hasText: /^Run All Cells$/ }).click();
  const started = Date.now();
  await page.waitForFunction(`(() => {
    const s = (${kernelState})(${JSON.stringify(name)});
    const prompts = Array.from(document.querySelectorAll('${panel} .jp-CodeCell .jp-InputPrompt'));
    return s && s.status === 'idle' && prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
  })()`, null, { timeout: 600000, polling: 1000 });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const cells = await page.locator(`${panel} .jp-CodeCell`).count();
  check(true, `${name}: all ${cells} code cells ran (${seconds} s)`);

  const errors = await page.locator(`${panel} .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]`)
    .allTextContents();
  check(errors.length === 0, `${name}: no error or stderr output${errors.length ? ': ' + errors[0].slice(0, 300) : ''}`);

  const images = await page.evaluate((sel) => Array.from(document.querySelectorAll(sel + ' .jp-OutputArea-output img'))
    .map(img => img.complete && img.naturalWidth > 0), panel);
  check(images.length > 0 && images.every(Boolean), `${name}: ${images.length} pictures or charts, all decoded`);
  await shot('after-run');
  return panel;
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', e => pageErrors.push(String(e)));
  // nothing leaves the machine: the course needs no network in the browser
  const outside = [];
  await page.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  try {
    for (const name of notebooks) {
      const panel = await runNotebook(page, name);
      if (name.startsWith('03')) {
        const widgets = page.locator(`${panel} .jp-OutputArea-output .vb-steps`);
        const n = await widgets.count();
        check(n > 0, `${name}: ${n} step-through widgets rendered`);
        if (n > 0) {
          const w = widgets.first();
          await w.scrollIntoViewIfNeeded();
          check(await w.getAttribute('data-live') === '1', `${name}: the first widget's script ran (live view)`);
          const before = await w.locator('.vb-label').textContent();
          await w.locator('.vb-next').click();
          const after = await w.locator('.vb-label').textContent();
          check(/^step 1 \//.test(before) && /^step 2 \//.test(after), `${name}: "step" moves the widget (${before} -> ${after})`);
          await w.screenshot({ path: path.join(outDir, '03-widget-after-a-step.png') });
        }
        const tables = await page.locator(`${panel} .jp-OutputArea-output table`).count();
        check(tables > 0, `${name}: ${tables} tables rendered as HTML`);
      }
      if (name.startsWith('04')) {
        const seen = await page.evaluate(() => ({ texts: Array.from(window.vbDashboards.texts),
          most: window.vbDashboards.mostPerCell }));
        check(seen.most === 1, `${name}: a training cell shows one dashboard output at a time (most ${seen.most})`);
        check(seen.texts.length >= 2, `${name}: while training, the dashboard was updated in place (${seen.texts.length}`
          + ' states: ' + seen.texts.slice(0, 4).join(' | ') + ')');
        const final = await page.locator(`${panel} .jp-OutputArea-output .visionbook-training`).allTextContents();
        check(final.length > 0 && final.every(t => /epoch 1\/1 +batch (\d+)\/\1/.test(t)),
          `${name}: each dashboard ends at its last epoch and batch (${final.map(t => t.split('ex/s')[0]).join(' | ')})`);
      }
    }
    check(pageErrors.length === 0, `no JavaScript errors in the page${pageErrors.length ? ': ' + pageErrors[0] : ''}`);
    console.log(`requests to other hosts (blocked): ${outside.length ? outside.join(', ') : 'none'}`);
  } catch (e) {
    failures.push(String(e));
    console.log('FAIL  ' + e);
    await page.screenshot({ path: path.join(outDir, 'failure.png'), fullPage: true }).catch(() => {});
  } finally {
    await browser.close();
  }
  console.log(failures.length ? `${failures.length} check(s) failed` : 'all checks passed');
  process.exit(failures.length ? 1 : 0);
})();
