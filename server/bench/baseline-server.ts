// A baseline server for bench:api, in its own process like the real server it is compared with:
//   bare <port> <dir>     a bare Fastify app answering /data and /boundaries with the exact bytes and
//                         headers the cached routes send (files <name>.<encoding>.body / .headers.json)
//   seed <port> <dbUrl>   the seed's way: query PostGIS and serialize on every request, no cache
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { createDb } from '../src/db/client.ts';
import { buildData } from '../src/responses/choropleth.ts';

const [mode, portText, arg] = process.argv.slice(2);
const app = Fastify();

if (mode === 'bare') {
  for (const name of ['data', 'boundaries']) {
    const variants = new Map<string, { body: Buffer; headers: Record<string, string> }>();
    for (const encoding of ['br', 'gzip', 'identity']) {
      variants.set(encoding, {
        body: readFileSync(join(arg!, `${name}.${encoding}.body`)),
        headers: JSON.parse(readFileSync(join(arg!, `${name}.${encoding}.headers.json`), 'utf8')),
      });
    }
    // The same negotiation the app does, so each client gets the bytes it would get from the app.
    app.get(`/${name}`, async (request, reply) => {
      const accept = request.headers['accept-encoding'] ?? '';
      const variant = variants.get(accept.includes('br') ? 'br' : accept.includes('gzip') ? 'gzip' : 'identity')!;
      return reply.headers(variant.headers).send(variant.body);
    });
  }
} else if (mode === 'seed') {
  const db = await createDb({ databaseUrl: arg! });
  const sets = ['ca-provinces', 'us-states'];
  const { rows: regions } = await db.query<{ code: string }>(
    'select code from regions where set_id = any($1::text[]) order by code',
    [sets],
  );
  const regionsInSets = regions.map((row) => row.code);
  app.get('/data', async (_request, reply) =>
    reply
      .type('application/json')
      .send(await buildData(db, { metric: 'unemployment', sets, regionsInSets, time: 'latest' })),
  );
  app.get('/boundaries', async (_request, reply) => {
    const { rows } = await db.query<{ code: string; name: string; name_fr: string; country: string; geometry: string }>(
      `select code, name, name_fr, country, ST_AsGeoJSON(geom) as geometry
       from regions where set_id = any($1::text[]) order by code`,
      [sets],
    );
    const features = rows.map(
      (row) =>
        `{"type":"Feature","id":${JSON.stringify(row.code)},"properties":${JSON.stringify({ code: row.code, name: row.name, name_fr: row.name_fr, country: row.country })},"geometry":${row.geometry}}`,
    );
    return reply.type('application/geo+json').send(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
  });
  app.addHook('onClose', () => db.close());
} else {
  throw new Error(`unknown mode "${mode}"; valid: bare, seed`);
}

await app.listen({ host: '127.0.0.1', port: Number(portText) });
process.stdout.write('ready\n');
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
