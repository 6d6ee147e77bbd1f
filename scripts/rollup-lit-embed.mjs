// @ts-check
// Two edits to Lit's production build for a bundle that shares the page with other scripts, each checked: the
// build fails when Lit's code no longer has the expected shape, rather than shipping without the edit.
//
// 1. Lit creates a Trusted Types policy named "lit-html" when its module runs. A page whose
//    Content-Security-Policy lists `trusted-types lit-html` without 'allow-duplicates' and already has that policy
//    (its own copy of Lit, or a second copy of ours) makes createPolicy throw, which stops every widget's module
//    with the browser's message, which does not say what to change. Here a refusal first loads a chunk that logs
//    the fix, then throws as before. (Going on without a policy is no better: where Trusted Types are enforced,
//    every render then throws, and a widget that retries floods the console.) See docs/security.md.
// 2. Each Lit copy pushes its version onto window.litHtmlVersions (and two more lists); a page's own Lit in dev
//    mode then warns "Multiple versions of Lit loaded" because of ours, which is private to the bundle and cannot
//    clash with it. Leaving the lists alone also pays for edit 1 under the size budgets.

const POLICY = /(\w+)\.createPolicy\("lit-html",(\{createHTML:(\w+)=>\3\})\)/g;
const VERSIONS = /,?\(\w+\.(?:litHtml|litElement|reactiveElement)Versions\?\?=\[\]\)\.push\("[\d.]+"\)/g;
// Short: its file name ships in every entry.
const HELP = '\0tt';

/** lit-html, lit-element and @lit/reactive-element's production modules, and the edits each must receive. */
const FILES = [
  { file: /[/\\]lit-html[/\\]lit-html\.js$/, policy: 1, versions: 1 },
  { file: /[/\\]lit-element[/\\]lit-element\.js$/, policy: 0, versions: 1 },
  { file: /[/\\]@lit[/\\]reactive-element[/\\]reactive-element\.js$/, policy: 0, versions: 1 },
];

/** @returns {import('rollup').Plugin} */
export function litEmbed() {
  return {
    name: 'lit-embed',
    resolveId: (id) => (id === HELP ? id : null),
    load: (id) =>
      id === HELP
        ? `console.error("Civic Widgets: this page's Content-Security-Policy refused Lit's Trusted Types policy \\"lit-html\\", so the widgets cannot start. Allow it, with duplicates in case another copy of Lit made one: trusted-types lit-html 'allow-duplicates'. See docs/security.md.");`
        : null,
    transform(code, id) {
      const expected = FILES.find(({ file }) => file.test(id) && id.includes('node_modules'));
      if (!expected) return null;
      const found = { policy: code.match(POLICY)?.length ?? 0, versions: code.match(VERSIONS)?.length ?? 0 };
      if (found.policy !== expected.policy || found.versions !== expected.versions) {
        this.error(`Lit's code changed in ${id}: found ${JSON.stringify(found)}; update scripts/rollup-lit-embed.mjs`);
      }
      const edited = code
        .replace(
          POLICY,
          (_, factory, options) =>
            `(()=>{try{return ${factory}.createPolicy("lit-html",${options})}catch(e){import(${JSON.stringify(HELP)});throw e}})()`,
        )
        .replace(VERSIONS, '');
      return { code: edited, map: null };
    },
  };
}
