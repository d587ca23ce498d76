// `npm run typecheck`: the TypeScript project references, strict.
import { run } from '@chronos/devkit/run';

process.exitCode = await run('tsc', ['-b', '--pretty']);
