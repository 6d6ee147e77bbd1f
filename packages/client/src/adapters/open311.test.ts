import { expect } from '@open-wc/testing';
import { createClient } from '../client.js';
import type { ClientError } from '../errors.js';
import { memoryOutboxStore } from '../outbox/memory-store.js';
import { ReportsClient } from '../resources/reports.js';
import type { FeedbackRequest } from '../schemas/feedback.js';
import { errorOf } from '../test-support/error-of.js';
import { json } from '../test-support/fake-fetch.js';
import { CONFIGURATION_PROBLEM } from './configuration.js';
import {
  type Open311AdapterOptions,
  type Open311Service,
  type Open311ServiceDefinition,
  open311Adapter,
} from './open311.js';

const endpoint = 'https://council.example.gov/open311/v2';
const API_KEY = 'server-side-secret';

const catalogue: Open311Service[] = [
  { service_code: 'web-feedback', service_name: 'Website feedback', metadata: true, type: 'realtime' },
  { service_code: 'pothole', service_name: 'Pothole', metadata: true, type: 'batch' },
  // Real servers send the flag as text too.
  { service_code: 'missed-bin', service_name: 'Missed bin', metadata: 'true' as unknown as boolean },
  { service_code: 'compliment', service_name: 'Compliment', metadata: false },
];
const definitions: Record<string, Open311ServiceDefinition> = {
  'web-feedback': {
    service_code: 'web-feedback',
    attributes: [
      { variable: true, code: 'rating', datatype: 'number', required: true, description: 'Rating', order: 1 },
      {
        variable: true,
        code: 'channel',
        datatype: 'singlevaluelist',
        required: true,
        description: 'How did you contact us?',
        order: 2,
        values: [
          { key: 'web', name: 'Website' },
          { key: 'phone', name: 'Phone' },
        ],
      },
    ],
  },
  pothole: {
    service_code: 'pothole',
    attributes: [{ variable: true, code: 'depth', datatype: 'string', required: true, description: 'How deep is it?' }],
  },
  // As published definitions come: flags and orders as text, keys as numbers, a datatype in capitals, and
  // attributes no form can ask.
  'missed-bin': {
    service_code: 'missed-bin',
    attributes: [
      {
        variable: false,
        code: 'note',
        datatype: 'string',
        required: false,
        description: 'We reply in 5 days.',
        order: 1,
      },
      {
        variable: true,
        code: 'bin',
        datatype: 'singlevaluelist',
        required: true,
        description: 'Which bin?',
        order: 3,
        values: [
          { key: 'black', name: 'Black (general waste)' },
          { key: 'green', name: 'Green (garden waste)' },
          { key: '', name: 'No key' },
        ],
      },
      {
        variable: true,
        code: 'hazards',
        datatype: 'multivaluelist',
        required: false,
        description: 'Anything dangerous nearby?',
        order: '4',
        values: [{ key: 'glass', name: 'Broken glass' }, { key: 7, name: 'Needles' }, { key: 'other' }],
      },
      {
        variable: 'true',
        code: 'when',
        datatype: 'DateTime',
        required: 'false',
        description: 'When was it due?',
        datatype_description: 'The collection day and time',
        order: 2,
      },
      { variable: true, code: 'count', datatype: 'number', required: true, description: 'How many bins?', order: 5 },
      { variable: true, code: 'details', datatype: 'text', required: false, description: '  Anything else?  ' },
      { variable: true, code: '', datatype: 'string', required: true, description: 'No code' },
      { variable: true, code: 'photo', datatype: 'picture', required: false, description: 'Unknown datatype' },
      { variable: true, code: 'empty', datatype: 'singlevaluelist', required: false, description: 'No values' },
      { variable: true, code: 'a[b]', datatype: 'string', required: false, description: 'Brackets' },
      { variable: true, code: 'rating', datatype: 'number', required: true, description: 'Filled by the adapter' },
      { variable: true, code: 'bin', datatype: 'string', required: false, description: 'Repeated code' },
      { variable: true, code: 'nameless', datatype: 'string', required: false },
      null,
      'garbage',
    ],
  } as unknown as Open311ServiceDefinition,
  compliment: { service_code: 'compliment', attributes: [] },
};

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  form?: URLSearchParams;
}

