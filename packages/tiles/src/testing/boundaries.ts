// The region topology the tests and the bench build from: the Chronos server's shipped boundary file,
// resolved through the server package's exports (a workspace devDependency), never by relative path.
import { fileURLToPath } from 'node:url';

export const serverBoundariesFile = fileURLToPath(import.meta.resolve('@chronos/server/data/boundaries.topo.json'));
