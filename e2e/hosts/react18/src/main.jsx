// React 18 passes only strings to custom elements and cannot listen to their events, so this app uses the
// components of @civic-widgets/react: `strings` and `client` are set as properties and `onCivicSuccess` listens
// to `civic-success`.
import { createClient } from '@civic-widgets/client/feedback';
import { CivicFeedback, CivicPetition, CivicPoll } from '@civic-widgets/react';
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
      <h1>Council portal (React 18)</h1>
      <p>
        Rendered {renders} times.{' '}
        <button type="button" onClick={() => setRenders((n) => n + 1)}>
          Render the page again
        </button>
      </p>
      <CivicPetition
        endpoint={endpoint}
        petitionId="safer-crossings"
        strings={petitionStrings}
        onCivicSuccess={saw('petition')}
      />
      <CivicPoll endpoint={endpoint} pollId="park-name" onCivicSuccess={saw('poll')} />
      <CivicFeedback topic="bins" client={feedbackClient} onCivicSuccess={saw('feedback')} />
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
