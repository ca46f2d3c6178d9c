import path from 'node:path'
import { defineConfig } from 'vitest/config'

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
		include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'tests/**/*.test.ts'],
		exclude: ['tests/e2e/**', 'node_modules/**'],
		setupFiles: ['./tests/setup/setup-test-env.ts'],
		globalSetup: ['./tests/setup/global-setup.ts'],
		pool: 'forks',
		restoreMocks: true,
	},
})
