import path from 'node:path'
import { defineConfig } from 'vitest/config'
import { TEST_CLOCK } from './tests/setup/clock'

export default defineConfig({
	resolve: {
		alias: {
			'~': path.resolve(import.meta.dirname, 'app'),
			'#db': path.resolve(import.meta.dirname, 'db'),
			'#tests': path.resolve(import.meta.dirname, 'tests'),
		},
	},
	test: {
		globals: true,
		include: [
			'app/**/*.test.{ts,tsx}',
			'db/**/*.test.ts',
			'server/**/*.test.ts',
			'tests/**/*.test.ts',
		],
		exclude: ['tests/e2e/**', 'node_modules/**'],
		setupFiles: ['./tests/setup/setup-test-env.ts'],
		globalSetup: ['./tests/setup/global-setup.ts'],
		pool: 'forks',
		restoreMocks: true,
		env: { TEKTOS_CLOCK: TEST_CLOCK },
		// a test fails on what it asserts, never on how busy the machine is: these limits only
		// catch a test that hangs (timings are measured by `npm run bench`)
		testTimeout: 600_000,
		hookTimeout: 600_000,
	},
})
