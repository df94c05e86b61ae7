// Ends the run with one plain line that ./scripts/test.sh (and CI) read: "e2e: N passed, N failed, N skipped".
// A journey that timed out, crashed or was interrupted counts as failed; a flaky one (passed on retry) as passed.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter'

export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<TestCase, TestResult['status']>()

  onTestEnd(test: TestCase, result: TestResult) {
    this.outcomes.set(test, result.status)
  }

  onEnd(result: FullResult) {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const [test] of this.outcomes) {
      const outcome = test.outcome()
      if (outcome === 'skipped') skipped++
      else if (outcome === 'expected' || outcome === 'flaky') passed++
      else failed++
    }
    // A run that stopped early (a global error, an interrupt) must not read as green.
    if (result.status !== 'passed' && failed === 0) failed = 1
    console.log(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped`)
  }

  printsToStdio() {
    return false
  }
}
