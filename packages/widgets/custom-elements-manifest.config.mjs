// @custom-elements-manifest/analyzer configuration: Lit support, plus two fixes for this codebase's
// conventions — registrations are `Class.define('tag')` calls (recorded as custom-element-definition
// exports), and events are documented by JSDoc @event tags (events inferred from dispatchEvent calls
// through a helper have no name and are dropped). Module paths name the shipped files (dist/*.js), not the
// sources, which the package does not ship.
import { existsSync } from 'node:fs';
import { posix } from 'node:path';

const definitions = [];
/** Native event names an element fires with their native meaning (`@event input`, `@event change`). */
const NATIVE_EVENTS = new Set(['input', 'change']);

function registrations() {
  return {
    name: 'chronos-registrations',
    analyzePhase({ ts, node, moduleDoc }) {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'define' &&
        ts.isIdentifier(node.expression.expression) &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        definitions.push({
          module: moduleDoc,
          className: node.expression.expression.text,
          tag: node.arguments[0].text,
        });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { module, className, tag } of definitions) {
        const home = customElementsManifest.modules.find((m) =>
          m.declarations?.some((d) => d.name === className && d.customElement),
        );
        if (!home) continue;
        module.exports ??= [];
        module.exports.push({
          kind: 'custom-element-definition',
          name: tag,
          declaration: { name: className, module: home.path },
        });
      }
      shippedPaths(customElementsManifest);
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.events) {
            // Named events only (chronos-* and the native ones an element documents), each once.
            const named = declaration.events.filter((e) => e.name?.startsWith('chronos-') || NATIVE_EVENTS.has(e.name));
            declaration.events = named.filter((e, i) => named.findIndex((other) => other.name === e.name) === i);
          }
        }
      }
    },
  };
}

/** Every `path` and `module` of the manifest as a shipped file: `src/a/b.ts` (or `./b.ts` relative to the module) → `dist/a/b.js`. */
function shippedPaths(manifest) {
  // Runs after the npm build: a type-only module ships as its declaration file alone.
  const shipped = (path) => {
    const js = posix.normalize(path).replace(/^\/?src\/(.*)\.ts$/, 'dist/$1.js');
    return existsSync(js) || !js.endsWith('.js') ? js : js.replace(/\.js$/, '.d.ts');
  };
  const visit = (node, dir) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, dir);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'path' || key === 'module') && typeof value === 'string') {
          node[key] = shipped(value.startsWith('.') ? posix.join(dir, value) : value);
        } else visit(value, dir);
      }
    }
  };
  for (const mod of manifest.modules) visit(mod, posix.dirname(mod.path));
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/testing/**', 'src/internal/maplibre-worker-url*.ts'],
  litelement: true,
  plugins: [registrations()],
};
