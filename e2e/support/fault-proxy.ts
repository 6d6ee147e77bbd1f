// A small HTTP proxy on loopback in front of the real server, for the network faults that need the server to take
// part: the server commits a submission but its answer never reaches the browser, or the answer comes late.
// Playwright's routing cannot do these (a routed request either reaches the server and answers, or does not).
import {
  createServer,
  request as forward,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does with one request. */
export type ProxyFault =
  /** Forward and answer: the default. */
  | 'forward'
  /** Forward, let the server answer (and commit), then drop the browser's connection: the answer is lost. */
  | 'lose-answer'
  /** Reset the browser's connection (TCP RST) on arrival; nothing reaches the server. */
  | 'reset'
  /** Accept the request and never answer nor forward it: the client must give up on its own timeout. */
  | 'hang'
  /** Forward at once (the server commits), but hold the answer this many milliseconds. */
  | { delayAnswerMs: number };

/** What one request was, what the proxy did, and what the server answered (when it was asked). */
export interface ProxyExchange {
  method: string;
  path: string;
  fault: ProxyFault;
  /** When the request arrived, in `Date.now()` milliseconds. */
  at: number;
  answer?: { status: number; body: string; replayed: boolean };
}

export interface RequestInfo {
  method: string;
  path: string;
  body: string;
}

export interface FaultProxy {
  /** `http://localhost:PORT`: the same paths as the server. */
  url: string;
  /** Every request that matched a plan, in order of arrival. */
  exchanges: ProxyExchange[];
  /** The next requests that satisfy `matches` get `faults`, one each, in order; after them, `forward`. */
  plan(matches: (request: RequestInfo) => boolean, faults: ProxyFault[]): void;
  /** Resolves once `count` matching exchanges have their server answer (or after `timeoutMs`, rejecting). */
  answered(count: number, timeoutMs?: number): Promise<ProxyExchange[]>;
  close(): Promise<void>;
}

// The connection is closed after every answer: a browser resends a request on its own when a reused keep-alive
// connection dies before the answer, which would hide the fault and miscount the browser's requests.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Starts a proxy to `target` (`http://localhost:PORT` of the real server). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const exchanges: ProxyExchange[] = [];
  let matches: (request: RequestInfo) => boolean = () => false;
  let queue: ProxyFault[] = [];
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const wake of waiters) wake();
  };

  const ask = (request: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const headers = { ...request.headers, host: upstream.host };
      const out = forward(
        { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers },
        (answer) => {
          readBody(answer).then(
            (data) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: data }),
            reject,
          );
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const info = { method: request.method ?? 'GET', path: request.url ?? '/', body: body.toString('utf8') };
    const planned = matches(info);
    const fault: ProxyFault = planned ? (queue.shift() ?? 'forward') : 'forward';
    const exchange: ProxyExchange = { method: info.method, path: info.path, fault, at: Date.now() };
    if (planned) exchanges.push(exchange);

    if (fault === 'reset') return void request.socket.resetAndDestroy();
    if (fault === 'hang') return; // the socket stays open until the browser gives up or the proxy closes
    let answer: Awaited<ReturnType<typeof ask>>;
    try {
      answer = await ask(request, body);
    } catch {
      return void request.socket.destroy();
    }
    exchange.answer = {
      status: answer.status,
      body: answer.body.toString('utf8'),
      replayed: answer.headers['idempotent-replayed'] === 'true',
    };
    notify();
    if (fault === 'lose-answer') return void request.socket.destroy();
    if (typeof fault === 'object') await new Promise((done) => setTimeout(done, fault.delayAnswerMs));
    if (request.socket.destroyed) return; // the browser gave up waiting
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    response.writeHead(answer.status, { ...headers, connection: 'close', 'content-length': answer.body.length });
    response.end(answer.body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));

  return {
    // `localhost` like the server's own URL: the browser treats the proxy as a third origin, as it would a CDN.
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    exchanges,
    plan(match, faults) {
      matches = match;
      queue = [...faults];
    },
    async answered(count, timeoutMs = 15_000) {
      const answers = () => exchanges.filter((e) => e.answer);
      const end = Date.now() + timeoutMs;
      while (answers().length < count) {
        if (Date.now() > end) throw new Error(`the proxy saw ${answers().length} answers, not ${count}`);
        await new Promise<void>((wake) => {
          const done = () => {
            waiters.delete(done);
            clearTimeout(timer);
            wake();
          };
          const timer = setTimeout(done, 100);
          waiters.add(done);
        });
      }
      return answers();
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
