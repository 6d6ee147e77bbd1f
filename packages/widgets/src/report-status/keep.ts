import { html } from 'lit';
import { keepReport, keptReports } from './remembered.js';

// Loaded only when a report may be kept (inside <civic-feedback>): the status file alone carries none of it.

/** The consent to keep `reference` under `key`, as a checkbox labelled `label`; `changed` re-renders the host. */
export function renderKeep(key: string, reference: string, label: string, changed: () => void) {
  return html`<label class="keep">
    <input
      type="checkbox"
      .checked=${keptReports(key).includes(reference)}
      @change=${(event: Event) => {
        keepReport(key, reference, (event.target as HTMLInputElement).checked);
        changed();
      }}
    />
    ${label}
  </label>`;
}
