// The CDN snippet that shows a view of the geospatial page on any other page (the embed code).
export function embedSnippet(options: {
  cdn: string;
  api: string;
  metric: string;
  time: string;
  region: string | undefined;
}): string {
  const attributes = [
    `api="${options.api}"`,
    'api-key="pk_your_publishable_key"',
    `metric="${options.metric}"`,
    ...(options.time !== 'latest' ? [`time="${options.time}"`] : []),
    ...(options.region ? [`selected="${options.region}"`] : []),
  ];
  return `<script type="module" src="${options.cdn}"></script>\n<chronos-choropleth ${attributes.join(' ')}></chronos-choropleth>`;
}
