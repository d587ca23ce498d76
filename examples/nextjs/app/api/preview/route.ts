// GET /api/preview?secret=…&path=/fr/labour-market-outlook — editors' preview: turns on Next's draft mode
// (a cookie) and opens the page, which then reads the page from Directus uncached and drafts included.
// The secret is PREVIEW_SECRET; without it preview is off.
import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { secretMatches } from '../../../lib/secret.ts';

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (!secretMatches(url.searchParams.get('secret'), process.env.PREVIEW_SECRET?.trim())) {
    return Response.json(
      { statusCode: 401, error: 'Unauthorized', message: 'missing or wrong preview secret (?secret=…)' },
      { status: 401 },
    );
  }
  const path = url.searchParams.get('path') ?? '/';
  // Only a path of this site: never an open redirect to another origin.
  if (!/^\/(?!\/)[\w\-/]*$/.test(path)) {
    return Response.json(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: `path must be a path of this site such as /fr/about, not "${path}"`,
      },
      { status: 400 },
    );
  }
  (await draftMode()).enable();
  redirect(path);
}
