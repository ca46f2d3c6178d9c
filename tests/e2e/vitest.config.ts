import { defineConfig } from 'vitest/config'
import { TEST_CLOCK } from '../setup/clock'

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
		pool: 'forks',
	},
})
