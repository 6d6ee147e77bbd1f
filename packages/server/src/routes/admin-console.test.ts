// The admin routes behind the console's later pages (issue 16): the feedback inbox, consultations, the audit log
// and what needs attention. Each change is checked in the stored row and in the audit log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, type TestServer, testServer } from '../test-support/harness.js';

type Json = Record<string, unknown>;
type InboxPage = { items: Json[]; next: string | null };

describe('the feedback inbox', () => {
  let t: TestServer;
  before(async () => {
    t = await testServer();
    // Thirty rows over three days and two topics, written straight to the table with known dates.
    const rows = Array.from({ length: 30 }, (_, i) => ({
      id: `fb-${String(i).padStart(2, '0')}`,
      topic: i % 2 ? 'bins' : 'parking',
      rating_scale: i % 3 ? 'stars' : 'thumbs',
      rating_value: i % 3 ? 4 : 1,
      comment: i % 5 ? null : `Comment ${i}`,
      reasons: null,
      fields: null,
      page_url: 'https://council.example/bins',
      locale: 'en',
      created_at: `2026-12-0${1 + (i % 3)}T10:00:${String(i).padStart(2, '0')}.000Z`,
    }));
    await t.db.insertInto('feedback').values(rows).execute();
  });
  after(() => t.close());

  const inbox = async (query = '') => t.json(await t.admin('GET', `/feedback${query}`)) as unknown as InboxPage;

  it('pages through every row newest first, each row once, without a count of the table', async () => {
    const seen: string[] = [];
    let page = await inbox('?limit=7');
    seen.push(...page.items.map((item) => item.id as string));
    while (page.next) {
      page = await inbox(`?limit=7&after=${page.next}`);
      seen.push(...page.items.map((item) => item.id as string));
    }
    assert.equal(seen.length, 30);
    assert.equal(new Set(seen).size, 30);
    const dates = seen.map((id) => `2026-12-0${1 + (Number(id.slice(3)) % 3)}T${id}`);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first, ties by id');
    const first = (await inbox('?limit=1')).items[0]!;
    assert.deepEqual(Object.keys(first).sort(), [
      'comment',
      'createdAt',
      'id',
      'note',
      'pageUrl',
      'rating',
      'reasons',
      'status',
      'topic',
      'triagedAt',
      'triagedBy',
    ]);
  });

  it('filters by topic, scale, dates and comment; refuses a filter it cannot read', async () => {
    const filtered = await inbox('?topic=bins&scale=stars&from=2026-12-02&to=2026-12-03&withComment=true&limit=100');
    assert.ok(filtered.items.length > 0);
    for (const item of filtered.items) {
      assert.equal(item.topic, 'bins');
      assert.equal((item.rating as Json).scale, 'stars');
      assert.ok(item.comment);
      assert.ok((item.createdAt as string) >= '2026-12-02');
    }
    // Every row the filter matches, and only those: 15 for bins, a third thumbs, a fifth with a comment.
    const expected = Array.from({ length: 30 }, (_, i) => i).filter(
      (i) => i % 2 && i % 3 && !(i % 5) && 1 + (i % 3) >= 2,
    );
    assert.equal(filtered.items.length, expected.length);
    assertProblem(await t.admin('GET', '/feedback?from=yesterday'), 422, 'validation');
    assertProblem(await t.admin('GET', '/feedback?scale=hearts'), 422, 'validation');
    assertProblem(await t.admin('GET', '/feedback?limit=1000'), 422, 'validation');
  });

  it('marks a comment read, then actioned with a note: stored, audited, and filtered by status', async () => {
    assertProblem(await t.admin('PUT', '/feedback/fb-00/triage', { status: 'actioned' }), 422, 'validation');
    assertProblem(await t.admin('PUT', '/feedback/fb-00/triage', { status: 'done' }), 422, 'validation');
    assertProblem(await t.admin('PUT', '/feedback/missing/triage', { status: 'read' }), 404);
    assert.equal((await t.admin('PUT', '/feedback/fb-05/triage', { status: 'read' })).statusCode, 200);
    const marked = await t.admin('PUT', '/feedback/fb-00/triage', { status: 'actioned', note: ' Bins moved. ' });
    assert.equal(marked.statusCode, 200, marked.body);

    const row = await t.db.selectFrom('feedback').selectAll().where('id', '=', 'fb-00').executeTakeFirstOrThrow();
    assert.equal(row.triage_status, 'actioned');
    assert.equal(row.triage_note, 'Bins moved.');
    assert.equal(row.triaged_by, 'token');
    assert.ok(row.triaged_at);
    const entries = await t.db.selectFrom('audit_log').selectAll().where('target', 'like', 'feedback:%').execute();
    assert.deepEqual(
      entries.map((e) => `${e.action} ${e.target} ${e.details}`),
      ['feedback.read feedback:fb-05 {}', 'feedback.actioned feedback:fb-00 {}'],
      'one entry per change, without the note',
    );

    const actioned = await inbox('?status=actioned');
    assert.deepEqual(
      actioned.items.map((item) => [item.id, item.note]),
      [['fb-00', 'Bins moved.']],
    );
    assert.equal((await inbox('?status=new&limit=100')).items.length, 28);
  });

  it('exports what the filter shows as CSV, audited with the filter', async () => {
    const csv = await t.admin('GET', '/feedback.csv?topic=parking&withComment=true');
    assert.equal(csv.statusCode, 200);
    const lines = csv.body.trim().split('\r\n');
    assert.match(lines[0]!, /^receipt_id,created_at,topic,.*,status,note$/);
    assert.deepEqual(
      lines.slice(1).map((line) => line.split(',')[0]),
      ['fb-20', 'fb-10', 'fb-00'],
    );
    assert.match(lines.at(-1)!, /,actioned,Bins moved\.$/);
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'feedback.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(entry.details), { rows: 3, filter: { topic: 'parking', withComment: true } });
  });
});

