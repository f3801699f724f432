// reveal.js host: examples/slides/ is a deck (reveal.js 6 from npm, copied into dist/ by
// scripts/build.sh) with <trainlab-view> elements and embed=1 iframes on several slides. The tests
// move through it with the keyboard, at 1920 x 1080 where reveal scales its 960 x 700 slides by
// about 1.48 with a CSS transform, as a lecture hall's projector would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, browser, DIST } from './harness.mjs';

const DECK = 'examples/slides/index.html';
const present = existsSync(join(DIST, 'examples/slides/reveal/reveal.mjs'));
// CI must run these; elsewhere a missing reveal.js (scripts/setup-hosts.sh, then scripts/build.sh) skips them
const skip = !present && !process.env.CI ? 'reveal.js is not in dist/ (scripts/setup.sh, then scripts/build.sh)' : false;
const SLIDE = { title: 0, ewma: 1, optimizers: 2, train: 3, ewmaFrame: 4, optimizersFrame: 5, notes: 6, late: 8 };

let srv;
let b;
before(async () => { if (skip) return; srv = await serve(); b = await browser({ viewport: { width: 1920, height: 1080 } }); });
after(async () => { await b?.close(); await srv?.close(); });

async function openDeck() {
  b.errors.length = 0;
  await b.page.goto(`${srv.url}${DECK}`);
  await b.page.waitForFunction(() => document.documentElement.dataset.ready === 'deck');
}

/** Presses ArrowRight / ArrowLeft until slide `n` shows, then waits for the slide to stop moving. */
async function goTo(n) {
  for (let i = 0; i < 20; i++) {
    const h = await b.page.evaluate(() => window.deck.getIndices().h);
    if (h === n) break;
    await b.page.keyboard.press(h < n ? 'ArrowRight' : 'ArrowLeft');
    await b.page.waitForFunction((was) => window.deck.getIndices().h !== was, h);
  }
  assert.equal(await b.page.evaluate(() => window.deck.getIndices().h), n);
  await settle();
}

/** Waits until the present slide is where it stays (reveal's slide transition has ended). */
function settle() {
  return b.page.evaluate(() => new Promise((done) => {
    let last = '';
    let same = 0;
    const check = () => {
      const r = document.querySelector('.reveal .slides > section.present').getBoundingClientRect();
      const now = `${r.left},${r.top},${r.width}`;
      same = now === last ? same + 1 : 0;
      last = now;
      if (same >= 5) done(); else requestAnimationFrame(check);
    };
    check();
  }));
}

/** Waits for element `id`'s handle; returns facts about its canvas (size, backing store, ink). */
async function figure(id) {
  await b.page.waitForFunction((i) => document.getElementById(i)?.handle, id);
  return b.page.evaluate((i) => {
    const h = document.getElementById(i).handle;
    const c = h.element.querySelector('canvas');
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let k = 0; k < px.length; k += 4) if (px[k] < 200 || px[k + 1] < 200 || px[k + 2] < 200) ink++;
    const r = c.getBoundingClientRect();
    return {
      cssWidth: c.clientWidth, cssHeight: c.clientHeight, width: c.width, height: c.height,
      dpr: Math.min(3, devicePixelRatio || 1), ink: ink / (c.width * c.height),
      scale: r.width / c.offsetWidth, rect: { left: r.left, top: r.top, width: r.width, height: r.height },
    };
  }, id);
}

function assertDrawnAtSize(f, what) {
  assert.ok(f.cssWidth > 300, `${what}: ${f.cssWidth} CSS px wide`);
  assert.ok(Math.abs(f.width - Math.round(f.cssWidth * f.dpr)) <= 1, `${what}: backing ${f.width} for ${f.cssWidth} CSS px`);
  assert.ok(Math.abs(f.height - Math.round(f.cssHeight * f.dpr)) <= 1, `${what}: backing ${f.height} for ${f.cssHeight} CSS px`);
  assert.ok(f.ink > 0.005, `${what}: ink ${f.ink}`);
}

/** The pixel (CSS px of a figure drawn at `width` x `height`) where the optimizers' contour plots
 * show data point `want`, from the view's `readout` query (which knows the layout at that size:
 * a narrow figure reflows): the nearest point of a 6 px grid, refined along both axes. Run in
 * the page. */
function pixelOfPoint({ width, height, want }) {
  const h = window.trainlab?.handle;
  const at = (x, y) => h.command('readout', { x, y, width, height })?.at;
  let best = null;
  for (let y = 3; y < height; y += 6) {
    for (let x = 3; x < width; x += 6) {
      const a = at(x, y);
      const d = a && Math.hypot(a[0] - want[0], a[1] - want[1]);
      if (a && (!best || d < best.d)) best = { x, y, d, a };
    }
  }
  const ax = at(best.x + 6, best.y);
  const ay = at(best.x, best.y + 6);
  const x = ax ? best.x + 6 * (want[0] - best.a[0]) / (ax[0] - best.a[0]) : best.x;
  const y = ay ? best.y + 6 * (want[1] - best.a[1]) / (ay[1] - best.a[1]) : best.y;
  return [x, y];
}

