// `pnpm storybook` (dev server at http://localhost:6006, or --port N) and `pnpm build-storybook` (static
// site in stories/storybook-static): the stories package's own scripts, which first rebuild the widgets and
// tile archives when their sources changed.
import { join } from 'node:path';
import { root, run } from '@chronos/devkit/run';

const [mode, ...args] = process.argv.slice(2);
const script = mode === 'build' ? 'build-storybook' : 'storybook';
const extra = mode === 'build' ? args : [mode, ...args].filter((arg): arg is string => arg !== undefined);
process.exitCode = await run('pnpm', ['run', script, ...extra], { cwd: join(root, 'stories') });
