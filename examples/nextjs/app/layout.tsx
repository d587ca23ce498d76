// The site's shell: one header and footer around every page (the geospatial analytics pages and the
// marketing pages). Styles are plain CSS in globals.css, loaded with the HTML so text paints at once.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Chronos', template: '%s · Chronos' },
  description: 'Regional economic indicators for the United States and Canada, on embeddable maps.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <a href="/" className="site-name">
            Chronos
          </a>
          <nav aria-label="Site">
            <a href="/analytics/geospatial">Geospatial analytics</a>
          </nav>
        </header>
        {children}
        <footer className="site-footer">
          <p>Data: U.S. Bureau of Labor Statistics via FRED, Statistics Canada. Maps: Chronos widgets.</p>
        </footer>
      </body>
    </html>
  );
}