/** Client coordinates of the point (x, y) of the optimizers' first contour plot, from its
 * geometry (fractions and insets of the unscaled canvas), scaled as the slide is. */
function contourPoint(f, g, [x, y]) {
  const w = f.cssWidth;
  const h = f.cssHeight;
  const left = g.frac[0] * w + g.inset[0];
  const right = g.frac[2] * w - g.inset[2];
  const top = g.frac[1] * h + g.inset[1];
  const bottom = g.frac[3] * h - g.inset[3];
  const px = left + ((x - g.x[0]) / (g.x[1] - g.x[0])) * (right - left);
  const py = top + ((g.y[1] - y) / (g.y[1] - g.y[0])) * (bottom - top);
  return [f.rect.left + px * f.scale, f.rect.top + py * f.scale];
}

test('a view on a slide hidden at load draws at its size when the slide shows', { skip }, async () => {
  await openDeck();
  // reveal shows only the slides within viewDistance (2): the last slide is display: none
  const atLoad = await b.page.evaluate(() => document.getElementById('late-el').getBoundingClientRect().width);
  assert.equal(atLoad, 0, 'hidden at load');
  await goTo(SLIDE.ewma);
  assertDrawnAtSize(await figure('ewma-el'), 'ewma on slide 2');
  await goTo(SLIDE.late);
  await b.page.waitForFunction(() => {
    const c = document.getElementById('late-el').handle?.element.querySelector('canvas');
    return c && Math.abs(c.width - Math.round(c.clientWidth * Math.min(3, devicePixelRatio || 1))) <= 1 && c.clientWidth > 300;
  }, null, { timeout: 5000 }).catch(() => {});
  assertDrawnAtSize(await figure('late-el'), 'ewma on the last slide');
  assert.deepEqual(b.errors, []);
});

test('a click on the optimizers figure in a CSS-scaled slide moves the start point under the pointer', { skip }, async () => {
  await openDeck();
  await goTo(SLIDE.optimizers);
  const f = await figure('opt-el');
  assert.ok(f.scale > 1.2, `the slide is scaled (${f.scale})`);
  const g = await b.page.evaluate(() => document.getElementById('opt-el').handle.data().geometry[0]);
  const want = [-3, 1];
  const [cx, cy] = contourPoint(f, g, want);
  await b.page.mouse.click(cx, cy);
  const p = await b.page.evaluate(() => document.getElementById('opt-el').handle.params());
  assert.ok(Math.abs(p.x0 - want[0]) < 0.1 && Math.abs(p.y0 - want[1]) < 0.1, `clicked ${want}, start moved to (${p.x0}, ${p.y0})`);
  assert.deepEqual(b.errors, []);
});

test('a click on the train figure in a CSS-scaled slide adds a training point under the pointer', { skip }, async () => {
  await openDeck();
  await goTo(SLIDE.train);
  const f = await figure('train-el');
  assert.ok(f.scale > 1.2, `the slide is scaled (${f.scale})`);
  const before = await b.page.evaluate(() => {
    const h = document.getElementById('train-el').handle;
    // keep what add_point answered (the data coordinates of the new point)
    const command = h.command;
    h.command = (name, arg) => {
      const out = command(name, arg);
      if (name === 'add_point') window.addedPoint = out;
      return out;
    };
    const d = h.data();
    return { rows: d.rows.train, box: d.view_box, features: d.features };
  });
  assert.equal(before.features, 2);
  // the data plot (chart::train::plot_rect, the `ui` query's square at the unscaled canvas size)
  const [left, top, side] = await b.page.evaluate(({ w, h }) => document.getElementById('train-el').handle.command('ui', `${w},${h}`).square, { w: f.cssWidth, h: f.cssHeight });
  const [fx, fy] = [0.3, 0.6];
  const px = left + fx * side;
  const py = top + fy * side;
  await b.page.mouse.click(f.rect.left + px * f.scale, f.rect.top + py * f.scale);
  const got = await b.page.evaluate(() => ({ point: window.addedPoint, rows: document.getElementById('train-el').handle.data().rows.train }));
  assert.equal(got.rows, before.rows + 1, 'one training point added');
  const [[x0, x1], [y0, y1]] = before.box;
  const want = [x0 + fx * (x1 - x0), y0 + (1 - fy) * (y1 - y0)];
  assert.ok(Math.abs(got.point.x - want[0]) < 0.02 * (x1 - x0) && Math.abs(got.point.y - want[1]) < 0.02 * (y1 - y0),
    `clicked at ${want}, the point went to (${got.point.x}, ${got.point.y})`);
  assert.deepEqual(b.errors, []);
});

