// `npm run lint`: Biome lint + format check over the whole workspace.
import { run } from '@chronos/devkit/run';

process.exitCode = await run('biome', ['check', ...process.argv.slice(2), '.']);
