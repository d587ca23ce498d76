// `npm run lint`: Biome lint + format check over the whole workspace.
import { run } from './lib/run.ts';

process.exitCode = await run('biome', ['check', ...process.argv.slice(2), '.']);
