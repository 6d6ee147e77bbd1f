import { html } from 'lit';

/**
 * Text the council wrote, shown as paragraphs: split at blank lines, each rendered as text (Lit escapes it),
 * never as HTML, as residents see it in `<civic-petition>`.
 */
export const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => html`<p>${part}</p>`);
