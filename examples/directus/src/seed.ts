// The idempotent seed, run after `directus schema apply`: the map block's choices from the Chronos API
// (`/api/metrics`) and @chronos/core's schemes, the editor role, the site's read-only user, public read of
// published pages where Directus allows it, the flow that refreshes the site when content changes, and the
// seed pages. Existing pages are left as editors made them; running it again changes nothing else.
import { schemeIds } from '@chronos/core';
import { type MapBlock, type Page, seedPages } from './content.ts';

export interface SeedOptions {
  directusUrl: string;
  adminEmail: string;
  adminPassword: string;
  /** The Chronos API whose `/api/metrics` lists the metrics a map block may show; unset = keep current choices. */
  chronosApiUrl?: string;
  /** Static token of the site's read-only user (the Next.js site sends it as DIRECTUS_TOKEN). */
  siteToken: string;
}

export interface SeedResult {
  pagesCreated: number;
  pagesKept: number;
  /** Metric ids offered to editors (from /api/metrics), or undefined when the API was not consulted. */
  metrics?: string[];
  /** Whether anonymous visitors may read published pages straight from Directus (filtered permission). */
  publicReadOfPublished: boolean;
}

export class DirectusRequestError extends Error {
  readonly status: number;
  constructor(status: number, body: string, what: string) {
    super(`${what}: Directus answered ${status}: ${body.slice(0, 500)}`);
    this.status = status;
  }
}

type Request = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

