// Placeholder until the API lands: `serve` answers http://127.0.0.1:8787 with a page saying so.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end('<!doctype html><title>Chronos</title><h1>Chronos</h1><p>The API is on its way.</p>');
});
server.listen(port, host, () => console.log(`Chronos listening on http://${host}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
