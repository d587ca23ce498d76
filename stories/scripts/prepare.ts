// Before Storybook starts or builds: the widgets' npm build (what stories import, as an app would, and its
// custom-elements.json for the args tables) and the tile archives (served at /tiles) are rebuilt when stale.
import { buildStalePackages } from '@chronos/devkit/build-stale';

process.exitCode = await buildStalePackages(['@chronos/core', '@chronos/tiles', '@chronos/widgets']);
