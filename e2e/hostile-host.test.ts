// A host page whose stylesheet restyles everything, as a CMS theme or a bad "reset" does: every widget must look
// as it does on a clean page (its box's screenshot within a small pixel tolerance, the same size), stay usable
// with the keyboard, and change nothing on the page outside its own box.
//
// What a page may change by design (docs/theming.md): the font and the text colour, which inherit into the shadow
// DOM, the background behind the widget, whose surfaces are transparent, and the root font size, which `rem`
// spacing follows. The clean page sets those on the widgets deliberately, to the same values the hostile page
// forces on everything, so that the comparison measures everything else: inherited text properties (line height,
// letter and word spacing, case, alignment, indent, white space, shadow, direction), rules for every element
// (`all: unset`, hidden controls, `[hidden]`, pseudo-elements), `!important` everywhere. A rule on the widget's
// own element sets that element's box (`all: unset` makes it inline), so what is compared is what the widget
// draws: its `base` part.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pixelmatch from 'pixelmatch';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { FeedbackDriver, RatingDriver } from './drivers/feedback.js';
import { PetitionCounterDriver, PetitionDriver, signer } from './drivers/petition.js';
import { PollDriver } from './drivers/poll.js';
import { ServiceLocatorDriver } from './drivers/service-locator.js';
import { newPage, waitForState } from './support/browser.js';
import { type E2E, startE2E } from './support/e2e.js';
import { hostPage } from './support/host.js';

/** What the page may choose for the widgets (the theming contract), forced by the hostile page on everything. */
const FONT = '21px "Comic Sans MS", fantasy';
const COLOR = 'hotpink';
const BACKGROUND = 'lime';
/** Spacing is in `rem`, so it follows the page's root font size (the reader's text size), by design too. */
const ROOT_FONT_SIZE = '62.5%';
/** The share of a widget's pixels that may differ between the clean and the hostile page. */
const TOLERANCE = 0.01;

/** Every widget, with what shows once it has loaded (from its driver). */
const WIDGETS: Record<string, { markup: (endpoint: string) => string; ready: (widget: Locator) => Locator }> = {
  petition: {
    markup: (e) => `<civic-petition id="w-petition" endpoint="${e}" petition-id="safer-crossings"></civic-petition>`,
    ready: (w) => new PetitionDriver(w).ready,
  },
  counter: {
    markup: (e) =>
      `<civic-petition-counter id="w-counter" endpoint="${e}" petition-id="safer-crossings"></civic-petition-counter>`,
    ready: (w) => new PetitionCounterDriver(w).ready,
  },
  feedback: {
    markup: (e) => `<civic-feedback id="w-feedback" endpoint="${e}" topic="bins"></civic-feedback>`,
    ready: (w) => new FeedbackDriver(w).ready,
  },
  rating: {
    markup: () => '<civic-rating id="w-rating" name="visit" scale="stars"></civic-rating>',
    ready: (w) => w.getByRole('radio').first(),
  },
  single: {
    markup: (e) => `<civic-poll id="w-single" endpoint="${e}" poll-id="park-name"></civic-poll>`,
    ready: (w) => new PollDriver(w).voteButton,
  },
  multiple: {
    markup: (e) => `<civic-poll id="w-multiple" endpoint="${e}" poll-id="budget-priorities"></civic-poll>`,
    ready: (w) => new PollDriver(w).voteButton,
  },
  ranked: {
    markup: (e) => `<civic-poll id="w-ranked" endpoint="${e}" poll-id="bus-routes"></civic-poll>`,
    ready: (w) => new PollDriver(w).voteButton,
  },
  locator: {
    markup: (e) => `<civic-service-locator id="w-locator" endpoint="${e}"></civic-service-locator>`,
    ready: (w) => new ServiceLocatorDriver(w).ready,
  },
};

/** Waits until every widget on `page` has loaded. */
async function allReady(page: Page) {
  for (const [id, widget] of Object.entries(WIDGETS)) await widget.ready(page.locator(`#w-${id}`)).waitFor();
}

