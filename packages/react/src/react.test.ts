// @chronos/react against the element definitions: one component per Chronos element in the widgets'
// custom-elements.json, and each renders its tag (with attributes) through react-dom/server, as the
// Next.js App Router does before the element upgrades in the browser.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { choroplethEvents } from './choropleth.ts';
import * as chronosReact from './index.ts';
import { timeSliderEvents } from './time-slider.ts';
import { timeseriesEvents } from './timeseries.ts';

interface Manifest {
  modules: {
    exports?: { kind: string; name: string; declaration: { name: string } }[];
    declarations?: { name: string; tagName?: string; customElement?: boolean; events?: { name: string }[] }[];
  }[];
}

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(require.resolve('@chronos/widgets/custom-elements.json'), 'utf8')) as Manifest;
const definitions = manifest.modules.flatMap((module) =>
  (module.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition'),
);

test('every Chronos element has a React component named after its class', () => {
  assert.ok(definitions.length > 0, 'custom-elements.json defines no element (build @chronos/widgets first)');
  const missing = definitions.filter((definition) => !(definition.declaration.name in chronosReact));
  assert.deepEqual(
    missing.map((definition) => `<${definition.name}> (${definition.declaration.name})`),
    [],
  );
});

test('every event an element documents is an on… callback prop of its React component', () => {
  const eventProps: Record<string, Record<string, string>> = {
    ChronosChoropleth: choroplethEvents,
    ChronosTimeseries: timeseriesEvents,
    ChronosTimeSlider: timeSliderEvents,
    ChronosLegend: {},
  };
  const elements = manifest.modules.flatMap((module) =>
    (module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName),
  );
  assert.ok(elements.some((element) => element.events?.some((event) => event.name === 'chronos-legend-change')));
  for (const element of elements) {
    const props = eventProps[element.name];
    assert.ok(props, `<${element.tagName}>: which events does ${element.name} map to props?`);
    const documented = (element.events ?? []).map((event) => event.name).sort();
    assert.deepEqual(Object.values(props).sort(), documented, `<${element.tagName}>`);
    // `chronos-legend-change` → onLegendChange, `input` → onInput.
    for (const [prop, event] of Object.entries(props)) {
      const words = event.replace(/^chronos-/, '').split('-');
      assert.equal(prop, `on${words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')}`);
    }
  }
  // Typed: the callback's event carries the legend as painted.
  const onLegendChange: chronosReact.ChronosChoroplethProps['onLegendChange'] = (event) => {
    const legend: { title: string; entries: unknown[] } = event.detail.legend;
    void legend;
  };
  assert.equal(typeof onLegendChange, 'function');
});

test('<ChronosChoropleth> renders its tag on the server, element properties as their attributes', () => {
  const html = renderToString(
    createElement(chronosReact.ChronosChoropleth, {
      metric: 'median-income',
      apiKey: 'pk_example',
      classes: 7,
      stableBreaks: true,
      reverse: false,
      interactive: false,
      colors: ['#fff', '#000'],
      formatValue: (value: number | null) => String(value),
      onRegionClick: () => {},
      onLegendChange: () => {},
      className: 'map',
      id: 'income',
    }),
  );
  // The element upgrades from these attributes before React hydrates and sets the properties again;
  // objects, functions and callbacks exist in the browser only.
  assert.equal(
    html,
    '<chronos-choropleth metric="median-income" api-key="pk_example" classes="7" stable-breaks="" interactive="false" class="map" id="income"></chronos-choropleth>',
  );
});

test('<ChronosTimeseries> renders its tag on the server with its attributes', () => {
  const html = renderToString(
    createElement(chronosReact.ChronosTimeseries, {
      metric: 'unemployment',
      region: 'US-CA,CA-ON',
      for: 'map',
      apiKey: 'pk_example',
      showTable: true,
      onError: () => {},
    }),
  );
  assert.equal(
    html,
    '<chronos-timeseries metric="unemployment" region="US-CA,CA-ON" for="map" api-key="pk_example" show-table=""></chronos-timeseries>',
  );
});

test('<ChronosTimeSlider> and <ChronosLegend> render their tags on the server, linked to a map by `for`', () => {
  const slider = renderToString(
    createElement(chronosReact.ChronosTimeSlider, {
      for: 'jobs',
      speed: '800ms',
      prefetch: 2,
      loop: true,
      onChange: () => {},
    }),
  );
  assert.equal(slider, '<chronos-time-slider for="jobs" speed="800ms" prefetch="2" loop=""></chronos-time-slider>');
  const legend = renderToString(createElement(chronosReact.ChronosLegend, { for: 'jobs', hideMapLegend: true }));
  assert.equal(legend, '<chronos-legend for="jobs" hide-map-legend=""></chronos-legend>');
});
