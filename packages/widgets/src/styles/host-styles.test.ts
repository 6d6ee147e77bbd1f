// What a host page's stylesheet can and cannot do to a widget. By design the page chooses the widget's font and
// text colour (docs/theming.md); no other text style of the page reaches inside, even set with `!important` on
// every element, and nothing the widget draws lies outside its own box, whichever way the page and the widget read.
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../define/civic-rating.js';
import { loaded, openPetition, petitionClient } from '../petition/petition.examples.js';
import { pollClient, loaded as pollLoaded, rankedPoll } from '../poll/poll.examples.js';

/** Inherited text styles a bad theme sets on every element, and the font and colour it may set. */
const HOSTILE = `
  .hostile, .hostile * {
    line-height: 0.6 !important;
    letter-spacing: 3px !important;
    word-spacing: 12px !important;
    text-transform: uppercase !important;
    text-align: justify !important;
    text-indent: 40px !important;
    text-shadow: 2px 2px 0 navy !important;
    white-space: pre !important;
    hyphens: auto !important;
    word-break: break-all !important;
    list-style-position: inside !important;
    cursor: crosshair !important;
    font-family: cursive !important;
    color: rgb(255, 0, 255) !important;
  }
`;
const PROPERTIES = [
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textTransform',
  'textAlign',
  'textIndent',
  'textShadow',
  'whiteSpace',
  'hyphens',
  'wordBreak',
  'listStylePosition',
  'cursor',
] as const;

const petition = () =>
  html`<civic-petition petition-id=${openPetition.id} .client=${petitionClient(openPetition)}></civic-petition>`;
const poll = () => html`<civic-poll poll-id=${rankedPoll.id} .client=${pollClient(rankedPoll)}></civic-poll>`;
const rating = () => html`<civic-rating label="Your visit" value="3"></civic-rating>`;

async function place(widget: () => TemplateResult, attributes: { hostile?: boolean; dir?: string } = {}) {
  const wrapper = await fixture<HTMLElement>(
    html`<div class=${attributes.hostile ? 'hostile' : ''} dir=${attributes.dir ?? 'ltr'} style="inline-size: 600px">
      ${widget()}
    </div>`,
  );
  const element = wrapper.firstElementChild as HTMLElement;
  if (element.localName === 'civic-petition') await loaded(element);
  else if (element.localName === 'civic-poll') await pollLoaded(element);
  else await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  // The count's entrance animation scales it for a moment; boxes are measured at rest.
  await Promise.all(element.shadowRoot!.getAnimations().map((animation) => animation.finished));
  return element;
}

/** Every element in the widget's shadow root (and nested widgets' roots). */
function drawn(element: HTMLElement): Element[] {
  const all: Element[] = [];
  for (const child of element.shadowRoot!.querySelectorAll('*')) {
    all.push(child);
    if (child.shadowRoot) all.push(...drawn(child as HTMLElement));
  }
  return all;
}

describe('a host page’s styles and the widgets', () => {
  let sheet: HTMLStyleElement;
  before(() => {
    sheet = document.createElement('style');
    sheet.textContent = HOSTILE;
    document.head.append(sheet);
  });
  after(() => sheet.remove());

  for (const [name, widget] of [
    ['petition', petition],
    ['ranked poll', poll],
    ['rating', rating],
  ] as const) {
    it(`${name}: takes the page's font and colour, and none of its other text styles`, async () => {
      const clean = await place(widget);
      const hostile = await place(widget, { hostile: true });
      const cleanElements = drawn(clean);
      const hostileElements = drawn(hostile);
      expect(hostileElements.length).to.equal(cleanElements.length);
      const leaks: string[] = [];
      hostileElements.forEach((element, i) => {
        const [mine, theirs] = [getComputedStyle(cleanElements[i]!), getComputedStyle(element)];
        for (const property of PROPERTIES) {
          if (mine[property] !== theirs[property]) {
            leaks.push(`${element.localName}.${element.className} ${property}: ${theirs[property]}`);
          }
        }
      });
      expect(leaks.slice(0, 10)).to.deep.equal([]);
      const base = hostile.shadowRoot!.querySelector('[part="base"]')!;
      expect(getComputedStyle(base).fontFamily).to.equal('cursive');
      expect(getComputedStyle(base).color).to.equal('rgb(255, 0, 255)');
    });
  }

  for (const dir of ['ltr', 'rtl']) {
    it(`draws nothing outside its box on a ${dir} page`, async () => {
      for (const widget of [petition, poll, rating]) {
        const element = await place(widget, { dir });
        const box = element.getBoundingClientRect();
        const outside = drawn(element)
          .map((child) => [child, child.getBoundingClientRect()] as const)
          .filter(([, r]) => r.width > 0 || r.height > 0)
          .filter(([, r]) => r.left < box.left - 0.5 || r.right > box.right + 0.5)
          .map(([child, r]) => `${element.localName} ${child.localName}.${child.className}: ${r.left}..${r.right}`);
        expect(outside, `inside ${box.left}..${box.right}`).to.deep.equal([]);
      }
    });
  }

  it('keeps the rating as wide as its choices when a page makes every element inline', async () => {
    const width = async (display: string) => {
      const element = await place(rating);
      element.style.setProperty('display', display, 'important');
      return element.shadowRoot!.querySelector('[part="base"]')!.getBoundingClientRect().width;
    };
    const own = await width('inline-block');
    expect(own).to.be.below(400);
    expect(await width('inline')).to.equal(own);
    expect(await width('block')).to.equal(own);
  });

  it("keeps the rating's choices 44 px targets when the page shrinks its root font size", async () => {
    const root = document.documentElement;
    const before = root.style.fontSize;
    try {
      for (const size of ['62.5%', '5px']) {
        root.style.fontSize = size;
        const element = await place(rating);
        for (const choice of element.shadowRoot!.querySelectorAll('[data-value]')) {
          const box = choice.getBoundingClientRect();
          expect(box.width, `${size}: width`).to.be.at.least(44);
          expect(box.height, `${size}: height`).to.be.at.least(44);
        }
      }
    } finally {
      root.style.fontSize = before;
    }
  });
});
