// Storybook for the Chronos elements. Stories import @chronos/widgets as an app would (its npm build, so
// MapLibre's worker is found exactly as in users' Vite apps) and never reach the API: requests go to a
// mock service worker that answers with responses recorded from the real server (fixtures/, src/mock-api.ts).
// The tile archives the maps draw are the ones `npm start` serves, at the same path (/tiles).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const packageDir = (name: string) => dirname(fileURLToPath(import.meta.resolve(`${name}/package.json`)));

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../src/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', 'msw-storybook-addon'],
  staticDirs: [
    // mockServiceWorker.js (written by `msw init public`), served at the root as service workers must be.
    '../public',
    { from: join(packageDir('@chronos/tiles'), 'dist'), to: '/tiles' },
  ],
  core: { disableTelemetry: true },
};

export default config;
