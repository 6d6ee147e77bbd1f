// Angular renders the tags once CUSTOM_ELEMENTS_SCHEMA allows unknown elements: `[strings]` and `[client]` set
// properties, `[attr.petition-id]` an attribute, `(civic-success)` listens to the custom event.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { createClient } from '@civic-widgets/client/feedback';

const endpoint = new URLSearchParams(location.search).get('endpoint') ?? '';

@Component({
  selector: 'civic-host-app',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Council portal (Angular)</h1>
      <p>
        Rendered {{ renders() }} times.
        <button type="button" (click)="renders.set(renders() + 1)">Render the page again</button>
      </p>
      <civic-petition
        [attr.endpoint]="endpoint"
        petition-id="safer-crossings"
        [strings]="petitionStrings"
        (civic-success)="saw('petition', $event)"
      ></civic-petition>
      <civic-poll [attr.endpoint]="endpoint" poll-id="park-name" (civic-success)="saw('poll', $event)"></civic-poll>
      <civic-feedback topic="bins" [client]="feedbackClient" (civic-success)="saw('feedback', $event)"></civic-feedback>
      <h2>Events the app saw</h2>
      <ul aria-label="Events the app saw">
        @for (line of events(); track $index) {
          <li>{{ line }}</li>
        }
      </ul>
    </main>
  `,
})
export class AppComponent {
  readonly endpoint = endpoint;
  // The feedback widget has no `endpoint`: it can only reach the backend through the client Angular gives it.
  readonly feedbackClient = createClient({ endpoint });
  readonly petitionStrings = { petition: { submit: 'Add my name' } };
  readonly renders = signal(1);
  readonly events = signal<string[]>([]);

  saw(widget: string, event: Event) {
    this.events.update((seen) => [...seen, `${widget}: ${event.type}`]);
  }
}
