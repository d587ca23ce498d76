// node:test reporter that counts results and writes {passed, failed, skipped} as JSON to the file named
// by CHRONOS_TEST_SUMMARY (set by `npm test`), so the root command can sum every suite. Prints nothing:
// pair it with the `spec` reporter for human output.
import { writeFileSync } from 'node:fs';

export default async function* summaryReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // Count leaf tests only: a suite's result repeats its children's.
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  if (process.env.CHRONOS_TEST_SUMMARY) writeFileSync(process.env.CHRONOS_TEST_SUMMARY, JSON.stringify(counts));
  yield '';
}
