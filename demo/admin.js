// The officers' page: reads petitions and polls from the public API and acts through the admin API with a token
// the officer types. The token lives in sessionStorage (this tab, until it closes), never in the page or a cookie.
const API = '/api/v1';
const KEY = 'civic-admin-token';

const $ = (id) => document.getElementById(id);
const say = (id, text) => {
  $(id).textContent = text;
};

/** An admin request; the answer's JSON, or an Error whose message an officer can act on. */
async function admin(method, path, body) {
  const token = sessionStorage.getItem(KEY);
  if (!token) throw new Error('Enter the admin token first.');
  const response = await fetch(`${API}/admin${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(method === 'POST' ? { 'Idempotency-Key': crypto.randomUUID() } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401) throw new Error('The server refused this token.');
  if (response.status === 404 && path === '/audit') {
    throw new Error('The admin API is off: start the server with CIVIC_ADMIN_TOKEN set.');
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.detail ?? answer.title ?? `The server answered ${response.status}.`);
  return answer;
}

async function publicList(path) {
  const response = await fetch(`${API}${path}?pageSize=100`);
  if (!response.ok) throw new Error(`Could not read ${path}: ${response.status}`);
  return (await response.json()).items;
}

async function checkToken() {
  if (!sessionStorage.getItem(KEY)) return say('token-status', 'No token entered yet.');
  try {
    await admin('GET', '/audit');
    say('token-status', 'Token accepted.');
  } catch (error) {
    say('token-status', error.message);
  }
}

async function loadPetitions() {
  const select = $('petition');
  const chosen = select.value;
  select.replaceChildren(
    ...(await publicList('/petitions')).map((petition) => {
      const label = `${petition.title} (${petition.status}, ${petition.signatureCount} signatures)`;
      return new Option(label, petition.id, false, petition.id === chosen);
    }),
  );
}

async function loadPolls() {
  const rows = (await publicList('/polls')).map((poll) => {
    const row = document.createElement('tr');
    const question = document.createElement('td');
    question.textContent = poll.question;
    const status = document.createElement('td');
    status.textContent = poll.status;
    const action = document.createElement('td');
    if (poll.status === 'open') {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Close now';
      button.setAttribute('aria-label', `Close now: ${poll.question}`);
      button.addEventListener('click', () => closePoll(poll));
      action.append(button);
    } else {
      action.textContent = '—';
    }
    row.append(question, status, action);
    return row;
  });
  $('polls').replaceChildren(...rows);
}

async function closePoll(poll) {
  try {
    await admin('POST', `/polls/${encodeURIComponent(poll.id)}/close`);
    say('polls-status', `Closed "${poll.question}". Residents now see it as closed on the consultations page.`);
    await loadPolls();
  } catch (error) {
    say('polls-status', error.message);
  }
}

$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $('token').value.trim());
  $('token').value = '';
  checkToken();
});
$('forget').addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  say('token-status', 'Token forgotten.');
});
$('respond-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const id = $('petition').value;
  const body = $('body').value.trim();
  try {
    await admin('PUT', `/petitions/${encodeURIComponent(id)}/response`, {
      summary: $('summary').value.trim(),
      ...(body ? { body } : {}),
    });
    say('respond-status', 'Published. Residents see it on the petitions page, and signers see it on the petition.');
    event.target.reset();
    await loadPetitions();
  } catch (error) {
    say('respond-status', error.message);
  }
});

checkToken();
Promise.all([loadPetitions(), loadPolls()]).catch((error) => say('polls-status', error.message));