test('a custom element keeps its state when its slide is left and revisited', { skip }, async () => {
  await openDeck();
  await goTo(SLIDE.optimizers);
  await figure('opt-el');
  await b.page.evaluate(() => document.getElementById('opt-el').handle.set({ x0: -4, y0: 2, steps: 12 }));
  await goTo(SLIDE.notes);   // four slides on: past viewDistance, the slide is display: none
  assert.equal(await b.page.evaluate(() => document.getElementById('opt-el').getBoundingClientRect().width), 0);
  await goTo(SLIDE.optimizers);
  const p = await b.page.evaluate(() => document.getElementById('opt-el').handle.params());
  assert.deepEqual([p.x0, p.y0, p.steps], [-4, 2, 12]);
  assertDrawnAtSize(await figure('opt-el'), 'optimizers after coming back');
  assert.deepEqual(b.errors, []);
});

test('long work pauses while its slide is hidden and resumes when it shows again', { skip }, async () => {
  await openDeck();
  await goTo(SLIDE.train);
  await figure('train-el');
  const step = () => b.page.evaluate(() => document.getElementById('train-el').handle.data().step);
  await b.page.waitForFunction(() => document.getElementById('train-el').handle.data().step > 5, null, { timeout: 20_000 });
  await goTo(SLIDE.train + 1);   // the next slide: the training slide is off screen
  await b.page.waitForTimeout(300);
  const left = await step();
  await b.page.waitForTimeout(1500);
  assert.equal(await step(), left, 'no training step while the slide is hidden');
  await goTo(SLIDE.train);
  await b.page.waitForFunction((n) => document.getElementById('train-el').handle.data().step > n, left, { timeout: 10_000 });
  assert.deepEqual(b.errors, []);
});

test('after a click inside an iframe view, ArrowRight still advances the deck', { skip }, async () => {
  await openDeck();
  await goTo(SLIDE.ewmaFrame);
  const frame = b.page.frameLocator('#ewma-frame');
  await frame.locator('html[data-ready]').waitFor({ timeout: 30_000 });
  await frame.locator('canvas').first().click();
  await b.page.keyboard.press('ArrowRight');
  await b.page.waitForFunction((n) => window.deck.getIndices().h === n, SLIDE.ewmaFrame + 1, { timeout: 3000 }).catch(() => {});
  assert.equal(await b.page.evaluate(() => window.deck.getIndices().h), SLIDE.ewmaFrame + 1, 'the deck went on to the next slide');
  assert.deepEqual(b.errors, []);
});

test('an iframe unloaded past viewDistance comes back with the state it posted', { skip }, async () => {
  await openDeck();
  await goTo(SLIDE.optimizersFrame);
  const owner = b.page.locator('#opt-frame');
  const inner = () => b.page.frames().find((fr) => fr.url().includes('view=optimizers') && fr !== b.page.mainFrame());
  await b.page.frameLocator('#opt-frame').locator('html[data-ready]').waitFor({ timeout: 30_000 });
  // click the contour plot inside the frame at (-3, 1): frame coordinates, scaled as the slide is
  const fr = inner();
  const c = await fr.evaluate(() => {
    const r = document.querySelector('canvas.tl-canvas').getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  });
  const box = await owner.boundingBox();
  const s = box.width / (await owner.evaluate((e) => e.offsetWidth));
  // the frame's figure may be narrow enough to reflow (not the wide layout of data().geometry)
  const [px, py] = await fr.evaluate(pixelOfPoint, { width: c.width, height: c.height, want: [-3, 1] });
  const inFrame = [c.left + px, c.top + py];
  const border = await owner.evaluate((e) => [e.clientLeft, e.clientTop]);
  await b.page.mouse.click(box.x + (border[0] + inFrame[0]) * s, box.y + (border[1] + inFrame[1]) * s);
  const moved = await fr.evaluate(() => window.trainlab.handle.params());
  assert.ok(Math.abs(moved.x0 + 3) < 0.1 && Math.abs(moved.y0 - 1) < 0.1, `start moved to (${moved.x0}, ${moved.y0})`);
  await b.page.locator('#s-frame-optimizers h3').click();   // focus back to the deck (arrow keys from a frame: the test above)
  await goTo(SLIDE.late);   // three slides on: reveal unloads the frame
  assert.equal(await owner.getAttribute('src'), null, 'the frame was unloaded');
  assert.match(await owner.getAttribute('data-src') ?? '', /x0=-[23]\.?\d*&?.*y0=/, 'the deck kept the posted state');
  await goTo(SLIDE.optimizersFrame);
  await b.page.frameLocator('#opt-frame').locator('html[data-ready]').waitFor({ timeout: 30_000 });
  const back = await inner().evaluate(() => window.trainlab.handle.params());
  assert.deepEqual([back.x0, back.y0], [moved.x0, moved.y0], 'the frame came back as it was left');
  assert.deepEqual(b.errors, []);
});
