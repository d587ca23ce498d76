// `npm run typecheck`: the TypeScript project references, strict.
import { run } from './lib/run.ts';

process.exitCode = await run('tsc', ['-b', '--pretty']);
