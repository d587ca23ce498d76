// Security headers for every page, set per request because the Content-Security-Policy names the API and
// tile origins, which are read from the environment at run time (lib/config.ts); the policy is in lib/csp.ts.
import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy } from './lib/csp.ts';

export function proxy(_request: NextRequest): NextResponse {
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', contentSecurityPolicy(process.env.NODE_ENV === 'development'));
  return response;
}

export const config = {
  // Documents only: scripts, styles and images need no policy of their own.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
