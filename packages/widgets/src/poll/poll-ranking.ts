import type { Poll } from '@civic-widgets/client';
import { html } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import type { PollStrings } from './poll.strings.js';

// Loaded only for ranked polls, so single and multiple polls do not download it.

/** Moves option `id` to position `to`; `focus` names the button to focus there afterwards. */
export type Move = (id: string, to: number, focus?: 'up' | 'down') => void;

let dragged: string | undefined;

/**
 * The ranking: an ordered list whose items move by buttons named "Move {label} up/down" (focus follows the
 * moved option) or by dragging; each move is announced in a polite region.
 */
export function renderRanking(
  l10n: LocalizeController<{ poll: PollStrings }>,
  poll: Poll,
  order: string[],
  announcement: string,
  move: Move,
) {
  const t = l10n.t.poll;
  const total = order.length;
  const option = (id: string) => poll.options.find((o) => o.id === id)!;
  const button = (id: string, index: number, dir: 'up' | 'down') => {
    const edge = dir === 'up' ? index === 0 : index === total - 1;
    return html`<button
      type="button"
      class="secondary"
      id="${dir}-${index}"
      aria-disabled=${edge ? 'true' : 'false'}
      @click=${() => move(id, dir === 'up' ? index - 1 : index + 1, dir)}
    >
      <span aria-hidden="true">${dir === 'up' ? '↑' : '↓'}</span
      ><span class="visually-hidden">${l10n.format(dir === 'up' ? t.moveUp : t.moveDown, { label: option(id).label })}</span>
    </button>`;
  };
  // `id="choice"`: the vote's field, where the error summary links.
  return html`<fieldset id="choice" class="field" aria-describedby="rank-hint">
    <legend part="label"><span class="visually-hidden">${poll.question}</span></legend>
    <p id="rank-hint" class="hint">${t.rankHint}</p>
    <ol class="ranking">
      ${order.map(
        (id, index) => html`<li
          draggable="true"
          @dragstart=${() => (dragged = id)}
          @dragover=${(event: DragEvent) => event.preventDefault()}
          @drop=${(event: DragEvent) => {
            event.preventDefault();
            if (dragged) move(dragged, index);
          }}
        >
          <span class="rank">${l10n.number(index + 1)}</span>
          <span class="label"
            ><bdi>${option(id).label}</bdi><span class="visually-hidden">
              (${l10n.format(t.rankOf, { rank: l10n.number(index + 1), total: l10n.number(total) })})</span
            ></span
          >
          ${button(id, index, 'up')} ${button(id, index, 'down')}
        </li>`,
      )}
    </ol>
    <p class="visually-hidden" role="status" aria-live="polite">${announcement}</p>
  </fieldset>`;
}
