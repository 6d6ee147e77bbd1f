// A GeoReport v2 server written from the specification's text (https://wiki.open311.org/GeoReport_v2), for the
// Open311 end-to-end suite: JSON lists, `jurisdiction_id` on every call, a form-encoded `POST /requests.json` that
// needs `api_key`, a location and each required attribute, errors as a list of `{code, description}`, and
// `GET /requests/{id}.json` for a filed request's status. CORS as a real server behind a proxy would answer.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const API_KEY = 'e2e-open311-key';
export const JURISDICTION = 'leeds.example';

/** A service request as the server keeps it. */
export interface Filed {
  form: URLSearchParams;
  service_request_id: string;
}

export interface Open311Server {
  /** `http://127.0.0.1:PORT/open311/v2`: the server itself (the key must be added: see `proxied`). */
  url: string;
  /** `http://127.0.0.1:PORT/proxy/open311/v2`: the council's proxy, which adds the `api_key` to submissions. */
  proxied: string;
  /** Every request filed, in order. */
  filed: Filed[];
  close(): Promise<void>;
}

const SERVICES = [
  { service_code: 'web-feedback', service_name: 'Website feedback', metadata: true, type: 'realtime' },
  { service_code: 'pothole', service_name: 'Pothole', metadata: false, type: 'realtime' },
];
const DEFINITION = {
  service_code: 'web-feedback',
  attributes: [
    { variable: true, code: 'channel', datatype: 'string', required: true, description: 'Channel', order: 1 },
  ],
};

const read = (request: IncomingMessage) =>
  new Promise<string>((done) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => done(body));
  });

export async function startOpen311(): Promise<Open311Server> {
  const filed: Filed[] = [];
  let next = 638344;
  const server: Server = createServer(async (request, response) => {
    const send = (status: number, body: unknown) =>
      response
        .writeHead(status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Access-Control-Allow-Origin': request.headers.origin ?? '*',
        })
        .end(JSON.stringify(body));
    const fail = (status: number, description: string) => send(status, [{ code: status, description }]);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const proxied = url.pathname.startsWith('/proxy/');
    const path = url.pathname.replace(/^(\/proxy)?\/open311\/v2/, '');
    const body = request.method === 'POST' ? await read(request) : '';
    // The proxy of docs/adapters.md: the key goes on the way through, the page never holds it.
    const form = new URLSearchParams(proxied && body ? `${body}&api_key=${API_KEY}` : body);
    const jurisdiction =
      request.method === 'POST' ? form.get('jurisdiction_id') : url.searchParams.get('jurisdiction_id');
    if (jurisdiction !== JURISDICTION) return fail(400, 'jurisdiction_id was not provided or is not known');
    if (request.method === 'GET' && path === '/services.json') return send(200, SERVICES);
    if (request.method === 'GET' && path === '/services/web-feedback.json') return send(200, DEFINITION);
    const status = /^\/requests\/([^/]+)\.json$/.exec(path);
    if (request.method === 'GET' && status) {
      const found = filed.find((f) => f.service_request_id === decodeURIComponent(status[1]!));
      if (!found) return fail(404, 'service_request_id was not found');
      return send(200, [
        {
          service_request_id: found.service_request_id,
          status: 'open',
          status_notes: 'The web team will correct the page this week.',
          agency_responsible: 'Digital services',
          service_code: found.form.get('service_code'),
          requested_datetime: '2026-12-05T09:00:00Z',
          expected_datetime: '2026-12-11T17:00:00Z',
        },
      ]);
    }
    if (request.method !== 'POST' || path !== '/requests.json') return fail(404, 'Not found');
    if (form.get('api_key') !== API_KEY) return fail(403, 'api_key is missing or not valid');
    const service = SERVICES.find((s) => s.service_code === form.get('service_code'));
    if (!service) return fail(404, 'service_code was not found');
    if (!(form.has('lat') && form.has('long')) && !form.has('address_string') && !form.has('address_id')) {
      return fail(400, 'A location is required: lat and long, address_string or address_id');
    }
    if (service.metadata && !form.get('attribute[channel]')) return fail(400, 'attribute[channel] is required');
    const service_request_id = String(next++);
    filed.push({ form, service_request_id });
    return send(200, [{ service_request_id, service_notice: 'Thank you' }]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/open311/v2`,
    proxied: `${base}/proxy/open311/v2`,
    filed,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
