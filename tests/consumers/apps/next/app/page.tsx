// A Server Component page: renders the map on the server (the tag is in the HTML) with the API and key
// from the query string. The client component beside it adds the typed event callback.
import { ChoroplethWithEvents } from './choropleth-with-events';

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { api, key } = await searchParams;
  return (
    <main>
      <h1>Unemployment</h1>
      <ChoroplethWithEvents api={api} apiKey={key} />
    </main>
  );
}
