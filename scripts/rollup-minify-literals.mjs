// @ts-check
import { minifyHTMLLiterals } from 'minify-literals';

/**
 * Minifies the CSS and HTML inside our Lit `css` and `html` templates, which terser leaves as written: CSS through
 * Lightning CSS; HTML only by collapsing runs of whitespace to one space (`conservativeCollapse`), so that no
 * space between words, no empty attribute such as `alt=""` and no entity changes meaning.
 * @returns {import('rollup').Plugin}
 */
export function minifyLiterals() {
  const html = { caseSensitive: true, collapseWhitespace: true, conservativeCollapse: true, removeComments: true };
  return {
    name: 'minify-literals',
    async transform(code, id) {
      if (!/\/packages\/widgets\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      return (await minifyHTMLLiterals(code, { fileName: id, html })) ?? null;
    },
  };
}
