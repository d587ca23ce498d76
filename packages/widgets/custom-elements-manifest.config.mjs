// @custom-elements-manifest/analyzer configuration: Lit support, plus two fixes for this codebase's
// conventions — registrations are `Class.define('tag')` calls (recorded as custom-element-definition
// exports), and events are documented by JSDoc @event tags (events inferred from dispatchEvent calls
// through a helper have no name and are dropped).
const definitions = [];

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
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.events) {
            declaration.events = declaration.events.filter((e) => e.name?.startsWith('chronos-'));
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test/**'],
  litelement: true,
  plugins: [registrations()],
};
