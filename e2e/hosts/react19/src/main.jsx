// React 19 uses custom elements directly: it sets `strings` and `client` as properties (they exist on the defined
// element) and `oncivic-success` adds a listener for the `civic-success` event. The tags must be defined before
// React first renders them, or React sets attributes instead: the define imports come first.
import '@civic-widgets/widgets/define/civic-petition.js';
import '@civic-widgets/widgets/define/civic-poll.js';
import '@civic-widgets/widgets/define/civic-feedback.js';
import { createClient } from '@civic-widgets/client/feedback';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const endpoint = new URLSearchParams(location.search).get('endpoint') ?? '';
// The feedback widget has no `endpoint`: it can only reach the backend through the client React gives it.
const feedbackClient = createClient({ endpoint });
const petitionStrings = { petition: { submit: 'Add my name' } };

function App() {
  const [renders, setRenders] = useState(1);
  const [events, setEvents] = useState([]);
  const saw = (widget) => (event) => setEvents((seen) => [...seen, `${widget}: ${event.type}`]);
  return (
    <main>
      <h1>Council portal (React 19)</h1>
      <p>
        Rendered {renders} times.{' '}
        <button type="button" onClick={() => setRenders((n) => n + 1)}>
          Render the page again
        </button>
      </p>
      <civic-petition
        endpoint={endpoint}
        petition-id="safer-crossings"
        strings={petitionStrings}
        oncivic-success={saw('petition')}
      />
      <civic-poll endpoint={endpoint} poll-id="park-name" oncivic-success={saw('poll')} />
      <civic-feedback topic="bins" client={feedbackClient} oncivic-success={saw('feedback')} />
      <h2>Events the app saw</h2>
      <ul aria-label="Events the app saw">
        {events.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the log only grows; an entry never moves.
          <li key={index}>{line}</li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