/**
 * A GeoReport v2 server, as the specification describes it: JSON lists, form-encoded `POST /requests.json`
 * with `api_key`, `jurisdiction_id`, a location and every required `attribute[...]`, and errors as a list of
 * `{code, description}`. A `batch` service answers with a `token`, the others with a `service_request_id`;
 * `GET /requests/{id}.json` answers a list of the one request (an unknown id: 404).
 */
function fakeOpen311() {
  const seen: Seen[] = [];
  const filed: Record<string, Record<string, string>> = {
    '638001': {
      service_request_id: '638001',
      status: 'closed',
      status_notes: 'Page corrected on 2 December.',
      agency_responsible: 'Web team',
      service_code: 'web-feedback',
      requested_datetime: '2026-11-30T09:00:00-00:00',
      updated_datetime: '2026-12-02T10:00:00-00:00',
      expected_datetime: '2026-12-03T17:00:00-00:00',
    },
  };
  const fail = (code: number, description: string) => json(code, [{ code, description }]);
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const headers = new Headers(init.headers);
    const method = init.method ?? 'GET';
    const form = method === 'POST' ? new URLSearchParams(String(init.body)) : undefined;
    seen.push({ method, url, headers, form });
    const path = url.pathname.replace('/open311/v2', '');
    const jurisdiction = form ? form.get('jurisdiction_id') : url.searchParams.get('jurisdiction_id');
    if (jurisdiction !== 'example.gov') return fail(400, 'jurisdiction_id was not provided or is unknown');
    if (method === 'GET' && path === '/services.json') return json(200, catalogue);
    const definition = /^\/services\/([^/]+)\.json$/.exec(path);
    if (method === 'GET' && definition) {
      const found = definitions[decodeURIComponent(definition[1]!)];
      return found ? json(200, found) : fail(404, 'service_code was not found');
    }
    const request = /^\/requests\/([^/]+)\.json$/.exec(path);
    if (method === 'GET' && request) {
      const found = filed[decodeURIComponent(request[1]!)];
      return found ? json(200, [found]) : fail(404, 'service_request_id was not found');
    }
    if (method !== 'POST' || path !== '/requests.json') return fail(404, 'Not found');
    if (!headers.get('Content-Type')?.startsWith('application/x-www-form-urlencoded')) {
      return fail(400, 'Requests must be form-encoded');
    }
    if (form!.get('api_key') !== API_KEY) return fail(403, 'api_key is missing or not valid');
    const service = catalogue.find((s) => s.service_code === form!.get('service_code'));
    if (!service) return fail(404, 'service_code was not found');
    if (!(form!.has('lat') && form!.has('long')) && !form!.has('address_string') && !form!.has('address_id')) {
      return fail(400, 'A location is required: lat and long, address_string or address_id');
    }
    const errors = [];
    for (const attribute of definitions[service.service_code]!.attributes.filter((a) => a?.code)) {
      const values = [
        ...form!.getAll(`attribute[${attribute.code}]`),
        ...form!.getAll(`attribute[${attribute.code}][]`),
      ];
      if (String(attribute.required) === 'true' && values.length === 0) {
        errors.push({ code: 400, description: `attribute[${attribute.code}] is required` });
      } else if (attribute.values && values.some((v) => !attribute.values!.some((allowed) => `${allowed.key}` === v))) {
        errors.push({ code: 400, description: `attribute[${attribute.code}] has a value that is not allowed` });
      }
    }
    if (errors.length) return json(400, errors);
    return service.type === 'batch'
      ? json(200, [{ token: '12345' }])
      : json(200, [{ service_request_id: '638344', service_notice: 'Thank you' }]);
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

/**
 * The reverse proxy of docs/adapters.md, in miniature: it appends the `api_key` to the form body on the way
 * through, so the page never holds it.
 */
const withApiKey =
  (fetch: typeof globalThis.fetch): typeof globalThis.fetch =>
  (input, init = {}) =>
    fetch(input, init.method === 'POST' ? { ...init, body: `${init.body}&api_key=${API_KEY}` } : init);

function setUp(extra: Partial<Open311AdapterOptions> = {}, proxy = true) {
  const server = fakeOpen311();
  const adapter = open311Adapter({
    endpoint,
    serviceCode: 'web-feedback',
    jurisdictionId: 'example.gov',
    addressString: 'Website',
    attributes: { channel: 'web' },
    fetch: proxy ? withApiKey(server.fetch) : server.fetch,
    ...extra,
  });
  const client = createClient({ adapter, outbox: memoryOutboxStore(), autoFlush: false, retry: { retries: 0 } });
  return { adapter, client, seen: server.seen };
}

const feedback: FeedbackRequest = {
  topic: 'bins/collection-days',
  rating: { scale: 'stars', value: 4 },
  comment: '  The page did not say when the garden waste is collected.  ',
  reasons: ['outdated', 'hard-to-understand'],
  pageUrl: 'https://example.gov/bins',
  locale: 'en-GB',
};

describe('open311Adapter', () => {
  it('files feedback as a form-encoded POST /requests.json and returns the service_request_id', async () => {
    const { client, seen } = setUp();
    const result = await client.submitFeedback(feedback);
    expect(result).to.deep.equal({ status: 'delivered', receipt: { receiptId: '638344' } });
    expect(seen).to.have.length(1);
    const [request] = seen;
    expect(request!.method).to.equal('POST');
    expect(request!.url.href).to.equal(`${endpoint}/requests.json`);
    expect([...request!.form!.entries()].filter(([key]) => key !== 'api_key')).to.deep.equal([
      ['jurisdiction_id', 'example.gov'],
      ['service_code', 'web-feedback'],
      ['description', 'The page did not say when the garden waste is collected.'],
      ['address_string', 'Website'],
      ['attribute[channel]', 'web'],
      ['attribute[rating]', '4'],
      ['attribute[rating_scale]', 'stars 1-5'],
      ['attribute[topic]', 'bins/collection-days'],
      ['attribute[page_url]', 'https://example.gov/bins'],
      ['attribute[reasons][]', 'outdated'],
      ['attribute[reasons][]', 'hard-to-understand'],
      ['attribute[locale]', 'en-GB'],
    ]);
    // Only CORS-safelisted headers, so that the browser sends no preflight.
    expect([...request!.headers.keys()].sort()).to.deep.equal(['accept', 'content-type']);
  });

  it('returns the token of a service that creates requests later', async () => {
    const { client } = setUp({ serviceCode: 'pothole', attributes: { depth: '10 cm' } });
    expect(await client.submitFeedback(feedback)).to.deep.equal({
      status: 'delivered',
      receipt: { receiptId: '12345' },
    });
  });

  it('sends a point instead of an address, no description without a comment, and its own attribute codes', async () => {
    const { client, seen } = setUp({
      serviceCode: 'pothole',
      addressString: undefined,
      location: { lat: 53.8, lng: -1.55 },
      attributes: { depth: 'shallow' },
      feedbackAttributes: { rating: 'score', scale: null, topic: null, pageUrl: null, reasons: null, locale: null },
    });
    await client.submitFeedback({ topic: 'page', rating: { scale: 'thumbs', value: 0 } });
    const form = seen[0]!.form!;
    form.delete('api_key');
    expect(Object.fromEntries(form)).to.deep.equal({
      jurisdiction_id: 'example.gov',
      service_code: 'pothole',
      lat: '53.8',
      long: '-1.55',
      'attribute[depth]': 'shallow',
      'attribute[score]': '0',
    });
  });

  it('sends the resident\'s own place (location="ask") instead of the page\'s fixed one', async () => {
    const { client, seen } = setUp({ location: { lat: 1, lng: 2 } });
    await client.submitFeedback({ ...feedback, location: { lat: 53.79648, lng: -1.54785 } });
    await client.submitFeedback({ ...feedback, address: ' 12 Park Row, Leeds ' });
    const [point, address] = seen.map((s) => s.form!);
    expect([point!.get('lat'), point!.get('long'), point!.get('address_string')]).to.deep.equal([
      '53.79648',
      '-1.54785',
      'Website',
    ]);
    expect([address!.get('lat'), address!.get('long'), address!.get('address_string')]).to.deep.equal([
      '1',
      '2',
      '12 Park Row, Leeds',
    ]);
  });

  it('refuses a position that is not one before anything is sent', async () => {
    const { client, seen } = setUp();
    const error = await errorOf(client.submitFeedback({ ...feedback, location: { lat: 91, lng: 0 } }));
    expect(error.kind).to.equal('validation');
    expect(seen).to.deep.equal([]);
  });

  it('maps GeoReport errors on attributes to validation field errors, and does not queue them', async () => {
    const { client } = setUp({ attributes: {} });
    const error = await errorOf(client.submitFeedback(feedback));
    expect(error).to.include({ kind: 'validation', status: 400, message: 'attribute[channel] is required' });
    expect(error.fieldErrors).to.deep.equal([{ path: 'attribute.channel', message: 'attribute[channel] is required' }]);
    expect(error.problem?.type).to.equal('https://civic-widgets.org/problems/open311');
    // docs/adapters.md: every description is in `detail`, one as well as several.
    expect(error.problem?.detail).to.equal('attribute[channel] is required');
    expect(await client.pending()).to.deep.equal([]);
  });

  it('names our own field when the server refuses one of ours', async () => {
    // The scale goes out as attribute[channel], which the server refuses; rating is not sent at all.
    const { client } = setUp({ feedbackAttributes: { rating: null, scale: 'channel' }, attributes: {} });
    const error = await errorOf(client.submitFeedback(feedback));
    expect(error.fieldErrors.map((e) => e.path)).to.deep.equal(['attribute.rating', 'rating.scale']);
    expect(error.problem?.detail).to.equal(
      'attribute[rating] is required\nattribute[channel] has a value that is not allowed',
    );
  });

  it('reports an unknown service code on submission as a configuration error naming service-code, not queued', async () => {
    const { client } = setUp({ serviceCode: 'no-such-service' });
    const error = await errorOf(client.submitFeedback(feedback));
    expect(error.problem).to.include({ type: CONFIGURATION_PROBLEM, status: 404 });
    expect(error.message).to.match(/service_code was not found.*service-code attribute \(serviceCode option\)/);
    expect(await client.pending()).to.deep.equal([]);
  });

  it('never holds the api_key: without the proxy the server refuses, a configuration error naming the proxy', async () => {
    const { client, seen } = setUp({}, false);
    const error = await errorOf(client.submitFeedback(feedback));
    expect(error.problem).to.include({ type: CONFIGURATION_PROBLEM, status: 403 });
    expect(error.message).to.match(/endpoint attribute .* proxy that adds the api_key/);
    expect(seen[0]!.form!.has('api_key')).to.equal(false);
  });

  it('refuses at once an endpoint holding an api_key, naming the attribute and not the key', () => {
    const refused = (options: Open311AdapterOptions) => {
      try {
        open311Adapter(options);
      } catch (error) {
        return error as ClientError;
      }
      throw new Error('accepted');
    };
    const key = refused({ endpoint: `${endpoint}?api_key=${API_KEY}`, serviceCode: 'x' });
    expect(key.problem?.type).to.equal(CONFIGURATION_PROBLEM);
    expect(key.message).to.match(/endpoint attribute .* holds an api_key/);
    expect(key.message).not.to.include(API_KEY);
  });

  it('needs a service code to ask or file feedback, not to read a status', async () => {
    const { adapter, seen } = setUp({ serviceCode: '' });
    for (const attempt of [
      adapter.feedbackFields('t'),
      adapter.submitFeedback(feedback, { signal: AbortSignal.timeout(1000) }),
    ]) {
      const error = await errorOf(attempt);
      expect(error.problem?.type).to.equal(CONFIGURATION_PROBLEM);
      expect(error.message).to.match(/set the service-code attribute \(serviceCode option\)/);
    }
    expect(seen).to.deep.equal([]);
    expect((await adapter.reportStatus('638001')).status).to.equal('closed');
  });

  it('gives a refusal for want of a location as an error on the address the resident can type, its reason in detail', async () => {
    const { client } = setUp({ addressString: undefined });
    const error = await errorOf(client.submitFeedback(feedback));
    expect(error).to.include({ kind: 'validation', status: 400 });
    const reason = 'A location is required: lat and long, address_string or address_id';
    expect(error.fieldErrors).to.deep.equal([{ path: 'address', message: reason }]);
    expect(error.problem?.detail).to.equal(reason);
  });

  it('names a field the widget shows when a description mentions its code in prose', async () => {
    const adapter = open311Adapter({
      endpoint,
      serviceCode: 'web-feedback',
      fetch: async (input, init) =>
        init?.method === 'POST'
          ? json(400, [
              { code: 400, description: 'The channel is missing' },
              { code: 400, description: 'Rating: too low' },
            ])
          : String(input).includes('/services.json')
            ? json(200, catalogue)
            : json(200, definitions['web-feedback']),
    });
    await adapter.feedbackFields('t', {});
    const error = await errorOf(adapter.submitFeedback(feedback, { signal: new AbortController().signal }));
    expect(error.fieldErrors.map((e) => e.path)).to.deep.equal(['fields.channel', 'rating.value']);
  });

  it("reads a report's status with GET /requests/{id}.json, and an unknown one as a 404", async () => {
    const { adapter, client, seen } = setUp();
    expect(await adapter.reportStatus('638001')).to.deep.equal({
      reference: '638001',
      status: 'closed',
      statusNotes: 'Page corrected on 2 December.',
      agencyResponsible: 'Web team',
      expectedDatetime: '2026-12-03T17:00:00-00:00',
      updatedDatetime: '2026-12-02T10:00:00-00:00',
    });
    expect(`${seen[0]!.method} ${seen[0]!.url.pathname}?${seen[0]!.url.searchParams}`).to.equal(
      'GET /open311/v2/requests/638001.json?jurisdiction_id=example.gov',
    );
    expect((await errorOf(adapter.reportStatus('999'))).status).to.equal(404);
    const reports = new ReportsClient(client.core);
    expect((await reports.reportStatus('638001')).status).to.equal('closed');
    expect((await errorOf(reports.reportStatus('999'))).status).to.equal(404);
    expect((await errorOf(reports.reportStatus(''))).kind).to.equal('validation');
    const rest = new ReportsClient(createClient({ endpoint, outbox: memoryOutboxStore(), autoFlush: false }).core);
    expect((await errorOf(rest.reportStatus('638001'))).status).to.equal(405);
  });

  it('keeps feedback in the outbox when the server is down', async () => {
    const adapter = open311Adapter({
      endpoint,
      serviceCode: 'web-feedback',
      fetch: async () => json(503, [{ code: 503, description: 'Maintenance' }], { 'Retry-After': '120' }),
    });
    const client = createClient({ adapter, outbox: memoryOutboxStore(), autoFlush: false, retry: { retries: 0 } });
    expect((await client.submitFeedback(feedback)).status).to.equal('queued');
    expect(await client.pending()).to.have.length(1);
  });

  it('treats an answer without service_request_id or token as invalid', async () => {
    const adapter = open311Adapter({ endpoint, serviceCode: 'web-feedback', fetch: async () => json(200, [{}]) });
    const ctx = { signal: new AbortController().signal };
    expect((await errorOf(adapter.submitFeedback(feedback, ctx))).kind).to.equal('invalid-response');
  });

  it('drops a filled honeypot without sending anything, as a server would', async () => {
    const { client, seen } = setUp();
    const result = await client.submitFeedback({ ...feedback, website: 'http://spam.example' });
    expect(result.status).to.equal('delivered');
    expect(seen).to.deep.equal([]);
  });

  it('lists services and reads a service definition, with the jurisdiction', async () => {
    const { adapter, seen } = setUp();
    expect((await adapter.services()).map((s) => s.service_code)).to.deep.equal([
      'web-feedback',
      'pothole',
      'missed-bin',
      'compliment',
    ]);
    const definition = await adapter.serviceDefinition('web-feedback');
    expect(definition.attributes.map((a) => [a.code, a.datatype, a.required])).to.deep.equal([
      ['rating', 'number', true],
      ['channel', 'singlevaluelist', true],
    ]);
    expect(seen.map((s) => `${s.method} ${s.url.pathname}?${s.url.searchParams}`)).to.deep.equal([
      'GET /open311/v2/services.json?jurisdiction_id=example.gov',
      'GET /open311/v2/services/web-feedback.json?jurisdiction_id=example.gov',
    ]);
    expect((await errorOf(adapter.serviceDefinition('gone'))).status).to.equal(404);
  });

  it('files a problem report with the fields of its service definition', async () => {
    const { adapter, seen } = setUp();
    const receipt = await adapter.submitRequest({
      service_code: 'pothole',
      description: 'Deep pothole',
      lat: 53.8,
      long: -1.55,
      email: 'resident@example.org',
      attribute: { depth: '10 cm' },
    });
    expect(receipt).to.deep.equal({ token: '12345' });
    expect(seen[0]!.form!.get('attribute[depth]')).to.equal('10 cm');
    expect(seen[0]!.form!.get('email')).to.equal('resident@example.org');
  });

  it('refuses the rest of the protocol with a 405', async () => {
    const { client, seen } = setUp();
    expect((await errorOf(client.searchServices({}))).status).to.equal(405);
    expect(
      (await errorOf(client.signPetition('p1', { name: 'A', email: 'a@example.org', consent: true }))).status,
    ).to.equal(405);
    expect(seen).to.deep.equal([]);
  });

  describe('extra fields of the service definition', () => {
    const missedBin = { serviceCode: 'missed-bin', attributes: {} };

    it('reads the definition once and maps its attributes to fields, in order, leaving out what it cannot ask', async () => {
      const { client, seen } = setUp(missedBin);
      const fields = await client.feedbackFields('page:/bins');
      expect(fields).to.deep.equal([
        { code: 'note', type: 'info', label: 'We reply in 5 days.', required: false },
        {
          code: 'when',
          type: 'datetime',
          label: 'When was it due?',
          hint: 'The collection day and time',
          required: false,
        },
        {
          code: 'bin',
          type: 'choice',
          label: 'Which bin?',
          required: true,
          options: [
            { value: 'black', label: 'Black (general waste)' },
            { value: 'green', label: 'Green (garden waste)' },
          ],
        },
        {
          code: 'hazards',
          type: 'choices',
          label: 'Anything dangerous nearby?',
          required: false,
          options: [
            { value: 'glass', label: 'Broken glass' },
            { value: '7', label: 'Needles' },
            { value: 'other', label: 'other' },
          ],
        },
        { code: 'count', type: 'number', label: 'How many bins?', required: true },
        { code: 'details', type: 'textarea', label: 'Anything else?', required: false },
      ]);
      expect(await client.feedbackFields('page:/other')).to.deep.equal(fields);
      expect(seen.map((s) => `${s.method} ${s.url.pathname}`)).to.deep.equal([
        'GET /open311/v2/services.json',
        'GET /open311/v2/services/missed-bin.json',
      ]);
    });

    it('sends the answers as attribute[code], a multiple choice as attribute[code][], beside the rating', async () => {
      const { client, seen } = setUp(missedBin);
      const result = await client.submitFeedback({
        ...feedback,
        fields: [
          { code: 'bin', value: 'green' },
          { code: 'hazards', values: ['glass', '7'] },
          { code: 'count', value: '2' },
          { code: 'when', value: '2026-11-27T07:00:00.000Z' },
        ],
      });
      expect(result.status).to.equal('delivered');
      const form = [...seen[0]!.form!.entries()].filter(([key]) => key.startsWith('attribute['));
      expect(form).to.deep.equal([
        ['attribute[bin]', 'green'],
        ['attribute[hazards][]', 'glass'],
        ['attribute[hazards][]', '7'],
        ['attribute[count]', '2'],
        ['attribute[when]', '2026-11-27T07:00:00.000Z'],
        ['attribute[rating]', '4'],
        ['attribute[rating_scale]', 'stars 1-5'],
        ['attribute[topic]', 'bins/collection-days'],
        ['attribute[page_url]', 'https://example.gov/bins'],
        ['attribute[reasons][]', 'outdated'],
        ['attribute[reasons][]', 'hard-to-understand'],
        ['attribute[locale]', 'en-GB'],
      ]);
    });

    it("the adapter's own attributes win over an answer with the same code", async () => {
      const { client, seen } = setUp({ serviceCode: 'missed-bin', attributes: { bin: 'black', count: '1' } });
      await client.submitFeedback({
        ...feedback,
        fields: [
          { code: 'bin', value: 'green' },
          { code: 'rating', value: '1' },
        ],
      });
      expect(seen[0]!.form!.getAll('attribute[bin]')).to.deep.equal(['black']);
      expect(seen[0]!.form!.getAll('attribute[rating]')).to.deep.equal(['4']);
    });

    it('names the field when the server refuses an answer to one of its questions', async () => {
      const { client } = setUp(missedBin);
      await client.feedbackFields('page:/bins');
      const error = await errorOf(
        client.submitFeedback({
          ...feedback,
          fields: [
            { code: 'bin', value: 'blue' },
            { code: 'count', value: '1' },
          ],
        }),
      );
      expect(error.kind).to.equal('validation');
      expect(error.fieldErrors).to.deep.equal([
        { path: 'fields.bin', message: 'attribute[bin] has a value that is not allowed' },
      ]);
    });

    it('makes no definition request for a service without metadata', async () => {
      const { client, seen } = setUp({ serviceCode: 'compliment' });
      expect(await client.feedbackFields('page:/bins')).to.deep.equal([]);
      expect(seen.map((s) => s.url.pathname)).to.deep.equal(['/open311/v2/services.json']);
    });

    it('reports a service the server does not list as a configuration error naming service-code and the codes', async () => {
      const { client, seen } = setUp({ serviceCode: 'no-such-service' });
      const error = await errorOf(client.feedbackFields('page:/bins'));
      expect(error.problem?.type).to.equal(CONFIGURATION_PROBLEM);
      expect(error.message).to.match(/service-code attribute.*web-feedback, pothole, missed-bin, compliment/);
      expect(seen.map((s) => s.url.pathname)).to.deep.equal(['/open311/v2/services.json']);
    });

    it('reports a server that does not list services (404, HTML, another shape) as a configuration error on endpoint', async () => {
      for (const reply of [
        () => json(404, { title: 'Not found' }),
        () => new Response('<html>Welcome</html>', { status: 200 }),
        () => json(200, { services: [] }),
      ]) {
        const adapter = open311Adapter({ endpoint, serviceCode: 'web-feedback', fetch: async () => reply() });
        const error = await errorOf(adapter.feedbackFields('t', {}));
        expect(error.problem?.type).to.equal(CONFIGURATION_PROBLEM);
        expect(error.message).to.match(/services\.json is not a GeoReport v2 list.*endpoint attribute/);
      }
    });

    it('tolerates broken definitions: no fields rather than a failed widget', async () => {
      for (const definition of [{}, { attributes: 'none' }, [], null, { attributes: [{ code: 'x' }, 42] }]) {
        const adapter = open311Adapter({
          endpoint,
          serviceCode: 'web-feedback',
          fetch: async (input) =>
            String(input).endsWith('/services.json') ? json(200, catalogue) : json(200, definition),
        });
        const client = createClient({ adapter, outbox: memoryOutboxStore(), autoFlush: false });
        expect(await client.feedbackFields('t'), JSON.stringify(definition)).to.deep.equal([]);
      }
    });

    it('reports a definition that cannot be read, and asks again next time', async () => {
      let calls = 0;
      const adapter = open311Adapter({
        endpoint,
        serviceCode: 'pothole',
        fetch: async (input) => {
          calls++;
          if (String(input).includes('/services.json')) return json(200, catalogue);
          return calls < 3 ? new Response('<html>Bad gateway</html>', { status: 200 }) : json(200, definitions.pothole);
        },
      });
      const client = createClient({ adapter, outbox: memoryOutboxStore(), autoFlush: false });
      expect((await errorOf(client.feedbackFields('t'))).kind).to.equal('invalid-response');
      expect((await client.feedbackFields('t')).map((f) => f.code)).to.deep.equal(['depth']);
    });

    it('other adapters have no extra fields', async () => {
      const client = createClient({
        endpoint: 'https://api.example.gov/v1',
        outbox: memoryOutboxStore(),
        autoFlush: false,
      });
      expect(await client.feedbackFields('page:/bins')).to.deep.equal([]);
    });
  });
});
