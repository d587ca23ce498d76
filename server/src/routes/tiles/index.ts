// GET /tiles/{name}.pmtiles: PMTiles archives from TILES_DIR with HTTP Range (206, suffix ranges, 416),
// a strong ETag (size + mtime) honoured by If-None-Match and If-Range, and a long Cache-Control.
// Hand-written on range-parser rather than @fastify/static because PMTiles clients need a strong ETag
// (send's is weak) and errors must be the API's JSON.
//
// Tiles are PUBLIC: no key, `Access-Control-Allow-Origin: *` (plugins/external/cors.ts), no Vary: Origin.
// This is how the production R2 bucket behind the CDN serves them (`chronos-tiles upload` prints the same
// CORS rule), so a map behaves the same against `npm start` and production. Keying them would buy nothing:
// basemap and boundary geometry is public data, not what a key protects (the API's metric values and its
// database are); a key in the URL would split every shared cache per embedding site, and a keyed CORS
// answer (Vary: Origin) could not be cached once for all. MapLibre's pmtiles:// requests also carry no
// key. Archives are not HTTP-compressed: their tiles are gzipped inside, and byte ranges must address
// the stored bytes.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import parseRange from 'range-parser';
import Type from 'typebox';
import { etagMatches } from '../../cache/response-cache.ts';
import { errorBody, listChoices, notFound } from '../../http-error.ts';
import { ErrorResponse, Key } from '../../schemas.ts';

export const TILES_CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

const plugin: FastifyPluginAsyncTypebox<{ tilesDir: string }> = async (fastify, { tilesDir }) => {
  async function available(): Promise<string[]> {
    try {
      return (await readdir(tilesDir)).filter((name) => name.endsWith('.pmtiles')).sort();
    } catch {
      return [];
    }
  }

  fastify.get(
    '/:file',
    {
      schema: {
        tags: ['tiles'],
        summary: 'A PMTiles archive (send Range: bytes=… for 206 partial content)',
        params: Type.Object({
          file: Type.String({ maxLength: 132, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\.pmtiles$' }),
        }),
        // Accepted and ignored (tiles are public), so a URL carrying the page's key still works.
        querystring: Type.Object({ key: Key }),
        response: {
          200: Type.Unknown({ description: 'The whole archive' }),
          206: Type.Unknown({ description: 'The requested byte range' }),
          304: Type.Null(),
          400: ErrorResponse,
          404: ErrorResponse,
          416: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { file } = request.params;
      const path = join(tilesDir, file);
      const stats = await stat(path).catch(() => null);
      if (!stats?.isFile()) {
        const names = await available();
        throw notFound(
          names.length > 0
            ? `No tile archive "${file}". Available: ${listChoices(names)}.`
            : `No tile archive "${file}": none are built yet in ${tilesDir} (run pnpm build).`,
        );
      }
      const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
      reply.header('accept-ranges', 'bytes');
      reply.header('etag', etag);
      reply.header('last-modified', stats.mtime.toUTCString());
      reply.header('cache-control', TILES_CACHE_CONTROL);
      reply.header('content-type', 'application/vnd.pmtiles');
      const rangeHeader = request.headers.range;
      const ifRange = request.headers['if-range'];
      const rangeApplies = rangeHeader !== undefined && (ifRange === undefined || ifRange === etag);
      if (!rangeApplies && etagMatches(request.headers['if-none-match'], etag.slice(1, -1))) {
        return reply.code(304).send(null);
      }
      if (rangeApplies) {
        const ranges = parseRange(stats.size, rangeHeader, { combine: true });
        if (ranges === -1) {
          reply.header('content-range', `bytes */${stats.size}`);
          return reply
            .code(416)
            .type('application/json; charset=utf-8')
            .send(errorBody(416, `Range ${rangeHeader} is outside the archive (${stats.size} bytes).`));
        }
        // A malformed header, another unit or several ranges: answer with the whole archive (RFC 9110 allows
        // ignoring Range); PMTiles clients ask for one range at a time.
        if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) {
          const { start, end } = ranges[0]!;
          reply.code(206);
          reply.header('content-range', `bytes ${start}-${end}/${stats.size}`);
          reply.header('content-length', end - start + 1);
          return reply.send(createReadStream(path, { start, end }));
        }
      }
      reply.header('content-length', stats.size);
      return reply.send(createReadStream(path));
    },
  );
};

export default plugin;
