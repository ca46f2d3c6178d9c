import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { defineConfig } from 'vitest/config'
import { TEST_CLOCK } from '../setup/clock'

/**
 * The journeys share one demo database and some of them change it (the nursery journey issues
 * next month's statements, which the forms journey needs still pending): they run in the order
 * of their names, every time, rather than in the order of the last run's timings.
 */
class ByName extends BaseSequencer {
	override async sort(files: TestSpecification[]) {
		return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId))
	}
}

export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		env: { TEKTOS_CLOCK: TEST_CLOCK },
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// pages load over a real network stack: give them time before a check fails
		expect: { poll: { timeout: 10_000, interval: 100 } },
		// one browser, one server: journeys run one file at a time
		fileParallelism: false,
		sequence: { sequencer: ByName },
		pool: 'forks',
	},
})
