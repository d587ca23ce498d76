// Placeholder home page: the marketing pages (Directus) replace it. It points at the flagship page.
export default function Home() {
  return (
    <main>
      <h1>Chronos</h1>
      <p>
        <a href="/analytics/geospatial">Open the geospatial analytics</a>
      </p>
    </main>
  );
}
