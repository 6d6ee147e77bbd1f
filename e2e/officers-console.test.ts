// The officers' console (issue 16), end to end: an officer signs in at /admin/ on the real server, sees the
// petition that passed its threshold, publishes the council's response, and the public <civic-petition> on a host
// page shows it. The console runs under its strict Content-Security-Policy; axe checks each state.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { addUser } from '../packages/server/src/auth/users.js';
import { createPetition } from '../packages/server/src/store/petitions.js';
import { PollDriver } from './drivers/poll.js';
import { deepFocus, type Focus, newPage, tabTo } from './support/browser.js';
import { axeViolations, named, overflows, PASSWORD, signIn as signInAt } from './support/console.js';
import { type E2E, startE2E } from './support/e2e.js';
import { hostPage } from './support/host.js';

describe('the officers’ console', () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
    await addUser(e2e.db, { email: 'clerk@council.example', role: 'editor', password: PASSWORD }, new Date());
    await addUser(e2e.db, { email: 'reader@council.example', role: 'viewer', password: PASSWORD }, new Date());
    await addUser(e2e.db, { email: 'chief@council.example', role: 'admin', password: PASSWORD }, new Date());
    await e2e.db.transaction().execute((trx) =>
      createPetition(
        trx,
        {
          id: 'play-street',
          title: 'A play street on Elm Road',
          summary: 'Close Elm Road to cars on Saturday mornings so that children can play.',
          status: 'open',
          thresholds: [{ count: 100, label: 'The council responds' }],
          signerFields: ['postcode'],
          privacyNoticeUrl: 'https://council.example/privacy',
          requiresConfirmation: false,
        },
        new Date(),
        130,
      ),
    );
    e2e.serve(
      '/play-street.html',
      hostPage({
        scripts: [`${e2e.apiUrl}/cdn/civic-petition.js`],
        body: `<civic-petition endpoint="${e2e.endpoint}" petition-id="play-street"></civic-petition>`,
      }),
    );
  });
  after(() => e2e?.close());

  const signIn = (page: Page, email: string, password?: string) => signInAt(page, e2e.apiUrl, email, password);

  it('an editor signs in, publishes a response, and the public petition shows it', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.goto(`${e2e.apiUrl}/admin/`);
    await page.getByRole('heading', { name: "Sign in to the officers' console" }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'sign-in page');

    // A wrong password: said, the email kept, focus on the message.
    await signIn(page, 'clerk@council.example', 'not the right one');
    const alert = page.getByRole('alert');
    await alert.getByText('The email or password is not right').waitFor();
    assert.equal(await page.getByLabel('Email address').inputValue(), 'clerk@council.example');
    assert.equal(
      await alert.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
      true,
      'focus on the message',
    );

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Petitions', level: 1 }).waitFor();
    await page.getByText('Signed in as clerk@council.example (editor)').waitFor();
    const waiting = page.getByRole('list', { name: 'Petitions that need a response' });
    await waiting.getByText('A play street on Elm Road', { exact: true }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'petitions page');

    await page.getByRole('button', { name: 'Respond to “A play street on Elm Road”' }).click();
    // An empty summary is refused in the page, with nothing sent.
    await page.getByRole('button', { name: 'Publish the response' }).click();
    await page.getByRole('alert').getByText('Write a summary of the response.').waitFor();
    const summary = 'We will trial a play street on Elm Road from March.';
    const body = 'The trial runs for six Saturdays.\n\nResidents of Elm Road will get a letter first.';
    const responseForm = page.getByRole('region', { name: 'Response to “A play street on Elm Road”' });
    await responseForm.getByLabel('Summary').fill(summary);
    await responseForm.getByLabel('The full response').fill(body);
    assert.deepEqual(await axeViolations(page), [], 'response form');
    await page.getByRole('button', { name: 'Publish the response' }).click();
    await page.getByRole('status').getByText('The response to “A play street on Elm Road” is published').waitFor();
    await waiting.waitFor({ state: 'detached' });

    const stored = await e2e.get('/petitions/play-street');
    assert.equal((stored.response as { summary: string }).summary, summary);
    const entry = await e2e.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'petition.respond')
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor, 'clerk@council.example');
    // Asking who is signed in before signing in, and the wrong password, are answered 401 by design.
    const unexpected = problems.filter((problem) => !problem.includes('status of 401'));
    assert.deepEqual(unexpected, [], 'no script error and no policy violation in the console');

    const resident = await newPage(e2e);
    await resident.page.goto(`${e2e.hostUrl}/play-street.html`);
    await resident.page.locator('civic-petition').getByText(summary).waitFor();
    // The full response sits behind the widget's "read more"; each paragraph is its own <p>, as text.
    const paragraph = resident.page.locator('civic-petition p', {
      hasText: 'Residents of Elm Road will get a letter first.',
    });
    await paragraph.waitFor({ state: 'attached' });
    assert.equal(await paragraph.textContent(), 'Residents of Elm Road will get a letter first.');
    await resident.context.close();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: "Sign in to the officers' console" }).waitFor();
    await context.close();
  });

  it('a viewer sees what waits but is offered no way to change it; the API refuses them too', async () => {
    const { context, page } = await newPage(e2e);
    await signIn(page, 'reader@council.example');
    await page.getByText('Signed in as reader@council.example (viewer)').waitFor();
    await page.getByRole('rowheader', { name: 'A play street on Elm Road' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Respond to/ }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Audit log' }).count(), 0, 'the audit log is for admins');
    assert.equal(await page.getByRole('button', { name: /^Close/ }).count(), 0);
    assert.equal(await page.locator('civic-console-petition-form').count(), 0);
    // A rating to mark, which a viewer must not be offered to.
    const rated = await e2e.api.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      payload: JSON.stringify({ topic: 'parks', rating: { scale: 'thumbs', value: 1 } }),
    });
    assert.equal(rated.statusCode, 201, rated.body);
    await page.getByRole('link', { name: 'Feedback inbox' }).click();
    await page.getByRole('heading', { name: 'Feedback inbox', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'parks: Yes' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Mark as/ }).count(), 0);
    assert.equal(
      await page.getByRole('link', { name: /as CSV$/ }).count(),
      0,
      'exports hold personal data: editors only',
    );
    const refused = await page.evaluate(async () => {
      const session = await (await fetch('/api/v1/admin/session')).json();
      const response = await fetch('/api/v1/admin/petitions/play-street/response', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ summary: 'Not allowed' }),
      });
      return response.status;
    });
    assert.equal(refused, 403);
    await context.close();
  });

  it('an editor finds a resident’s comment in the inbox and marks it actioned, by keyboard at 320 px', async () => {
    const comment = 'The bin on Elm Road was not emptied on Tuesday.';
    for (const body of [
      { topic: 'bins', rating: { scale: 'stars', value: 2 }, comment, pageUrl: 'https://council.example/bins' },
      { topic: 'bins', rating: { scale: 'stars', value: 5 } },
    ]) {
      const response = await e2e.api.inject({
        method: 'POST',
        url: '/api/v1/feedback',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        payload: JSON.stringify(body),
      });
      assert.equal(response.statusCode, 201, response.body);
    }
    const { context, page, problems } = await newPage(e2e);
    await page.setViewportSize({ width: 320, height: 900 });
    const closing = await e2e.admin('POST', '/polls', {
      id: 'tree-planting',
      question: 'Where should we plant the new trees?',
      kind: 'single',
      options: [
        { id: 'park', label: 'In the park' },
        { id: 'streets', label: 'Along the streets' },
      ],
      resultsVisibility: 'always',
      closesAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
    });
    assert.equal(closing.status, 201, closing.body);
    await signIn(page, 'clerk@council.example');
    // The landing page says what needs attention first, and leads there.
    const attention = page.getByRole('region', { name: 'What needs attention first' });
    await attention.getByRole('link', { name: /^“Where should we plant the new trees\?” closes / }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'landing page with what needs attention');
    await tabTo(page, named('1 new comment this week'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Feedback inbox', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: 'Ratings and comments, newest first' });
    await list.getByText(comment).waitFor();
    const ratings = await e2e.db.selectFrom('feedback').select('id').execute();
    assert.equal(await list.getByRole('listitem').count(), ratings.length, 'every rating stored');
    assert.deepEqual(await axeViolations(page), [], 'inbox with ratings');
    const fiveStars = list.getByRole('listitem').filter({ hasText: 'bins: 5 of 5 stars' });
    await fiveStars.getByRole('button', { name: 'Mark as read' }).click();
    await page
      .getByRole('status')
      .getByText(/is marked read\.$/)
      .waitFor();
    await fiveStars.getByRole('button', { name: 'Mark as read' }).waitFor({ state: 'detached' });
    const read = await e2e.db.selectFrom('feedback').select('triage_status').where('rating_value', '=', 5).execute();
    assert.deepEqual(read, [{ triage_status: 'read' }]);
    assert.equal(await overflows(page), false, 'no sideways scrolling at 320 px');

    // Days the wrong way round: said, focus on the message, the typed days kept, nothing asked of the server.
    await page.getByLabel('From (first day)').fill('2026-12-10');
    await page.getByLabel('To (last day)').fill('2026-12-01');
    await tabTo(page, named('Filter'));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('The first day must be on or before the last day.').waitFor();
    assert.equal(await page.getByLabel('From (first day)').inputValue(), '2026-12-10');
    assert.deepEqual(await axeViolations(page), [], 'inbox with a filter error');
    await page.getByLabel('From (first day)').fill('');
    await page.getByLabel('To (last day)').fill('');

    await page.getByLabel('Topic').fill('no-such-topic');
    await page.getByLabel('Topic').press('Enter');
    await page.getByText('No rating matches this filter.').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'inbox with nothing to show');

    await page.getByLabel('Topic').fill('bins');
    await tabTo(page, named('Only ratings with a comment'));
    await page.keyboard.press('Space');
    await tabTo(page, named('Filter'));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('1 rating shown').waitFor();
    assert.equal(await list.getByRole('listitem').count(), 1);

    // Actioned needs a note of what was done.
    await tabTo(page, named('Mark as actioned'));
    await page.keyboard.press('Enter');
    await tabTo(page, named('Save as actioned'));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Say what was done before marking the comment actioned.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'note form with its error');
    await page.getByLabel('What was done').fill('Crew sent on Wednesday; the round now includes Elm Road.');
    await tabTo(page, named('Save as actioned'), { back: true });
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .getByText(/is marked actioned\.$/)
      .waitFor();
    await list.getByText('Actioned by clerk@council.example').waitFor();

    const row = await e2e.db
      .selectFrom('feedback')
      .selectAll()
      .where('comment', '=', comment)
      .executeTakeFirstOrThrow();
    assert.equal(row.triage_status, 'actioned');
    assert.equal(row.triage_note, 'Crew sent on Wednesday; the round now includes Elm Road.');
    assert.equal(row.triaged_by, 'clerk@council.example');
    const entry = await e2e.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target', '=', `feedback:${row.id}`)
      .executeTakeFirstOrThrow();
    assert.equal(entry.action, 'feedback.actioned');
    assert.equal(entry.actor, 'clerk@council.example');
    assert.equal(await overflows(page), false, 'no sideways scrolling at 320 px');
    assert.deepEqual(
      problems.filter((problem) => !problem.includes('status of 401')),
      [],
      'no script error and no policy violation',
    );
    await context.close();
  });

  it('an editor creates a consultation that a resident then votes in; its results table counts the vote', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.setViewportSize({ width: 320, height: 900 });
    await signIn(page, 'clerk@council.example');
    await page.getByRole('heading', { name: 'Petitions', level: 1 }).waitFor();
    // The server failing once: said, axe clean; coming back to the page loads it again.
    await page.route('**/api/v1/admin/polls?page=1', (route) => route.fulfill({ status: 503, body: '{}' }), {
      times: 1,
    });
    await tabTo(page, named('Consultations'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Consultations', level: 1 }).waitFor();
    await page.getByRole('alert').getByText('This page could not be loaded.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'consultations that could not be loaded');
    await page.getByRole('link', { name: 'Petitions' }).click();
    await page.getByRole('link', { name: 'Consultations' }).click();
    await page.getByRole('rowheader', { name: 'What should we call the new riverside park?' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'consultations list');

    // One option only, and a window that closes before it opens: the summary takes focus and lists both.
    const question = 'Which evening should the library stay open late?';
    await page.getByLabel('Question', { exact: true }).fill(question);
    await page.getByLabel('Options (one a line').fill('Monday');
    await page.getByLabel('Opens (optional; now if empty)').fill('2030-05-02T10:00');
    await page.getByLabel('Closes (optional)').fill('2030-05-01T10:00');
    await tabTo(page, named('Create the consultation'));
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert');
    await summary.getByText('Give at least two options').waitFor();
    await summary.getByText('The closing time must be after the opening time.').waitFor();
    assert.equal(await page.getByLabel('Question', { exact: true }).inputValue(), question, 'what was typed stays');
    assert.deepEqual(await axeViolations(page), [], 'consultation form with errors');
    await summary.getByRole('link', { name: /Give at least two options/ }).press('Enter');
    assert.equal(await page.getByLabel('Options (one a line').evaluate((el) => el.matches(':focus')), true);

    await page.getByLabel('Options (one a line').fill('Monday\nWednesday\nFriday');
    await page.getByLabel('Opens (optional; now if empty)').fill('');
    await page.getByLabel('Closes (optional)').fill('');
    await page.getByRole('radio', { name: 'Several choices' }).check();
    await page.getByLabel('Most options one resident may choose').fill('2');
    await page.getByLabel('When residents see the results').selectOption('always');
    await page.getByLabel('Identifier, to embed it').fill('late-library');
    await page.getByRole('button', { name: 'Create the consultation' }).click();
    await page.getByRole('status').getByText(`“${question}” is created.`).waitFor();
    await page.getByRole('rowheader', { name: question }).waitFor();
    const stored = await e2e.db
      .selectFrom('polls')
      .selectAll()
      .where('id', '=', 'late-library')
      .executeTakeFirstOrThrow();
    assert.equal(stored.kind, 'multiple');
    assert.equal(stored.max_choices, 2);
    assert.deepEqual(
      JSON.parse(stored.options).map((o: { id: string }) => o.id),
      ['monday', 'wednesday', 'friday'],
    );
    const created = await e2e.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target', '=', 'poll:late-library')
      .execute();
    assert.deepEqual(
      created.map((entry) => `${entry.action} ${entry.actor}`),
      ['poll.create clerk@council.example'],
    );

    e2e.serve(
      '/late-library.html',
      hostPage({
        scripts: [`${e2e.apiUrl}/cdn/civic-poll.js`],
        body: `<civic-poll endpoint="${e2e.endpoint}" poll-id="late-library"></civic-poll>`,
      }),
    );
    const resident = await newPage(e2e);
    const poll = new PollDriver(resident.page.locator('civic-poll'));
    await resident.page.goto(`${e2e.hostUrl}/late-library.html`);
    await poll.ready.waitFor();
    await poll.vote('Wednesday', 'Friday');
    await poll.voted.waitFor();
    await resident.context.close();

    await page.getByRole('button', { name: `Results of “${question}”` }).click();
    const results = page.getByRole('region', { name: `Results of “${question}”` });
    await results.getByRole('table').waitFor();
    await page.getByText('1 vote in all').waitFor();
    const cells = await results
      .getByRole('row')
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim())));
    assert.deepEqual(cells.slice(1), [
      ['Monday', '0'],
      ['Wednesday', '1'],
      ['Friday', '1'],
    ]);
    assert.deepEqual(await axeViolations(page), [], 'results table');

    const votes = await page.evaluate(
      (href) => fetch(href).then((response) => response.text()),
      (await page.getByRole('link', { name: `Votes in “${question}” as CSV` }).getAttribute('href'))!,
    );
    assert.deepEqual(
      votes
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[2]),
      ['wednesday', 'friday'],
    );
    await page.getByRole('button', { name: `Close “${question}”` }).click();
    await page.getByRole('status').getByText(`“${question}” is closed.`).waitFor();
    assert.equal((await e2e.get<{ status: string }>('/polls/late-library')).status, 'closed');
    assert.equal(await overflows(page), false, 'no sideways scrolling at 320 px');
    assert.deepEqual(
      problems.filter((problem) => !/status of (401|503)/.test(problem)),
      [],
      'no script error and no policy violation',
    );
    await context.close();
  });

  it('an editor creates a petition, edits it, charts and downloads its signatures, and closes it', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.setViewportSize({ width: 320, height: 900 });
    await signIn(page, 'clerk@council.example');
    const form = page.locator('civic-console-petition-form');
    await form.getByRole('heading', { name: 'Create a petition' }).waitFor();
    await form.getByLabel('Petition title').fill('Safer cycling on Mill Lane');
    await form.getByLabel('Petition summary').fill('Paint a protected lane on Mill Lane.');
    await form.getByLabel('Thresholds').fill('a hundred: The council responds');
    await form.getByRole('button', { name: 'Create the petition' }).click();
    const summary = form.getByRole('alert');
    await summary.getByText('Write each threshold as a whole number').waitFor();
    await summary.getByText('Give the full address of the privacy notice').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'petition form with errors');
    await form.getByLabel('Thresholds').fill('100: The council responds\n1000: A debate');
    await form.getByLabel('Postcode').check();
    await form.getByLabel('Address of the privacy notice').fill('https://council.example/privacy');
    await form.getByRole('button', { name: 'Create the petition' }).click();
    await page.getByRole('status').getByText('“Safer cycling on Mill Lane” is created.').waitFor();
    const stored = await e2e.get<{ thresholds: unknown; signerFields: string[]; status: string }>(
      '/petitions/safer-cycling-on-mill-lane',
    );
    assert.deepEqual(stored.thresholds, [
      { count: 100, label: 'The council responds' },
      { count: 1000, label: 'A debate' },
    ]);
    assert.deepEqual(stored.signerFields, ['postcode']);

    // Editing: the form opens on the petition as it is; a later closing date and a third threshold are saved.
    await page.getByRole('button', { name: 'Edit “Safer cycling on Mill Lane”' }).click();
    const edit = page.locator('civic-console-petition-form').filter({
      has: page.getByRole('heading', { name: 'Edit “Safer cycling on Mill Lane”' }),
    });
    assert.equal(await edit.getByLabel('Thresholds').inputValue(), '100: The council responds\n1000: A debate');
    await edit.getByLabel('Thresholds').fill('100: The council responds\n1000: A debate\n5000: A public meeting');
    await edit.getByLabel('Closes').fill('2031-06-30T17:00');
    assert.deepEqual(await axeViolations(page), [], 'petition edit form');
    await edit.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('status').getByText('The changes to “Safer cycling on Mill Lane” are saved.').waitFor();
    const edited = await e2e.get<{ thresholds: unknown[]; closesAt: string }>('/petitions/safer-cycling-on-mill-lane');
    assert.equal(edited.thresholds.length, 3);
    assert.match(edited.closesAt, /^2031-06-30T/);

    const signed = await e2e.api.inject({
      method: 'POST',
      url: '/api/v1/petitions/safer-cycling-on-mill-lane/signatures',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      payload: JSON.stringify({ name: 'Ada Resident', email: 'ada@example.org', postcode: 'LS6 1AN', consent: true }),
    });
    assert.equal(signed.statusCode, 201, signed.body);
    await page.getByRole('button', { name: 'Signatures per day to “Safer cycling on Mill Lane”' }).click();
    const chart = page.getByRole('region', { name: 'Signatures per day to “Safer cycling on Mill Lane”' });
    await chart.getByRole('img', { name: /^Bar chart of signatures per day/ }).waitFor();
    const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date());
    assert.deepEqual(
      await chart
        .getByRole('row')
        .evaluateAll((rows) => rows.slice(1).map((row) => [...row.children].map((cell) => cell.textContent))),
      [[today, '1']],
    );
    assert.deepEqual(await axeViolations(page), [], 'signatures per day');

    const csv = page.getByRole('link', { name: 'Signatures to “Safer cycling on Mill Lane” as CSV' });
    const download = await page.evaluate(
      async (href) => {
        const response = await fetch(href);
        return { status: response.status, text: await response.text() };
      },
      (await csv.getAttribute('href'))!,
    );
    assert.equal(download.status, 200);
    assert.match(download.text, /^\uFEFF?receipt_id,signed_at/);
    assert.match(download.text, /Ada Resident,ada@example\.org/);

    await page.getByRole('button', { name: 'Close “Safer cycling on Mill Lane”' }).click();
    await page.getByRole('status').getByText('“Safer cycling on Mill Lane” is closed.').waitFor();
    assert.equal((await e2e.get<{ status: string }>('/petitions/safer-cycling-on-mill-lane')).status, 'closed');
    const actions = await e2e.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('target', '=', 'petition:safer-cycling-on-mill-lane')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      actions.map((a) => `${a.action} ${a.actor}`),
      [
        'petition.create clerk@council.example',
        'petition.update clerk@council.example',
        'petition.export clerk@council.example',
        'petition.update clerk@council.example',
      ],
    );
    assert.equal(await overflows(page), false, 'no sideways scrolling at 320 px');
    assert.deepEqual(
      problems.filter((problem) => !problem.includes('status of 401')),
      [],
    );
    await context.close();
  });

  it('an admin reads the audit log, filtered by who and by what, in each state', async () => {
    const { context, page, problems } = await newPage(e2e);
    await page.setViewportSize({ width: 320, height: 900 });
    await signIn(page, 'chief@council.example');
    await page.getByRole('heading', { name: 'Petitions', level: 1 }).waitFor();
    // Past every petition's actions and the create form, then the header's links (Services sits before it).
    await tabTo(page, named('Audit log'), { max: 60 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('cell', { name: 'session.start' }).first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'audit log');
    assert.equal(await overflows(page), false, 'no sideways scrolling at 320 px');

    await page.getByLabel('Who (email)').fill('chief@council.example');
    await page.getByLabel('Who (email)').press('Enter');
    await page.getByRole('status').getByText('1 entry shown').waitFor();
    assert.deepEqual(
      await table.getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => row.children[1]?.textContent)),
      ['chief@council.example'],
    );

    await page.getByLabel('Who (email)').fill('');
    await page.getByLabel(/^What/).fill('Poll close');
    await tabTo(page, named('Filter'));
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Write an action as lower-case words').waitFor();
    assert.equal(await page.getByLabel(/^What/).inputValue(), 'Poll close', 'what was typed stays');
    assert.deepEqual(await axeViolations(page), [], 'audit log with a filter error');

    await page.getByLabel(/^What/).fill('nothing.here');
    await page.getByLabel(/^What/).press('Enter');
    await page.getByText('No entry matches this filter.').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'audit log with nothing to show');
    assert.deepEqual(
      problems.filter((problem) => !problem.includes('status of 401') && !problem.includes('status of 422')),
      [],
    );
    await context.close();
  });

  it('an editor rejects one proposal with a reason and a note and publishes another, by keyboard; a viewer only reads the queue', async () => {
    const proposal = (id: string, title: string, details: string | null, flags: object[]) => ({
      id,
      title,
      background: `Why “${title}” matters to the street.`,
      details,
      name: 'Ada Resident',
      email: `${id}@resident.example`,
      email_key: `${id}@resident.example`,
      postcode: 'AB1 2CD',
      locale: 'en',
      status: 'moderation' as const,
      confirm_token_hash: id,
      flags: JSON.stringify(flags),
      petition_id: null,
      rejection_reason: null,
      rejection_note: null,
      created_at: new Date(Date.now() - (id === 'crossing' ? 2 : 1) * 24 * 3600_000).toISOString(),
      confirmed_at: new Date().toISOString(),
      decided_at: null,
    });
    await e2e.db
      .insertInto('petition_proposals')
      .values([
        // Markup in a resident's text must be shown as the characters they typed.
        proposal(
          'crossing',
          'A crossing on Elm Road',
          'Children cross here <b>every</b> morning.\n\nSee www.example.org',
          [{ kind: 'near-duplicate', petitionId: 'play-street' }, { kind: 'link' }],
        ),
        proposal('parking', 'Free parking for my shop', null, [{ kind: 'email-address' }]),
      ])
      .execute();
    await e2e.db
      .insertInto('proposal_sponsors')
      .values(
        ['one', 'two', 'three'].map((n) => ({
          id: `sponsor-${n}`,
          proposal_id: 'crossing',
          email: `${n}@resident.example`,
          email_key: `${n}@resident.example`,
          name: n,
          postcode: 'AB1 2CD',
          status: 'confirmed' as const,
          confirm_token_hash: `sponsor-${n}`,
          created_at: new Date().toISOString(),
          confirmed_at: new Date().toISOString(),
        })),
      )
      .execute();

    const viewer = await newPage(e2e);
    await signIn(viewer.page, 'reader@council.example');
    await viewer.page.getByRole('link', { name: 'Proposals', exact: true }).click();
    await viewer.page.getByRole('heading', { name: 'A crossing on Elm Road', level: 2 }).waitFor();
    assert.equal(await viewer.page.getByRole('button', { name: /^(Publish|Reject) / }).count(), 0);
    await viewer.context.close();

    const { context, page, problems } = await newPage(e2e);
    await signIn(page, 'clerk@council.example');
    await page.getByRole('link', { name: '2 proposals wait for moderation' }).waitFor();
    await tabTo(page, named('2 proposals wait for moderation'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Proposals', level: 1 }).waitFor();
    const queue = page.getByRole('list', { name: 'Proposals waiting for moderation, oldest first' });
    const crossing = queue.getByRole('listitem').filter({ hasText: 'A crossing on Elm Road' });
    await crossing.getByText('Children cross here <b>every</b> morning.', { exact: true }).waitFor();
    await crossing.getByText('See www.example.org', { exact: true }).waitFor();
    await crossing.getByText('3 confirmed sponsors').waitFor();
    await crossing.getByText('It resembles the open petition “A play street on Elm Road”.').waitFor();
    await crossing.getByText('It contains a link.').waitFor();
    await queue.getByText('It contains an email address.').waitFor();
    assert.equal(
      (await queue.getByRole('heading', { level: 2 }).allTextContents()).join(' | '),
      'A crossing on Elm Road | Free parking for my shop',
      'oldest first',
    );
    assert.deepEqual(await axeViolations(page), [], 'the queue');

    // Rejecting with no reason: a summary that takes focus and leads to the reasons; nothing is sent.
    await tabTo(page, named('Reject “Free parking for my shop”'));
    await page.keyboard.press('Enter');
    // Cancelling gives the focus back to the button that opened the form.
    await tabTo(page, named('Cancel'));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Reject the proposal' }).waitFor({ state: 'detached' });
    assert.equal((await deepFocus(page)).name.trim(), 'Reject “Free parking for my shop”');
    await page.keyboard.press('Enter');
    await tabTo(page, named(/^Note to the creator/));
    const note = 'A petition cannot advertise a business.';
    await page.keyboard.type(note);
    await tabTo(page, named('Reject the proposal'));
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Choose why the proposal is rejected.' }).waitFor();
    assert.equal((await deepFocus(page)).id, 'error-summary', 'the summary takes focus');
    assert.equal(await page.getByLabel(/^Note to the creator/).inputValue(), note, 'what was typed stays');
    assert.deepEqual(await axeViolations(page), [], 'a rejection with a problem');
    await tabTo(page, named('Choose why the proposal is rejected.'));
    await page.keyboard.press('Enter');
    assert.equal((await deepFocus(page)).id, 'reason-duplicate', 'the link leads to the reasons');
    // Arrow keys move through a radio group and choose: the fifth reason is advertising.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await tabTo(page, named('Reject the proposal'));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('“Free parking for my shop” is rejected.').waitFor();
    assert.equal(
      await queue.getByRole('heading', { name: 'Free parking for my shop' }).count(),
      0,
      'it left the queue',
    );

    // The focus went to the announcement, which comes before the queue.
    await tabTo(page, named('Publish “A crossing on Elm Road”'));
    await page.keyboard.press('Enter');
    await tabTo(page, named(/^Address of the privacy notice/));
    await page.keyboard.type('https://council.example/privacy');
    await tabTo(page, named('Publish the petition'));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('“A crossing on Elm Road” is published as a petition.').waitFor();
    await page.getByText('No proposal waits for moderation.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the empty queue');

    const stored = await e2e.db.selectFrom('petition_proposals').selectAll().orderBy('id').execute();
    assert.deepEqual(
      stored.map((row) => [row.id, row.status, row.rejection_reason, row.rejection_note, row.petition_id]),
      [
        ['crossing', 'published', null, null, 'a-crossing-on-elm-road'],
        ['parking', 'rejected', 'advertising', note, null],
      ],
    );
    assert.equal((await e2e.get<{ status: string }>('/petitions/a-crossing-on-elm-road')).status, 'open');
    const audited = await e2e.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'target', 'details'])
      .where('action', 'like', 'proposal.%')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audited.map((row) => [
        row.actor,
        row.action,
        row.target,
        typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
      ]),
      [
        ['clerk@council.example', 'proposal.reject', 'proposal:parking', { reason: 'advertising', note: true }],
        ['clerk@council.example', 'proposal.publish', 'proposal:crossing', { petitionId: 'a-crossing-on-elm-road' }],
      ],
    );
    const mailed = await e2e.db
      .selectFrom('outbox')
      .select('to_address')
      .where('to_address', 'like', '%@resident.example')
      .execute();
    assert.equal(mailed.length, 2, 'each creator is mailed the outcome once');
    assert.deepEqual(
      problems.filter((problem) => !problem.includes('status of 401')),
      [],
    );
    await context.close();
  });

  it('an admin follows the landing page to the mail that failed and sends it again, by keyboard', async () => {
    const failedAt = new Date().toISOString();
    await e2e.db
      .insertInto('outbox')
      .values({
        id: 'bounced-confirmation',
        to_address: 'resident@example.org',
        subject: 'Confirm your signature',
        text: 'Confirm',
        html: null,
        created_at: failedAt,
        sent_at: null,
        claimed_until: null,
        next_attempt_at: null,
        failed_at: failedAt,
        failure: '550 5.1.1 No such mailbox',
      })
      .execute();
    const { context, page, problems } = await newPage(e2e);
    await page.setViewportSize({ width: 320, height: 900 });
    await signIn(page, 'chief@council.example');
    await page.getByRole('link', { name: '1 email could not be delivered' }).waitFor();
    await tabTo(page, named('1 email could not be delivered'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Mail', level: 1 }).waitFor();
    const failed = page.getByRole('region', { name: 'Mail refused by the mail relay, oldest first' });
    await failed.getByRole('cell', { name: '550 5.1.1 No such mailbox' }).waitFor();
    assert.equal(await failed.getByRole('cell', { name: 'r***@example.org', exact: true }).count(), 1);
    assert.equal(await page.getByText('resident@example.org').count(), 0, 'the address is masked');
    assert.deepEqual(await axeViolations(page), [], 'mail page with a failed mail');
    assert.equal(await overflows(page), false, 'no sideways scrolling at 320 px');

    await tabTo(page, named('Send again to r***@example.org'));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('The mail to r***@example.org is queued again.').waitFor();
    await page.getByText('No mail has failed.').waitFor();
    assert.equal(((await deepFocus(page)) as Focus).name, 'Mail that could not be delivered', 'focus on the list');
    const row = await e2e.db
      .selectFrom('outbox')
      .select(['sent_at', 'failed_at'])
      .where('id', '=', 'bounced-confirmation')
      .executeTakeFirstOrThrow();
    assert.equal(row.failed_at, null);
    const entry = await e2e.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target', '=', 'mail:bounced-confirmation')
      .executeTakeFirstOrThrow();
    assert.deepEqual([entry.actor, entry.action], ['chief@council.example', 'mail.retry']);
    assert.deepEqual(await axeViolations(page), [], 'mail page with nothing failed');
    assert.deepEqual(
      problems.filter((problem) => !problem.includes('status of 401')),
      [],
      'nothing but the sign-in page asking who is signed in',
    );
    await context.close();
  });

  it('the console page sends a strict Content-Security-Policy', async () => {
    const response = await fetch(`${e2e.apiUrl}/admin/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.match(policy, /script-src 'self'/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
  });
});
