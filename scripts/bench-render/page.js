// In the page: the steps the benchmark drives (scripts/bench-render.mjs), one fresh page per sample. Each step is a
// separate call, so that the script can collect garbage and read the heap between them.

/** Loads an element's bundle; resolves to the milliseconds from the start of module evaluation to its end. */
window.benchImport = async (url) => {
  const start = performance.now();
  await import(url);
  return performance.now() - start;
};

// The next frame has been produced once a task queued from its requestAnimationFrame callback runs.
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * Appends `count` elements to the empty body and waits for every `updateComplete`, then for the next frame, then
 * (for widgets that show data) for every `civic-load` and the render after it.
 */
window.benchRender = async ({ tag, attributes, count, loads, warmIntl }) => {
  // A page's first Intl formatter loads ICU's locale data (30-60 ms here), once per page: --warm-intl pays it
  // before the clock starts, as on a host page that already formats a number or a date.
  if (warmIntl) new Intl.NumberFormat(document.documentElement.lang).format(1234);
  let loaded = 0;
  const allLoaded = new Promise((resolve) => {
    document.addEventListener('civic-load', () => ++loaded === count && resolve());
  });
  const start = performance.now();
  const fragment = document.createDocumentFragment();
  const elements = [];
  for (let i = 0; i < count; i++) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    elements.push(element);
    fragment.append(element);
  }
  document.body.append(fragment);
  await Promise.all(elements.map((element) => element.updateComplete));
  const render = performance.now() - start;
  await nextFrame();
  const frame = performance.now() - start;
  if (!loads) return { render, frame };
  await allLoaded;
  await Promise.all(elements.map((element) => element.updateComplete));
  return { render, frame, data: performance.now() - start };
};

/** Nodes per instance: each element, its shadow root and everything in it, nested shadow roots included. */
window.benchNodes = () => {
  const count = (node) => {
    let total = 1;
    if (node.shadowRoot) total += count(node.shadowRoot);
    for (const child of node.childNodes) total += count(child);
    return total;
  };
  const elements = [...document.body.children];
  return elements.reduce((sum, element) => sum + count(element), 0) / elements.length;
};

/** Every shadow root in and under `node`, in tree order. */
const shadowRootsIn = (node, found = []) => {
  if (node.shadowRoot) {
    found.push(node.shadowRoot);
    shadowRootsIn(node.shadowRoot, found);
  }
  for (const child of node.children) shadowRootsIn(child, found);
  return found;
};

/**
 * The first element's DOM as static markup with declarative shadow roots, and the stylesheets of each shadow root
 * in tree order: what building the same DOM without any component code takes (the "DOM twin").
 */
window.benchSnapshot = () => {
  const element = document.body.firstElementChild;
  const shadowRoots = shadowRootsIn(element);
  const sheets = shadowRoots.map((root) =>
    root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')),
  );
  return { html: element.getHTML({ shadowRoots }), sheets };
};

/** Builds the DOM twin `count` times (a `<div>` host): parse the markup, adopt the same shared sheets, append. */
window.benchTwin = async ({ html, sheets, count }) => {
  const start = performance.now();
  const shared = new Map();
  const sheetFor = (text) => {
    if (!shared.has(text)) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      shared.set(text, sheet);
    }
    return shared.get(text);
  };
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < count; i++) {
    const host = document.createElement('div');
    host.setHTMLUnsafe(html);
    shadowRootsIn(host).forEach((root, index) => {
      root.adoptedStyleSheets = (sheets[index] ?? []).map(sheetFor);
    });
    fragment.append(host);
  }
  document.body.append(fragment);
  const render = performance.now() - start;
  await nextFrame();
  return { render, frame: performance.now() - start };
};
