// @web/test-runner reporter that counts results and writes {passed, failed, skipped} as JSON to the file
// named by CHRONOS_TEST_SUMMARY (set by `npm test`), like test-summary-reporter.mjs does for node:test.
// A test file that fails to load (no results) counts as one failure. Prints nothing: pair it with
// the default reporter for human output.
import { writeFileSync } from 'node:fs';

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        const before = counts.failed;
        if (session.testResults) walk(session.testResults);
        // Errors outside any test (load failure, uncaught error, timeout) fail the file once.
        if (!session.passed && counts.failed === before) counts.failed++;
      }
      if (process.env.CHRONOS_TEST_SUMMARY) writeFileSync(process.env.CHRONOS_TEST_SUMMARY, JSON.stringify(counts));
    },
  };
}
