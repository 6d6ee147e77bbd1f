// A corpus of cross-site scripting vectors for the hostile-content suite (docs/reliability.md). Written as data:
// templates with a `{js}` hole, expanded programmatically. Every vector, if a browser ever ran it, calls
// `__xss(n)` (or `parent.__xss(n)` from a frame), `n` being its index, so a test can name what executed.

export interface XssVector {
  /** Index in `XSS_VECTORS`; also the argument the vector passes to `__xss`. */
  id: number;
  category: string;
  text: string;
}

/** The global each vector calls when it runs. */
export const SENTINEL = '__xss';

const js = (id: number) => `${SENTINEL}(${id})`;

// Script elements, in the shapes filters tend to miss.
const SCRIPTS = [
  '<script>{js}</script>',
  '<ScRiPt>{js}</sCrIpT>',
  '<script type="module">{js}</script>',
  '<script/x>{js}</script>',
  '<script\n>{js}</script\n>',
  '<<script>{js}//<</script>',
  '</title><script>{js}</script>',
  '</textarea><script>{js}</script>',
  '</style><script>{js}</script>',
  '</script><script>{js}</script>',
  '"><script>{js}</script>',
  "'><script>{js}</script>",
  '<script src="data:text/javascript,{js}"></script>',
  '<script>/*</script>*/{js}</script>',
  '<script>{js}<!--</script>',
  '<svg><script>{js}</script></svg>',
  '<svg><script href="data:text/javascript,{js}"/></svg>',
];

// Elements whose event handlers fire without a click.
const HANDLERS: [string, string][] = [
  ['<img src=x onerror={js}>', 'img onerror'],
  ['<img src="x" onerror="{js}">', 'img onerror'],
  ["<img src='x' onerror='{js}'>", 'img onerror'],
  ['<IMG SRC=x OnErRoR={js}>', 'img onerror'],
  ['<img/src/onerror={js}>', 'img onerror'],
  ['<img src=x\nonerror={js}>', 'img onerror'],
  ['<img src=x onerror=`{js}`>', 'img onerror'],
  ['<img src onerror={js}>', 'img onerror'],
  ['<image src=x onerror={js}>', 'img onerror'],
  ['<img src="x" alt="" onerror="&#x5f;&#x5f;xss(1)">', 'img onerror (entities)'],
  ['<svg onload={js}>', 'svg onload'],
  ['<svg/onload={js}>', 'svg onload'],
  ['<svg><animate onbegin={js} attributeName=x dur=1s>', 'svg animate'],
  ['<svg><set onbegin={js} attributeName=x to=1>', 'svg set'],
  ['<svg><a><animate attributeName=href values=javascript:{js} /><text y=9>x</text></a></svg>', 'svg animate href'],
  ['<svg><image href=x onerror={js} />', 'svg image'],
  ['<body onload={js}>', 'body onload'],
  ['<body onpageshow={js}>', 'body onpageshow'],
  ['<details open ontoggle={js}>', 'details ontoggle'],
  ['<details/open/ontoggle="{js}">', 'details ontoggle'],
  ['<video src=x onerror={js}></video>', 'video onerror'],
  ['<video><source onerror="{js}"></video>', 'video source'],
  ['<video poster=javascript:{js}>', 'video poster'],
  ['<audio src=x onerror={js}>', 'audio onerror'],
  ['<input autofocus onfocus={js}>', 'autofocus onfocus'],
  ['<select autofocus onfocus={js}>', 'autofocus onfocus'],
  ['<textarea autofocus onfocus={js}></textarea>', 'autofocus onfocus'],
  ['<div tabindex=1 autofocus onfocusin={js}>', 'autofocus onfocusin'],
  ['<a id=x tabindex=1 onfocus={js}></a>', 'onfocus'],
  ['<marquee onstart={js}>x</marquee>', 'marquee onstart'],
  ['<iframe onload={js}></iframe>', 'iframe onload'],
  ['<object data=x onerror={js}></object>', 'object onerror'],
  ['<embed src=x onerror={js}>', 'embed onerror'],
  ['<link rel=stylesheet href=x onerror={js}>', 'link onerror'],
  ['<link rel=preload as=image href=x onload={js} onerror={js}>', 'link onload'],
  ['<style onload={js}></style>', 'style onload'],
  ['<div onpointerover={js} style="position:fixed;inset:0">x</div>', 'pointer'],
  ['<div onmouseover="{js}">hover</div>', 'mouseover'],
  ['<button onclick={js}>x</button>', 'onclick'],
  ['<form onsubmit={js}><button>x</button></form>', 'onsubmit'],
  ['<input type=image src=x onerror={js}>', 'input image'],
  ['<bdi onanimationstart={js} style=animation-name:x>', 'animationstart'],
  ['<p onbeforecopy={js} contenteditable>x</p>', 'onbeforecopy'],
  ['<x oncontentvisibilityautostatechange={js} style=content-visibility:auto>', 'contentvisibility'],
];