describe('consultations in the console', () => {
  let t: TestServer;
  before(async () => {
    t = await testServer();
  });
  after(() => t.close());

  const poll = {
    id: 'library-hours',
    question: 'Which evening should the library stay open late?',
    kind: 'ranked',
    options: [
      { id: 'mon', label: 'Monday' },
      { id: 'wed', label: 'Wednesday' },
      { id: 'fri', label: 'Friday' },
    ],
    resultsVisibility: 'always',
    suppressBelow: 2,
  };

  it('lists every poll newest first with its status and votes, a page at a time', async () => {
    assert.equal((await t.admin('POST', '/polls', poll)).statusCode, 201);
    for (const choices of [
      ['wed', 'mon', 'fri'],
      ['wed', 'fri', 'mon'],
      ['mon', 'wed', 'fri'],
    ]) {
      assert.equal((await t.post('/api/v1/polls/library-hours/votes', { choices })).statusCode, 201);
    }
    const first = t.json(await t.admin('GET', '/polls?pageSize=1')) as { items: Json[]; next: number | null };
    assert.equal(first.items.length, 1);
    assert.equal(first.items[0]!.id, 'library-hours');
    assert.equal(first.items[0]!.status, 'open');
    assert.equal(first.items[0]!.totalVotes, 3);
    assert.equal(first.next, 2);
    const all = t.json(await t.admin('GET', '/polls?pageSize=100')) as { items: Json[]; next: number | null };
    assert.equal(all.next, null);
    const seeded = await t.db.selectFrom('polls').select('id').execute();
    assert.equal(all.items.length, seeded.length);
    assertProblem(await t.admin('GET', '/polls?pageSize=0'), 422, 'validation');
  });

  it('gives the results the widget shows, and gives them to officers whatever the policy', async () => {
    const officers = t.json(await t.admin('GET', '/polls/library-hours/results'));
    const residents = t.json(await t.get('/api/v1/polls/library-hours/results'));
    assert.deepEqual(officers, residents);
    // Friday was nobody's first choice: under the threshold of 2, hidden with its points.
    assert.deepEqual(officers.options, [
      { id: 'mon', votes: null },
      { id: 'wed', votes: 2 },
      { id: 'fri', votes: null },
    ]);
    assert.equal((await t.admin('PATCH', '/polls/library-hours', { resultsVisibility: 'never' })).statusCode, 200);
    assert.equal((await t.get('/api/v1/polls/library-hours/results')).statusCode >= 400, true);
    assert.deepEqual(t.json(await t.admin('GET', '/polls/library-hours/results')), officers);
    assertProblem(await t.admin('GET', '/polls/nope/results'), 404);
  });
});

describe('the audit log page', () => {
  let t: TestServer;
  before(async () => {
    t = await testServer();
    const at = '2026-12-05T10:00:00.000Z';
    const entries = [
      ['clerk@council.example', 'poll.create', 'poll:a'],
      ['clerk@council.example', 'poll.close', 'poll:a'],
      ['chief@council.example', 'petition.respond', 'petition:b'],
      ['token', 'pollster.odd', 'x:y'],
      ['clerk@council.example', 'feedback.actioned', 'feedback:c'],
    ];
    await t.db
      .insertInto('audit_log')
      .values(
        entries.map(([actor, action, target]) => ({ at, actor, action: action!, target: target!, details: '{}' })),
      )
      .execute();
  });
  after(() => t.close());

  const entries = async (query: string) =>
    (t.json(await t.admin('GET', `/audit${query}`)) as unknown as Json[]).map((e) => `${e.actor} ${e.action}`);

  it('filters by who and by action or kind of thing, newest first, a page at a time', async () => {
    assert.deepEqual(await entries('?actor=Clerk@Council.example&limit=2'), [
      'clerk@council.example feedback.actioned',
      'clerk@council.example poll.close',
    ]);
    assert.deepEqual(await entries('?action=poll'), [
      'clerk@council.example poll.close',
      'clerk@council.example poll.create',
    ]);
    assert.deepEqual(await entries('?action=poll.close'), ['clerk@council.example poll.close']);
    const all = t.json(await t.admin('GET', '/audit')) as unknown as { id: number }[];
    const older = await entries(`?before=${all[1]!.id}`);
    assert.deepEqual(older, [
      'chief@council.example petition.respond',
      'clerk@council.example poll.close',
      'clerk@council.example poll.create',
    ]);
    assertProblem(await t.admin('GET', '/audit?action=poll%25'), 422, 'validation');
    assertProblem(await t.admin('GET', '/audit?limit=501'), 422, 'validation');
  });
});

