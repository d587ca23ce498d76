// A tiny static HTTP server for the browser test and the bench: serves files with single-range
// `Range` support (206 + Content-Range, as PMTiles readers need), and counts requests per path.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.pmtiles': 'application/vnd.pmtiles',
  '.map': 'application/json',
};

export interface RangeServer {
  url: string;
  /** Requests per URL path since start (or the last `resetCounts`). */
  counts: Map<string, number>;
  resetCounts(): void;
  close(): Promise<void>;
}

/**
 * Serves `routes`: URL prefix → directory (or file, when the prefix names a file), plus in-memory
 * `pages` (path → HTML). Listens on 127.0.0.1 on a free port.
 */
export async function startRangeServer(
  routes: Record<string, string>,
  pages: Record<string, string> = {},
): Promise<RangeServer> {
  const counts = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const page = pages[path];
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      response.end(page);
      return;
    }
    const prefix = Object.keys(routes)
      .filter(
        (candidate) => path === candidate || path.startsWith(candidate.endsWith('/') ? candidate : `${candidate}/`),
      )
      .sort((a, b) => b.length - a.length)[0];
    const base = prefix === undefined ? undefined : routes[prefix]!;
    const file =
      base === undefined ? undefined : path === prefix ? base : join(base, normalize(path.slice(prefix!.length)));
    if (!file || (base !== undefined && !file.startsWith(base)) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(`not found: ${path}`);
      return;
    }
    const size = statSync(file).size;
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
      'cache-control': 'no-store',
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    if (request.headers.range && range) {
      const start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
      const end = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        response.writeHead(416, { ...headers, 'content-range': `bytes */${size}` });
        response.end();
        return;
      }
      response.writeHead(206, {
        ...headers,
        'content-range': `bytes ${start}-${end}/${size}`,
        'content-length': end - start + 1,
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file, { start, end }).pipe(response);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    resetCounts: () => counts.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
