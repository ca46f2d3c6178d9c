import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
	{
		ignores: [
			'build/**',
			'build-*/**',
			'public/build/**',
			'public/build-*/**',
			'node_modules/**',
			'db/migrations/**',
			'.cache/**',
			'data/**',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		plugins: { 'react-hooks': reactHooks },
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			'@typescript-eslint/consistent-type-imports': ['warn', { fixStyle: 'inline-type-imports' }],
			// routes never talk to the database directly: queries live in app/models
			'no-restricted-imports': 'off',
		},
	},
	{
		// one clock (app/utils/clock.ts): tests set it, so no date may come from the machine's
		files: ['app/**', 'db/**', 'server.ts'],
		ignores: ['**/*.test.ts', '**/*.test.tsx', 'app/utils/clock.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "NewExpression[callee.name='Date'][arguments.length=0]",
					message: "Take the date from now() in '~/utils/clock' (tests set that clock).",
				},
				{
					selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
					message:
						"Take the date from now() in '~/utils/clock'; measure durations with performance.now().",
				},
			],
		},
	},
	{
		files: ['app/routes/**'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [{ name: 'drizzle-orm', message: 'Queries belong in app/models/*.server.ts' }],
					patterns: [
						{
							regex: '(^#db/schema|/db/schema)(?!/enums)',
							message: 'Queries belong in app/models/*.server.ts',
						},
					],
				},
			],
		},
	},
)
