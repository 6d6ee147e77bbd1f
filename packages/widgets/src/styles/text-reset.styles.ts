import { css } from 'lit';

/**
 * The inherited text styles a widget does not take from the page. Font and colour cross the shadow boundary on
 * purpose (docs/theming.md); every other inherited text property crosses it too, so a page that sets them for its
 * own text (`body { letter-spacing: 0.1em; text-transform: uppercase; line-height: 3 }`), or on every element
 * with `!important` (which beats anything on `:host`), would space out, shout at, indent or overlap the widget's
 * text. They are reset on the `base` wrapper inside the shadow root, which no selector of the page reaches.
 * Direction and language are set there too, by attribute (`dir`, `lang`).
 */
export const textReset = css`
  [part='base'] {
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    text-wrap: wrap;
    hyphens: manual;
    word-break: normal;
    overflow-wrap: normal;
    list-style-position: outside;
    cursor: auto;
  }
`;