const TAGS = 'civic-petition, civic-petition-counter, civic-feedback, civic-rating, civic-poll, civic-service-locator';

/** The clean page: the host's own content, and the three things it may choose for the widgets, chosen. */
const CLEAN_CSS = `
  html { font-size: ${ROOT_FONT_SIZE}; }
  body { margin: 0; }
  ${TAGS} { font: ${FONT}; color: ${COLOR}; background: ${BACKGROUND}; }
  .host-text { font: 16px/1.4 serif; color: #222; margin: 1em; }
  .host-button { font: 16px sans-serif; padding: 4px 12px; }
`;

/**
 * A theme that restyles everything: a "reset" with `all: unset`, odd inherited text styles, hidden form
 * controls, `[hidden]` shown, huge SVGs, no focus outline, generated content on every element, a tiny root font
 * size, right to left, and `!important` everywhere so that nothing of the page's own can win.
 */
const HOSTILE_CSS = `
  *, *::before, *::after {
    all: unset !important;
    font: ${FONT} !important;
    line-height: 0.6 !important;
    color: ${COLOR} !important;
    background: ${BACKGROUND} !important;
    letter-spacing: 3px !important;
    word-spacing: 12px !important;
    text-transform: uppercase !important;
    text-align: justify !important;
    text-indent: 40px !important;
    text-shadow: 2px 2px 0 navy !important;
    white-space: pre !important;
    hyphens: auto !important;
    word-break: break-all !important;
    cursor: crosshair !important;
    box-sizing: content-box !important;
    list-style: square inside !important;
    transition: all 2s !important;
  }
  head, script, style, title { display: none !important; }
  *::before, *::after { content: "X" !important; }
  html { font-size: ${ROOT_FONT_SIZE} !important; }
  html, body { overflow-x: hidden !important; }
  body { direction: rtl !important; line-height: 4 !important; padding: 30px !important; }
  div, p, span, section, form, fieldset, ul, li, h1, h2, h3 {
    padding: 7px !important;
    margin: 9px !important;
    border: 3px dashed red !important;
  }
  h1, h2, h3 { font-size: 60px !important; }
  button, input, select, textarea, label { display: none !important; }
  [hidden] { display: block !important; }
  svg, img { width: 900px !important; height: 900px !important; }
  :focus, :focus-visible { outline: none !important; }
  table, td, th { border: 5px solid black !important; }
  a { color: red !important; text-decoration: none !important; }
`;

/** Host content around the widgets, to check that using them changes nothing outside their boxes. */
const HOST_CONTENT = `<p class="host-text" id="host-text">Our text.</p>
  <button class="host-button" id="host-button" type="button">Ours</button>`;

function page(css: string, endpoint: string) {
  return hostPage({
    title: 'Themed',
    scripts: [],
    body: `<style>${css}</style>${HOST_CONTENT}
      ${Object.values(WIDGETS)
        .map((widget) => `<div class="slot">${widget.markup(endpoint)}</div>`)
        .join('\n')}
      <civic-petition-counter id="hidden-widget" hidden endpoint="${endpoint}" petition-id="safer-crossings"></civic-petition-counter>
      ${HOST_CONTENT.replaceAll('id="host-', 'id="host-after-')}`,
  });
}