describe('what needs attention first', () => {
  const now = new Date('2026-12-05T09:00:00.000Z');
  const day = 24 * 60 * 60 * 1000;
  const at = (days: number) => new Date(now.getTime() + days * day).toISOString();
  let t: TestServer;
  before(async () => {
    t = await testServer({ now: () => now });
    const feedback = (id: string, days: number, comment: string | null, triage: 'actioned' | null = null) => ({
      id,
      topic: 'bins',
      rating_scale: 'stars',
      rating_value: 3,
      comment,
      created_at: at(days),
      triage_status: triage,
    });
    await t.db
      .insertInto('feedback')
      .values([
        feedback('new-1', -2, 'Missed bin'),
        feedback('new-2', -6, 'Late again'),
        feedback('old', -10, 'Last month'),
        feedback('done', -1, 'Sorted', 'actioned'),
        feedback('silent', -1, null),
      ])
      .execute();
    const poll = (id: string, window: { opensAt?: string; closesAt?: string }) => ({
      id,
      question: `Question ${id}`,
      kind: 'single',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      resultsVisibility: 'always',
      ...window,
    });
    for (const body of [
      poll('opens-soon', { opensAt: at(3) }),
      poll('closes-soon', { closesAt: at(2) }),
      poll('closes-later', { closesAt: at(20) }),
      poll('closed-early', { closesAt: at(2) }),
    ]) {
      assert.equal((await t.admin('POST', '/polls', body)).statusCode, 201);
    }
    await t.admin('POST', '/polls/closed-early/close');
    const proposal = (id: string, status: 'gathering' | 'moderation' | 'published') => ({
      id,
      title: `Proposal ${id}`,
      background: 'Why it matters.',
      details: null,
      name: 'A resident',
      email: 'resident@example.org',
      email_key: 'resident@example.org',
      postcode: 'AB1 2CD',
      locale: 'en',
      status,
      confirm_token_hash: id,
      flags: '[]',
      petition_id: null,
      rejection_reason: null,
      rejection_note: null,
      created_at: at(-40),
      confirmed_at: at(-40),
      decided_at: null,
    });
    await t.db
      .insertInto('petition_proposals')
      .values([
        proposal('waiting-1', 'moderation'),
        proposal('waiting-2', 'moderation'),
        proposal('gathering', 'gathering'),
        proposal('decided', 'published'),
      ])
      .execute();
  });
  after(() => t.close());

  it('counts this week’s unread comments and proposals in moderation, and lists consultations opening or closing in the coming week', async () => {
    const attention = t.json(await t.admin('GET', '/attention'));
    assert.equal(attention.newComments, 2);
    assert.deepEqual((attention.polls as Json[]).map((p) => `${p.id} ${p.status}`).sort(), [
      'closes-soon open',
      'opens-soon upcoming',
    ]);
    assert.equal(attention.proposals, 2, 'proposals in moderation, however old');
    assert.equal(attention.failedMail, 0, 'admins (and scripts) see failed mail');
  });
});

describe('signatures per day', () => {
  let t: TestServer;
  before(async () => {
    t = await testServer();
  });
  after(() => t.close());

  it('counts a petition’s counted signatures by the day they were made', async () => {
    const petition = await t.db.selectFrom('petitions').select('id').executeTakeFirstOrThrow();
    const signature = (n: number, day: string, status: 'counted' | 'pending_confirmation' = 'counted') => ({
      id: `sig-${n}`,
      petition_id: petition.id,
      email: `s${n}@example.org`,
      email_key: `s${n}@example.org`,
      name: `Signer ${n}`,
      show_name: 0,
      status,
      created_at: `${day}T12:00:0${n}.000Z`,
    });
    await t.db
      .insertInto('signatures')
      .values([
        signature(1, '2026-12-01'),
        signature(2, '2026-12-01'),
        signature(3, '2026-12-03'),
        signature(4, '2026-12-03', 'pending_confirmation'),
      ])
      .execute();
    const { days } = t.json(await t.admin('GET', `/petitions/${petition.id}/signatures-per-day`)) as {
      days: { day: string; count: number }[];
    };
    assert.deepEqual(days, [
      { day: '2026-12-01', count: 2 },
      { day: '2026-12-03', count: 1 },
    ]);
    assertProblem(await t.admin('GET', '/petitions/nope/signatures-per-day'), 404);
  });
});