// URL schemes that run script, obfuscated the ways parsers forgive.
const URLS: [string, string][] = [
  ['javascript:{js}', 'javascript:'],
  ['JaVaScRiPt:{js}', 'javascript: case'],
  [' javascript:{js}', 'javascript: leading space'],
  ['\tjava\tscript:{js}', 'javascript: tabs'],
  ['java\nscript:{js}', 'javascript: newline'],
  ['java\rscript:{js}', 'javascript: carriage return'],
  ['\u0001javascript:{js}', 'javascript: control char'],
  ['\u0000javascript:{js}', 'javascript: NUL'],
  ['javascript&colon;{js}', 'javascript: entity colon'],
  ['&#106;avascript:{js}', 'javascript: decimal entity'],
  ['&#x6A;avascript:{js}', 'javascript: hex entity'],
  ['&#0000106&#0000097vascript:{js}', 'javascript: padded entities'],
  ['jav&#x09;ascript:{js}', 'javascript: entity tab'],
  ['javascript://%0a{js}', 'javascript: comment newline'],
  ['javascript:/*-/*`/*\\`/*\'/*"/**/({js})', 'javascript: polyglot'],
  ['%6Aavascript:{js}', 'javascript: percent'],
  ['data:text/html,<script>{js}</script>', 'data: html'],
  ['DATA:text/html,<script>{js}</script>', 'data: case'],
  ['data:text/html;base64,{b64}', 'data: base64'],
  ['data:image/svg+xml,<svg onload={js}>', 'data: svg'],
  ['data:application/javascript,{js}', 'data: js'],
  [' data:text/html,<script>{js}</script>', 'data: leading space'],
  ['vbscript:{js}', 'vbscript:'],
  ['VBScript:{js}', 'vbscript: case'],
];

// The same URLs in every place an element takes a URL.
const URL_CARRIERS: [string, string][] = [
  ['<a href="{url}">link</a>', 'a href'],
  ['<iframe src="{url}"></iframe>', 'iframe src'],
  ['<form action="{url}"><button>go</button></form>', 'form action'],
  ['[click here]({url})', 'markdown link'],
];

const FRAMES = [
  '<iframe srcdoc="<script>parent.{js}</script>"></iframe>',
  '<iframe srcdoc="&lt;script&gt;parent.{js}&lt;/script&gt;"></iframe>',
  '<iframe srcdoc="<img src=x onerror=parent.{js}>"></iframe>',
  '<object data="data:text/html,<script>parent.{js}</script>"></object>',
  '<embed src="data:text/html,<script>parent.{js}</script>">',
  '<frameset onload={js}>',
  '<portal src="javascript:{js}"></portal>',
];

// Foreign content and parser round-trips: markup that changes meaning when serialized and parsed again.
const MUTATIONS = [
  '<math><mtext><table><mglyph><style><img src=x onerror={js}>',
  '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror={js}>">',
  '<svg><style><img src=x onerror={js}></style></svg>',
  '<math><style><img src=x onerror={js}></style></math>',
  '<svg></p><style><a id="</style><img src=1 onerror={js}>">',
  '<noscript><p title="</noscript><img src=x onerror={js}>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror={js}>',
  '<svg><foreignObject><img src=x onerror={js}></foreignObject></svg>',
  '<math href="javascript:{js}">click</math>',
  '<svg><a xlink:href="javascript:{js}"><text y=9>x</text></a></svg>',
  '<listing>&lt;img src=x onerror={js}&gt;</listing>',
  '<xmp><img src=x onerror={js}></xmp>',
  '<noembed><img title="</noembed><img src=x onerror={js}>"></noembed>',
  '<noframes><img title="</noframes><img src=x onerror={js}>"></noframes>',
  '<title><img title="</title><img src=x onerror={js}>"></title>',
  '<textarea><img title="</textarea><img src=x onerror={js}>"></textarea>',
  '<style><img title="</style><img src=x onerror={js}>"></style>',
  '<!-- --!><img src=x onerror={js}> -->',
  '<![CDATA[><img src=x onerror={js}>]]>',
  '<? ><img src=x onerror={js}> ?>',
  '<template><img src=x onerror={js}></template>',
  '<template shadowrootmode="open"><img src=x onerror={js}></template>',
  '<div><template shadowrootmode=open><script>{js}</script></template></div>',
];

