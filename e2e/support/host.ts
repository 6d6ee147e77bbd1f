// The council's own site: a second origin (127.0.0.1, against the server's `localhost`) that serves the pages a
// test writes, so that every request of a widget crosses origins and CORS is exercised.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file the host site serves. */
export interface HostFile {
  body: string;
  type?: string;
  headers?: Record<string, string>;
}

export interface Host {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Serves `file` at `path` (an HTML string is served as a page). */
  serve(path: string, file: HostFile | string): void;
  close(): Promise<void>;
}

export async function startHost(): Promise<Host> {
  const files = new Map<string, HostFile>();
  const server: Server = createServer((request, response) => {
    const file = files.get(request.url?.split(/[?#]/)[0] ?? '');
    if (!file) return void response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end();
    response
      .writeHead(200, { 'Content-Type': file.type ?? 'text/html; charset=utf-8', ...file.headers })
      .end(file.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve: (path, file) => void files.set(path, typeof file === 'string' ? { body: file } : file),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A host page as a webmaster writes it: module scripts from the CDN (or anywhere) and the widgets' tags. */
export function hostPage({ scripts, body, title = 'Host page' }: { scripts: string[]; body: string; title?: string }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
    ${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n    ')}
    </head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}
