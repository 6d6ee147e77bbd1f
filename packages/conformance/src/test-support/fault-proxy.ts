// A deliberately broken backend: the reference server behind a proxy that breaks one rule of the protocol.
// Starting from a backend that passes every check, one fault should fail exactly the check that names it.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request on its way to the backend; a fault may change it. `path` is relative to the API base. */
export interface ProxiedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
}

/** The backend's answer on its way back; a fault may change it. */
export interface ProxiedReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Fault {
  request?(request: ProxiedRequest): void;
  reply?(request: ProxiedRequest, reply: ProxiedReply): void;
}

// Set by the proxy itself for the body it sends.
const HOP_BY_HOP = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'host']);

export async function startFaultProxy(target: string, fault: Fault): Promise<{ url: string; stop(): Promise<void> }> {
  const base = new URL(target);
  const server = createServer(async (incoming, outgoing) => {
    const request = await read(incoming, base.pathname);
    fault.request?.(request);
    const search = request.query.toString();
    const response = await fetch(`${target}${request.path}${search ? `?${search}` : ''}`, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' || request.method === 'OPTIONS' ? undefined : request.body,
      redirect: 'manual',
    });
    const reply: ProxiedReply = {
      status: response.status,
      headers: Object.fromEntries([...response.headers].filter(([name]) => !HOP_BY_HOP.has(name))),
      body: await response.text(),
    };
    fault.reply?.(request, reply);
    outgoing.writeHead(reply.status, reply.headers).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base.pathname}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function read(incoming: IncomingMessage, basePath: string): Promise<ProxiedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const url = new URL(incoming.url ?? '/', 'http://proxy');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === 'string' && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  return {
    method: incoming.method ?? 'GET',
    path: url.pathname.slice(basePath.length),
    query: url.searchParams,
    headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}