// Template syntaxes, including Lit's own markers: text that must never be taken for a binding.
const TEMPLATES = [
  '{{constructor.constructor("{js}")()}}',
  '{{$on.constructor("{js}")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template lookalike is the point
  '${{js}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template lookalike is the point
  '`${{js}}`',
  '#{{js}}',
  '<%= {js} %>',
  '[[{js}]]',
  '{{{js}}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template lookalike is the point
  '<!--?lit${js}$-->',
  '<!--?lit$123456$--><img src=x onerror={js}>',
  'lit$123456$<img src=x onerror={js}>',
  '<img lit$123456$=x src=x onerror={js}>',
  '<?lit$0$><script>{js}</script>',
  '{label}{count}{name}<img src=x onerror={js}>',
  '<div v-html="\'<img src=x onerror={js}>\'"></div>',
  "<div ng-app>{{constructor.constructor('{js}')()}}</div>",
];

const STYLES = [
  '<div style="width:expression({js})">x</div>',
  '<div style="background:url(javascript:{js})">x</div>',
  '<div style="behavior:url(x.htc);-moz-binding:url(javascript:{js})">x</div>',
  '<style>@import "javascript:{js}";</style>',
  '<style>*{background:url("javascript:{js}")}</style>',
  '<link rel=stylesheet href="javascript:{js}">',
  '<style>@keyframes x{}</style><b style="animation-name:x" onanimationstart={js}>x</b>',
  '<x style="x:expression\\28 {js}\\29">',
];

// Elements that take over the page rather than run a handler.
const TAKEOVERS = [
  '<meta http-equiv="refresh" content="0;url=javascript:{js}">',
  '<meta http-equiv=refresh content="0; URL=data:text/html,<script>{js}</script>">',
  '<base href="javascript:{js}//">',
  '<base href="data:text/html,<script>{js}</script>">',
  '<form action="javascript:{js}"><input type=submit></form>',
  '<button form=x formaction="javascript:{js}">x</button>',
  '<input type=submit formaction="javascript:{js}">',
  '<isindex action="javascript:{js}" type=image>',
  '<a href="javascript:{js}" target=_top>click</a>',
  '<area href="javascript:{js}">',
  '<object data="javascript:{js}"></object>',
  '<embed src="javascript:{js}">',
  '<iframe src="javascript:{js}"></iframe>',
  '<iframe src="vbscript:{js}"></iframe>',
];

// Breaking out of an attribute, a script string or a URL that a careless renderer builds by concatenation.
const BREAKOUTS = [
  '" onmouseover="{js}" x="',
  "' onfocus='{js}' autofocus '",
  '"><img src=x onerror={js}>',
  "'><img src=x onerror={js}>",
  '`><img src=x onerror={js}>',
  '" autofocus onfocus="{js}',
  '";{js};//',
  "';{js};//",
  '\\";{js};//',
  '"};{js};//',
  '</script><img src=x onerror={js}>',
  '-->{js}<!--<img src=x onerror={js}>',
  ']]><img src=x onerror={js}>',
  '" style="x:expression({js})',
  '#" onclick="{js}',
  '?x="><svg onload={js}>',
];