async function login(options: SeedOptions): Promise<Request> {
  const response = await fetch(`${options.directusUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: options.adminEmail, password: options.adminPassword }),
  });
  if (!response.ok) throw new DirectusRequestError(response.status, await response.text(), 'admin login');
  const token = ((await response.json()) as { data: { access_token: string } }).data.access_token;
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await fetch(`${options.directusUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    if (!answer.ok) throw new DirectusRequestError(answer.status, text, `${method} ${path}`);
    return (text ? (JSON.parse(text) as { data: T }).data : undefined) as T;
  };
}

interface MetricSummary {
  id: string;
  title: string;
  geo: string[];
}

/** The metrics the Chronos API serves; throws naming the URL when it does not answer. */
export async function fetchMetrics(apiUrl: string): Promise<MetricSummary[]> {
  let response: Response;
  try {
    response = await fetch(`${apiUrl.replace(/\/$/, '')}/api/metrics`);
  } catch (error) {
    throw new Error(
      `the Chronos API at ${apiUrl} is not reachable (${(error as Error).message}); start it or pass --api`,
    );
  }
  if (!response.ok) throw new Error(`${apiUrl}/api/metrics answered ${response.status}`);
  return ((await response.json()) as { metrics: MetricSummary[] }).metrics;
}

/** Checks a map block against the API's metrics; the error names the valid choices. */
export function checkMapBlock(block: MapBlock, metrics: readonly MetricSummary[], where: string): void {
  const metric = metrics.find((candidate) => candidate.id === block.metric);
  if (!metric) {
    throw new Error(
      `${where}: unknown metric "${block.metric}". Valid metrics: ${metrics.map((m) => m.id).join(', ')}.`,
    );
  }
  for (const geo of (block.geo ?? '').split(',').filter(Boolean)) {
    if (!metric.geo.includes(geo))
      throw new Error(`${where}: metric "${metric.id}" has no geo "${geo}". Valid geo: ${metric.geo.join(', ')}.`);
  }
  if (block.scheme && !schemeIds.includes(block.scheme))
    throw new Error(`${where}: unknown scheme "${block.scheme}". Valid schemes: ${schemeIds.join(', ')}.`);
}

/** Fields of pages_blocks whose choices and validation the seed writes (applySchema keeps them). */
export const SEEDED_CHOICES: readonly string[] = ['metric', 'geo', 'scheme'];

/**
 * Editors pick the metric, geo and scheme from dropdowns filled from the API and @chronos/core; Directus itself
 * refuses any other value on save (field validation), whoever writes it (app, API, import).
 */
async function syncMapChoices(request: Request, metrics: readonly MetricSummary[]): Promise<void> {
  // In the element's own default order (`us-states,ca-provinces`), so the combined choice reads as it does.
  const order = (geo: string) => ['us-states', 'ca-provinces'].indexOf(geo) >>> 0;
  const geos = [...new Set(metrics.flatMap((metric) => metric.geo))].sort((a, b) => order(a) - order(b));
  const geoChoices = [...(geos.length > 1 ? [geos.join(',')] : []), ...geos];
  const choice = (value: string, text = value) => ({ value, text });
  const fields: Record<string, { choices: { value: string; text: string }[]; message: string }> = {
    metric: {
      choices: metrics.map((metric) => choice(metric.id, metric.title)),
      message: `Choose a metric the Chronos API serves: ${metrics.map((metric) => metric.id).join(', ')}.`,
    },
    geo: { choices: geoChoices.map((geo) => choice(geo)), message: `Choose one of: ${geoChoices.join(', ')}.` },
    scheme: {
      choices: schemeIds.map((id) => choice(id)),
      message: `Choose a colour scheme: ${schemeIds.join(', ')}.`,
    },
  };
  for (const [field, { choices, message }] of Object.entries(fields)) {
    const current = await request<{ meta: { options: Record<string, unknown> | null } }>(
      'GET',
      `/fields/pages_blocks/${field}`,
    );
    await request('PATCH', `/fields/pages_blocks/${field}`, {
      meta: {
        options: { ...current.meta.options, choices },
        validation: {
          _or: [{ [field]: { _null: true } }, { [field]: { _in: choices.map((entry) => entry.value) } }],
        },
        validation_message: message,
      },
    });
  }
}

/** Finds an item of a system collection by name, or creates it; returns its id. */
async function ensureNamed(request: Request, collection: string, item: Record<string, unknown>): Promise<string> {
  const filter = encodeURIComponent(JSON.stringify({ name: { _eq: item.name } }));
  const found = await request<{ id: string }[]>('GET', `/${collection}?filter=${filter}&fields=id`);
  if (found[0]) return found[0].id;
  return (await request<{ id: string }>('POST', `/${collection}`, item)).id;
}

async function ensurePermissions(
  request: Request,
  policy: string,
  rules: { collection: string; action: string; permissions?: Record<string, unknown> }[],
): Promise<void> {
  const filter = encodeURIComponent(JSON.stringify({ policy: { _eq: policy } }));
  const existing = await request<{ collection: string; action: string }[]>(
    'GET',
    `/permissions?filter=${filter}&fields=collection,action&limit=-1`,
  );
  for (const rule of rules) {
    if (existing.some((entry) => entry.collection === rule.collection && entry.action === rule.action)) continue;
    await request('POST', '/permissions', { policy, fields: ['*'], permissions: rule.permissions ?? {}, ...rule });
  }
}

const CONTENT = ['pages', 'pages_blocks'];
const published = { pages: { status: { _eq: 'published' } }, pages_blocks: { page: { status: { _eq: 'published' } } } };

async function ensureAccess(request: Request, siteToken: string): Promise<boolean> {
  // Editors: the Directus app, and everything on the marketing content (no settings, no users).
  const editorPolicy = await ensureNamed(request, 'policies', {
    name: 'Marketing editor',
    icon: 'edit_note',
    app_access: true,
    admin_access: false,
  });
  await ensurePermissions(
    request,
    editorPolicy,
    CONTENT.flatMap((collection) => ['create', 'read', 'update', 'delete'].map((action) => ({ collection, action }))),
  );
  const editorRole = await ensureNamed(request, 'roles', { name: 'Editor', icon: 'edit', policies: [] });
  const accessFilter = encodeURIComponent(JSON.stringify({ role: { _eq: editorRole }, policy: { _eq: editorPolicy } }));
  if ((await request<unknown[]>('GET', `/access?filter=${accessFilter}`)).length === 0)
    await request('POST', '/access', { role: editorRole, policy: editorPolicy });

  // The site reads drafts only in preview mode; its own query asks for published pages otherwise.
  const sitePolicy = await ensureNamed(request, 'policies', {
    name: 'Website (read-only)',
    icon: 'public',
    app_access: false,
    admin_access: false,
  });
  await ensurePermissions(
    request,
    sitePolicy,
    CONTENT.map((collection) => ({ collection, action: 'read' })),
  );
  const userFilter = encodeURIComponent(JSON.stringify({ email: { _eq: 'website@example.com' } }));
  const users = await request<{ id: string }[]>('GET', `/users?filter=${userFilter}&fields=id`);
  const user =
    users[0]?.id ??
    (await request<{ id: string }>('POST', '/users', { email: 'website@example.com', first_name: 'Website' })).id;
  await request('PATCH', `/users/${user}`, { token: siteToken, policies: [] });
  const userAccess = encodeURIComponent(JSON.stringify({ user: { _eq: user }, policy: { _eq: sitePolicy } }));
  if ((await request<unknown[]>('GET', `/access?filter=${userAccess}`)).length === 0)
    await request('POST', '/access', { user, policy: sitePolicy });

  // Anonymous read of published pages only. Directus 12.4 refuses filtered rules without a licence
  // (403 "custom_permission_rules_enabled is a restricted resource"); then the public gets nothing and the
  // site alone reads, with its token — drafts stay private either way.
  const publicFilter = encodeURIComponent(JSON.stringify({ name: { _eq: '$t:public_label' } }));
  const publicPolicy = (await request<{ id: string }[]>('GET', `/policies?filter=${publicFilter}&fields=id`))[0]?.id;
  if (!publicPolicy) return false;
  try {
    await ensurePermissions(
      request,
      publicPolicy,
      CONTENT.map((collection) => ({
        collection,
        action: 'read',
        permissions: published[collection as keyof typeof published],
      })),
    );
    return true;
  } catch (error) {
    if (error instanceof DirectusRequestError && error.status === 403) return false;
    throw error;
  }
}

export const FLOW_NAME = 'Refresh the marketing site';

/** On every change to a page or block, POST the site's revalidation endpoint (URL and secret from the env). */
async function ensureFlow(request: Request): Promise<void> {
  const flow = await ensureNamed(request, 'flows', {
    name: FLOW_NAME,
    icon: 'sync',
    status: 'active',
    trigger: 'event',
    accountability: 'all',
    description: 'Tells the Next.js site (CHRONOS_SITE_URL) to rebuild its pages when content changes.',
    options: { type: 'action', scope: ['items.create', 'items.update', 'items.delete'], collections: CONTENT },
  });
  const operation = await ensureNamed(request, 'operations', {
    name: 'Revalidate the site',
    key: 'revalidate_site',
    type: 'request',
    position_x: 19,
    position_y: 1,
    flow,
    options: {
      method: 'POST',
      url: '{{$env.CHRONOS_SITE_URL}}/api/revalidate',
      headers: [
        { header: 'authorization', value: 'Bearer {{$env.CHRONOS_REVALIDATE_SECRET}}' },
        { header: 'content-type', value: 'application/json' },
      ],
      body: '{"event":"{{$trigger.event}}","collection":"{{$trigger.collection}}"}',
    },
  });
  await request('PATCH', `/flows/${flow}`, { operation });
}

async function ensurePages(request: Request, metrics: readonly MetricSummary[] | undefined): Promise<[number, number]> {
  let created = 0;
  let kept = 0;
  for (const page of seedPages) {
    if (metrics) {
      for (const block of page.blocks)
        if (block.type === 'map') checkMapBlock(block, metrics, `seed page ${page.locale}/${page.slug}`);
    }
    const filter = encodeURIComponent(JSON.stringify({ slug: { _eq: page.slug }, locale: { _eq: page.locale } }));
    if ((await request<unknown[]>('GET', `/items/pages?filter=${filter}&fields=id`)).length > 0) {
      kept++;
      continue;
    }
    const item: Omit<Page, 'blocks'> & { blocks: object[] } = {
      ...page,
      blocks: page.blocks.map((block, index) => ({ ...block, sort: index + 1 })),
    };
    await request('POST', '/items/pages', item);
    created++;
  }
  return [created, kept];
}

export async function seed(options: SeedOptions): Promise<SeedResult> {
  const request = await login(options);
  let metrics: MetricSummary[] | undefined;
  if (options.chronosApiUrl) {
    metrics = await fetchMetrics(options.chronosApiUrl);
    await syncMapChoices(request, metrics);
  }
  const publicReadOfPublished = await ensureAccess(request, options.siteToken);
  await ensureFlow(request);
  const [pagesCreated, pagesKept] = await ensurePages(request, metrics);
  return { pagesCreated, pagesKept, metrics: metrics?.map((metric) => metric.id), publicReadOfPublished };
}
