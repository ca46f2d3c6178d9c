import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const clockFiles = ['app/utils/clock.ts']
const clockRules = [
	{
		selector: "NewExpression[callee.name='Date'][arguments.length=0]",
		message: "Take the date from now() in '~/utils/clock' (tests set that clock).",
	},
	{
		selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
		message:
			"Take the date from now() in '~/utils/clock'; measure durations with performance.now().",
	},
]

const accessFiles = ['app/utils/access.server.ts', 'app/utils/permissions.ts']
const ROLE_MESSAGE =
	'Decide by permission, not by role: can(user, …) or the access module (app/utils/access.server.ts); roles mean something only in the map (app/utils/permissions.ts). See docs/decisions/0017.'
const isRole = (side) => [
	`[${side}.type='Identifier'][${side}.name='role']`,
	`[${side}.type='MemberExpression'][${side}.property.name='role']`,
]
const roleRules = [
	// role === 'manager', user.role !== x, 'founder' == viewer.role…
	...['left', 'right'].flatMap((side) =>
		isRole(side).map((test) => ({
			selector: `BinaryExpression[operator=/^[!=]==?$/]${test}`,
			message: ROLE_MESSAGE,
		})),
	),
	// switch (user.role) / switch (role)
	...isRole('discriminant').map((test) => ({
		selector: `SwitchStatement${test}`,
		message: ROLE_MESSAGE,
	})),
	// eq(users.role, 'manager') in a query
	...isRole('arguments.0').map((test) => ({
		selector: `CallExpression[callee.name=/^(eq|ne)$/]${test}`,
		message: ROLE_MESSAGE,
	})),
	// [...].includes(user.role)
	...isRole('arguments.0').map((test) => ({
		selector: `CallExpression[callee.property.name='includes']${test}`,
		message: ROLE_MESSAGE,
	})),
]

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
		// one clock (app/utils/clock.ts): tests set it, so no date may come from the machine's;
		// one access module (app/utils/access.server.ts + the map in permissions.ts): no code
		// decides anything by comparing roles
		files: ['app/**', 'db/**', 'server.ts'],
		ignores: ['**/*.test.ts', '**/*.test.tsx', ...clockFiles, ...accessFiles],
		rules: { 'no-restricted-syntax': ['error', ...clockRules, ...roleRules] },
	},
	{
		files: clockFiles,
		rules: { 'no-restricted-syntax': ['error', ...roleRules] },
	},
	{
		files: accessFiles,
		rules: { 'no-restricted-syntax': ['error', ...clockRules] },
	},
	{
		files: ['app/routes/**'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				...clockRules,
				...roleRules,
				{
					// requireStartupAccess, requirePermission, requireGrant: one module, not a copy per route
					selector: 'FunctionDeclaration[id.name=/^require[A-Z]/]',
					message: 'Permission helpers live in app/utils/access.server.ts, not in a route.',
				},
				{
					selector: 'VariableDeclarator[id.name=/^require[A-Z]/]',
					message: 'Permission helpers live in app/utils/access.server.ts, not in a route.',
				},
			],
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