// Encodings a renderer might decode once too often.
const ENCODED = [
  '&lt;script&gt;{js}&lt;/script&gt;',
  '&amp;lt;img src=x onerror={js}&amp;gt;',
  '%3Cscript%3E{js}%3C%2Fscript%3E',
  '%253Cscript%253E{js}%253C/script%253E',
  '\\x3cscript\\x3e{js}\\x3c/script\\x3e',
  '\\u003cscript\\u003e{js}\\u003c/script\\u003e',
  '＜script＞{js}＜/script＞',
  '\u02bcscript\u02bc{js}',
  '<scr<script>ipt>{js}</scr</script>ipt>',
  '<img src=x onerror=&#95;&#95;xss&#40;0&#41;>',
  '<img src=x onerror=\\u005f\\u005fxss(0)>',
  '<img src=x onerror=eval(atob("{b64js}"))>',
  '<img src=x onerror=window[`__x`+`ss`](0)>',
  '<svg><script>&#95;&#95;xss(0)</script></svg>',
  '+ADw-script+AD4-{js}+ADw-/script+AD4-',
];

// Markdown-ish and mail-ish text: only a renderer that makes links of text would bite.
const MARKDOWNISH = [
  '![image](javascript:{js})',
  '[ref]: javascript:{js}',
  '<javascript:{js}>',
  '[a](javascript:{js} "title")',
  '[a](JaVaScRiPt:{js})',
  '[a](data:text/html,<script>{js}</script>)',
  '**bold** <a href=javascript:{js}>_x_</a>',
  'See https://example.gov/"><img src=x onerror={js}> for details',
  'mailto:x@example.org?body=<script>{js}</script>',
];

// Well-known polyglots, rewritten to call the sentinel.
const POLYGLOTS = [
  'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk={js} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd={js}//>\\x3e',
  '"\'><svg/onload={js}>"\'><img src=x onerror={js}>',
  "';alert(String.fromCharCode(88,83,83))//';{js}//\"--></SCRIPT>\">'><SCRIPT>{js}</SCRIPT>",
  "<svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+{js}//'>",
];

const b64 = (text: string) => btoa(text);

function expand(): XssVector[] {
  const raw: [string, string][] = [
    ...SCRIPTS.map((t): [string, string] => ['script element', t]),
    ...HANDLERS.map(([t, c]): [string, string] => [`event handler: ${c}`, t]),
    ...URLS.map(([t, c]): [string, string] => [`url: ${c}`, t]),
    ...URL_CARRIERS.flatMap(([carrier, place]) =>
      URLS.map(([url, c]): [string, string] => [`${place}: ${c}`, carrier.replace('{url}', url)]),
    ),
    ...FRAMES.map((t): [string, string] => ['frame', t]),
    ...MUTATIONS.map((t): [string, string] => ['namespace confusion / mutation', t]),
    ...TEMPLATES.map((t): [string, string] => ['template or Lit marker', t]),
    ...STYLES.map((t): [string, string] => ['css', t]),
    ...TAKEOVERS.map((t): [string, string] => ['meta, base, form, frame', t]),
    ...BREAKOUTS.map((t): [string, string] => ['context breakout', t]),
    ...ENCODED.map((t): [string, string] => ['encoding', t]),
    ...MARKDOWNISH.map((t): [string, string] => ['markdown-ish', t]),
    ...POLYGLOTS.map((t): [string, string] => ['polyglot', t]),
  ];
  const seen = new Set<string>();
  const vectors: XssVector[] = [];
  for (const [category, template] of raw) {
    const id = vectors.length;
    const text = template
      .replaceAll('{js}', js(id))
      .replaceAll('{b64js}', b64(js(id)))
      .replaceAll('{b64}', b64(`<script>parent.${js(id)}</script>`));
    if (seen.has(text)) continue;
    seen.add(text);
    vectors.push({ id, category, text });
  }
  return vectors;
}

/** Every vector, each distinct. */
export const XSS_VECTORS: readonly XssVector[] = expand();

/** Vectors that are URLs on their own (for URL fields and `safeHref`). */
export const URL_VECTORS: readonly XssVector[] = XSS_VECTORS.filter((v) => v.category.startsWith('url: '));

/**
 * Hands out vectors in turn, each fitting the field it is for. `wrapped` says when every vector has been handed
 * out at least once.
 */
export class VectorFeed {
  #next = 0;
  #handedOut = 0;
  constructor(private readonly vectors: readonly XssVector[] = XSS_VECTORS) {}

  get wrapped(): boolean {
    return this.#handedOut >= this.vectors.length;
  }