describe('every widget on a host page whose stylesheet restyles everything', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
    const bundle = `<script type="module" src="${e2e.apiUrl}/cdn/civic-widgets.js"></script>`;
    const withBundle = (html: string) => html.replace('</head>', `${bundle}</head>`);
    e2e.serve('/clean.html', withBundle(page(CLEAN_CSS, e2e.endpoint)));
    e2e.serve('/hostile.html', withBundle(page(HOSTILE_CSS, e2e.endpoint)));
    // The bundle loaded on demand, by a function the page defines, so that the page can be read before and after.
    const onDemand = `<script>window.loadWidgets = () => import('${e2e.apiUrl}/cdn/civic-widgets.js');</script>`;
    e2e.serve('/later.html', page(CLEAN_CSS, e2e.endpoint).replace('</head>', `${onDemand}</head>`));
  });
  after(() => e2e?.close());

  /** A page of `path` in a fresh context, every widget loaded, fonts ready, no motion. */
  async function open(path: string) {
    const context = await e2e.browser.newContext({ viewport: { width: 1000, height: 800 }, reducedMotion: 'reduce' });
    const opened = await newPage(e2e, context);
    await opened.page.goto(e2e.hostUrl + path);
    await allReady(opened.page);
    await opened.page.evaluate(() => document.fonts.ready);
    return opened;
  }

  /** The screenshot of what one widget draws (its `base` part), decoded, and that box's size. */
  async function shot(page: Page, id: string) {
    const element = page.locator(`#w-${id} [part="base"]`).first();
    const box = await element.boundingBox();
    assert.ok(box, `#w-${id} is drawn`);
    return { png: PNG.sync.read(await element.screenshot({ animations: 'disabled', caret: 'hide' })), box };
  }

  /**
   * The share of pixels that differ inside the box, less its outermost pixel (a box at a fractional position
   * takes in a row of what is next to it). Each widget sits at a fractional position on either page (the content
   * above and beside it differs), so its text is drawn up to a pixel off: the smallest difference over a shift of
   * one pixel in each direction counts.
   */
  function differing(a: PNG, b: PNG) {
    const [width, height] = [Math.min(a.width, b.width) - 4, Math.min(a.height, b.height) - 4];
    const crop = (png: PNG, left: number, top: number) => {
      const out = new PNG({ width, height });
      PNG.bitblt(png, out, left, top, width, height, 0, 0);
      return out.data;
    };
    let least = 1;
    for (const [dx, dy] of [2, 1, 3].flatMap((x) => [2, 1, 3].map((y) => [x, y]))) {
      // 0.1: a pixel differs when its colour moves by a tenth of the scale; anti-aliased pixels are left out.
      const changed = pixelmatch(crop(a, dx!, dy!), crop(b, 2, 2), undefined, width, height, { threshold: 0.1 });
      least = Math.min(least, changed / (width * height));
      if (least <= TOLERANCE) break;
    }
    return least;
  }

  it('draws every widget as on a clean page: the same size, and at most 1% of pixels differ', async () => {
    const clean = await open('/clean.html');
    const hostile = await open('/hostile.html');
    const report: string[] = [];
    for (const id of Object.keys(WIDGETS)) {
      const [a, b] = [await shot(clean.page, id), await shot(hostile.page, id)];
      const size = (box: { width: number; height: number }) => `${box.width.toFixed(1)}×${box.height.toFixed(1)}`;
      if (Math.abs(a.box.width - b.box.width) > 0.5 || Math.abs(a.box.height - b.box.height) > 0.5) {
        report.push(`${id}: ${size(a.box)} on the clean page, ${size(b.box)} on the hostile one`);
        continue;
      }
      const share = differing(a.png, b.png);
      if (share > TOLERANCE) report.push(`${id}: ${(share * 100).toFixed(2)}% of its pixels differ`);
    }
    assert.deepEqual(report, []);
    assert.deepEqual([...clean.problems, ...hostile.problems], []);
    await clean.context.close();
    await hostile.context.close();
  });

  it('stays usable with the keyboard: controls shown, focus visible, a petition signed', async () => {
    const { context, page, problems } = await open('/hostile.html');
    const petition = new PetitionDriver(page.locator('#w-petition'));
    const widget = petition.widget;
    for (const name of ['Full name', 'Email address', 'Postcode']) assert.ok(await widget.getByLabel(name).isVisible());
    assert.ok(await petition.submitButton.isVisible());
    assert.ok(await new PollDriver(page.locator('#w-single')).voteButton.isVisible());
    assert.equal(await page.locator('#hidden-widget').boundingBox(), null, 'a widget with `hidden` stays hidden');

    await petition.tabToForm(page);
    const outline = await page.evaluate(() => {
      let node: Element | null = document.activeElement;
      while (node?.shadowRoot?.activeElement) node = node.shadowRoot.activeElement;
      return node ? getComputedStyle(node).outlineStyle : '';
    });
    assert.notEqual(outline, 'none', 'the focus ring shows despite `:focus { outline: none !important }`');
    await petition.signFromFirstField(page, signer('grace@example.org', { name: 'Grace Hopper', postcode: 'LS6 1AA' }));
    await waitForState(page, '#w-petition', 'submitted');
    await petition.thanked.waitFor();
    const stored = await e2e.db
      .selectFrom('signatures')
      .select(['name', 'postcode'])
      .where('email', '=', 'grace@example.org')
      .execute();
    assert.deepEqual(stored, [{ name: 'Grace Hopper', postcode: 'LS6 1AA' }]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('changes nothing of the page outside its boxes, loaded and used', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1000, height: 800 }, reducedMotion: 'reduce' });
    const { page, problems } = await newPage(e2e, context);
    await page.goto(`${e2e.hostUrl}/later.html`);
    const hostElements = ['html', 'body', 'main', 'h1', '#host-text', '#host-button', '#host-after-text'];
    /** Everything of the page a widget could change without drawing in its own box. */
    const state = () =>
      page.evaluate((selectors) => {
        // (No named inner functions: tsx would wrap them in a helper the page does not have.)
        const styles: Record<string, string> = {};
        for (const selector of selectors) {
          const computed = getComputedStyle(document.querySelector(selector)!);
          // Sizes excepted: the page grows around the widgets as they render, which is its layout, not its style.
          styles[selector] = [...computed]
            .filter((name) => !/^(width|height|inline-size|block-size|perspective-origin|transform-origin)$/.test(name))
            .map((name) => `${name}:${computed.getPropertyValue(name)}`)
            .join(';');
        }
        return {
          head: [...document.head.children].map((element) => element.outerHTML),
          styleSheets: [...document.styleSheets].map((sheet) => [...sheet.cssRules].map((r) => r.cssText).join('\n')),
          adoptedStyleSheets: document.adoptedStyleSheets.length,
          fonts: document.fonts.size,
          html: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
          body: [...document.body.attributes].map((a) => `${a.name}=${a.value}`),
          elements: [...document.body.querySelectorAll('*')]
            .filter((element) => !element.closest('[id^="w-"], #hidden-widget'))
            .map((element) => `${element.localName}#${element.id}`),
          styles,
        };
      }, hostElements);
    const shots = async () =>
      Promise.all(
        ['#host-text', '#host-button', '#host-after-text', '#host-after-button'].map((s) =>
          page.locator(s).screenshot(),
        ),
      );
    const before = await state();
    const beforeShots = await shots();

    await page.evaluate(() => (window as unknown as { loadWidgets: () => Promise<unknown> }).loadWidgets());
    await allReady(page);
    const single = new PollDriver(page.locator('#w-single'));
    await single.vote('Heron Green');
    await single.voted.waitFor();
    await new RatingDriver(page.locator('#w-rating')).choose('2 out of 5 stars');
    const locator = new ServiceLocatorDriver(page.locator('#w-locator'));
    await locator.openDetails();
    await locator.backButton.waitFor();
    await new PetitionDriver(page.locator('#w-petition')).submit();
    await waitForState(page, '#w-petition', 'user-invalid');

    assert.deepEqual(await state(), before);
    const afterShots = await shots();
    // The ones after the widgets have moved down, maybe to a fractional position: compared as the widgets are.
    assert.deepEqual(
      afterShots.map((shot, i) => differing(PNG.sync.read(shot), PNG.sync.read(beforeShots[i]!)) <= TOLERANCE),
      beforeShots.map(() => true),
      'the host paragraphs and buttons are drawn as before',
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
});
