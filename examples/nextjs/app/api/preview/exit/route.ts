// GET /api/preview/exit — leaves preview (draft mode) and returns to the front page.
import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';

export async function GET(): Promise<Response> {
  (await draftMode()).disable();
  redirect('/');
}
