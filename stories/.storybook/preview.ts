// Every story: args tables from the widgets' custom-elements.json, the mock API started before the story
// renders, and a fresh page-wide request cache so a story never shows an answer another story fetched.
//
// "Started" means the page's requests go through the worker: `worker.start()` resolves once the worker is
// active and has enabled mocking for this page, but on a first visit the page becomes *controlled* (its
// requests routed to the worker, after the worker's clients.claim()) through a separate message that may
// come later, and a request made before it goes to the network (the static server's 404). So the loader
// also waits for the page's controller.
import { clearCache } from '@chronos/core';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { setupWorker } from 'msw/browser';
import manifest from '@chronos/widgets/custom-elements.json' with { type: 'json' };
import { handlers } from '../src/mock-api.ts';

setCustomElementsManifest(manifest);

/**
 * Resolves once a service worker controls this page (at once when one already does). msw's worker unregisters
 * itself when the last page it controlled closes, after that page's pending requests: a story opened meanwhile
 * can get that dying registration from `worker.start()` and is then never claimed. Such a page (no registration
 * any more, or an active worker that has not claimed it after 5 s) is reloaded, and registers afresh.
 */
async function pageControlled(): Promise<void> {
  const container = navigator.serviceWorker;
  for (let waited = 0; !container.controller; waited += 500) {
    await new Promise((resolve) => {
      container.addEventListener('controllerchange', resolve, { once: true });
      setTimeout(resolve, 500);
    });
    if (container.controller) return;
    const registration = await container.getRegistration();
    if (!registration || (registration.active?.state === 'activated' && waited >= 5_000)) {
      location.reload();
      await new Promise(() => undefined);
    }
  }
}

const preview: Preview = {
  loaders: [
    mswLoader(async () => {
      // The recorded API is the initial handler set: it survives the addon's reset between stories.
      const worker = setupWorker(...handlers);
      // Tiles, the stories' own modules and MapLibre's worker are real files: let them through.
      await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
      await pageControlled();
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
