// POST /api/revalidate — called by the Directus flow "Refresh the marketing site" whenever a page or block
// changes: expires every cached read of Directus content, so the next visit of each marketing page is
// rebuilt from Directus. The secret (REVALIDATE_SECRET) comes as `Authorization: Bearer …`.
import { revalidatePath, revalidateTag } from 'next/cache';
import { CONTENT_TAG } from '../../../lib/directus.ts';
import { secretMatches } from '../../../lib/secret.ts';

export async function POST(request: Request): Promise<Response> {
  const secret = process.env.REVALIDATE_SECRET?.trim();
  if (!secret) {
    return Response.json(
      { statusCode: 501, error: 'Not Implemented', message: 'REVALIDATE_SECRET is not set on the site' },
      { status: 501 },
    );
  }
  const given = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '');
  if (!secretMatches(given, secret)) {
    return Response.json(
      {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'missing or wrong revalidation secret (Authorization: Bearer …)',
      },
      { status: 401 },
    );
  }
  // Expire now (not stale-while-revalidate): the editor expects the next visit to show the change.
  revalidateTag(CONTENT_TAG, { expire: 0 });
  // Every marketing route, including pages that are new, renamed or now unpublished.
  revalidatePath('/', 'layout');
  return Response.json({ revalidated: true, tag: CONTENT_TAG });
}
