// Every story: args tables from the widgets' custom-elements.json, the mock API started before the story
// renders, and a fresh page-wide request cache so a story never shows an answer another story fetched.
import { clearCache } from '@chronos/core';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { setupWorker } from 'msw/browser';
import manifest from '@chronos/widgets/custom-elements.json' with { type: 'json' };
import { handlers } from '../src/mock-api.ts';

setCustomElementsManifest(manifest);

const preview: Preview = {
  loaders: [
    mswLoader(async () => {
      // The recorded API is the initial handler set: it survives the addon's reset between stories.
      const worker = setupWorker(...handlers);
      // Tiles, the stories' own modules and MapLibre's worker are real files: let them through.
      await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
      return worker;
    }),
  ],
  beforeEach() {
    clearCache();
  },
  parameters: {
    controls: { expanded: true },
  },
};

export default preview;
