// axe-core in the browser tests: WCAG 2.2 AA rules run over an element, its shadow root included, and the
// violations as readable lines ("rule: selector — what to fix") so that a failing test says what is wrong.
import 'axe-core/axe.js';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

/** The tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export async function axeViolations(element: Element): Promise<string[]> {
  const results = await window.axe.run(element, {
    runOnly: { type: 'tag', values: WCAG22_AA },
    resultTypes: ['violations'],
  });
  // A run that checked nothing (wrong context, rules filtered away) must not read as a clean result.
  if (results.passes.length === 0) throw new Error('axe checked no rule on this element');
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${JSON.stringify(node.target)} — ${node.failureSummary?.replace(/\s+/g, ' ')}`,
    ),
  );
}