  /** The next vector no longer than `max` characters (vectors that do not fit are skipped for this field only). */
  one(max = Number.POSITIVE_INFINITY): string {
    for (let tries = 0; tries < this.vectors.length; tries++) {
      const vector = this.vectors[this.#next % this.vectors.length]!;
      this.#next++;
      if (vector.text.length <= max) {
        this.#handedOut++;
        return vector.text;
      }
    }
    throw new Error(`No vector fits in ${max} characters`);
  }

  /** As many successive vectors as fit in `max` characters, one per line. */
  many(max: number): string {
    let text = this.one(max);
    for (let tries = 0; tries < this.vectors.length; tries++) {
      const vector = this.vectors[this.#next % this.vectors.length]!;
      if (text.length + 1 + vector.text.length > max) break;
      text += `\n${vector.text}`;
      this.#next++;
      this.#handedOut++;
    }
    return text;
  }
}

/** Every vector on its own line (for fields long enough to hold all of them). */
export const ALL_VECTORS_TEXT = XSS_VECTORS.map((v) => v.text).join('\n');

// ---------------------------------------------------------------------------------------------------------------
// What the suite checks: nothing ran, no dialog opened, no dangerous element or link was made.

export interface Tripwires {
  /** Ids of vectors that executed. */
  hits: unknown[];
  /** Dialogs or windows opened: `alert`, `confirm`, `prompt`, `print`, `open`. */
  dialogs: string[];
  restore(): void;
}

/** Installs the sentinel and replaces the page's dialogs with recorders. */
export function setTripwires(): Tripwires {
  const w = window as unknown as Record<string, unknown>;
  const hits: unknown[] = [];
  const dialogs: string[] = [];
  const names = ['alert', 'confirm', 'prompt', 'print', 'open'] as const;
  const saved = names.map((name) => [name, w[name]] as const);
  w[SENTINEL] = (id: unknown) => hits.push(id);
  for (const name of names) w[name] = (...args: unknown[]) => void dialogs.push(`${name}(${args.join(',')})`);
  return {
    hits,
    dialogs,
    restore() {
      delete w[SENTINEL];
      for (const [name, value] of saved) w[name] = value;
    },
  };
}

/** Every element under `root`, descending into open shadow roots (and template-free). */
export function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/** The text of `root` and every shadow root below it, whitespace removed (templates add some; paragraphs split). */
export function deepText(root: Element): string {
  let text = '';
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue;
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return squash(text);
}

export const squash = (text: string) => text.replace(/\s+/g, '');

const URL_ATTRIBUTES = ['href', 'xlink:href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'poster', 'background'];
const FORBIDDEN = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'LINK', 'PORTAL']);

/** A URL that runs script or renders a document of its own, as a browser would read it. */
export function dangerousUrl(value: string): boolean {
  // Browsers strip leading C0 controls and spaces, and tabs and newlines anywhere, before reading the scheme.
  let start = 0;
  while (start < value.length && value.charCodeAt(start) <= 0x20) start++;
  const scheme = value
    .slice(start)
    .replace(/[\t\n\r]/g, '')
    .toLowerCase();
  return /^(?:javascript|data|vbscript):/.test(scheme);
}

/**
 * What a widget made from hostile data that it should not have: elements that run or load documents, event
 * handler attributes, dangerous URLs, `srcdoc`. `allow` skips elements the widget creates on purpose (JSON-LD).
 */
export function dangerousNodes(root: Element, allow: (el: Element) => boolean = () => false): string[] {
  const problems: string[] = [];
  for (const el of deepElements(root)) {
    if (allow(el)) continue;
    if (FORBIDDEN.has(el.tagName.toUpperCase())) problems.push(`<${el.localName}> element`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`<${el.localName} ${name}>`);
      if (name === 'srcdoc') problems.push(`<${el.localName} srcdoc>`);
      if (URL_ATTRIBUTES.includes(name) && dangerousUrl(attr.value)) {
        problems.push(`<${el.localName} ${name}="${attr.value}">`);
      }
    }
    if (el instanceof HTMLAnchorElement && el.href && dangerousUrl(el.href)) problems.push(`<a> to ${el.href}`);
    if (el instanceof HTMLFormElement && el.getAttribute('action') && dangerousUrl(el.action)) {
      problems.push(`<form> to ${el.action}`);
    }
  }
  return problems;
}
