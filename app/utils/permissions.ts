import type { Role } from '#db/schema/enums'

/**
 * How far a permission reaches:
 * - `any`: every record;
 * - `own`: the account's own records — those of the startup a founder's account is linked to,
 *   those of the mentor record a mentor's account is linked to (their sessions, assignments);
 * - `assigned`: the records of the startups a mentor is assigned to (running assignments);
 * - `summary`: counts and totals only, never a record one by one;
 * - `committee`: the calls for applications whose selection committee the user sits on, and
 *   their applications but those the user declared a conflict on (app/models/jury.server.ts).
 * app/utils/access.server.ts turns a scope into a WHERE condition; nothing else reads the role.
 */
export const SCOPES = ['any', 'own', 'assigned', 'summary', 'committee'] as const
export type Scope = (typeof SCOPES)[number]

/**
 * Who may do what: `action:entity:scope`. The one place where a role means something — the UI
 * asks this map to hide what a user cannot do, loaders and actions enforce it through
 * app/utils/access.server.ts. Adding a role or a permission starts here (docs/decisions/0017).
 */
export const PERMISSIONS = {
	manager: [
		'read:dashboard:any',
		// the startups list and its CSV (its rows are those of read:startup)
		'read:portfolio:any',
		'read:startup:any',
		'update:startup:any',
		// status, cohort, entry and exit dates: the programme is the incubator's decision
		'update:programme:any',
		'read:cohort:any',
		'update:cohort:any',
		'read:team:any',
		'update:team:any',
		'read:timeline:any',
		'update:milestone:any',
		'update:kpi:any',
		'read:funding:any',
		'update:funding:any',
		'read:lease:any',
		'update:lease:any',
		'read:statement:any',
		'read:subsidy:any',
		'read:mentor:any',
		'update:mentor:any',
		'read:mentoring:any',
		'read:assignment:any',
		'update:assignment:any',
		'read:session:any',
		'update:session:any',
		'read:session-notes:any',
		'read:contact:any',
		'update:contact:any',
		'read:introduction:any',
		'update:introduction:any',
		'read:report:any',
		// the names behind a report's figures
		'read:report-detail:any',
		'share:report:any',
		'manage:user:any',
		'read:call:any',
		'update:call:any',
		'decide:application:any',
		'erase:application:any',
		'read:outbox:any',
		'score:application:committee',
		// fellow committee members by name (a partner representative sees them by role)
		'read:committee-names:committee',
	],
	founder: [
		'read:startup:own',
		'update:startup:own',
		'read:team:own',
		'update:team:own',
		'read:timeline:own',
		'update:milestone:own',
		'update:kpi:own',
		'update:funding:own',
		'read:lease:own',
		'read:statement:own',
		'read:mentoring:own',
		// unless the mentor marked them private
		'read:session-notes:own',
		'read:introduction:own',
		'update:introduction:own',
	],
	mentor: [
		'read:portfolio:assigned',
		'read:startup:assigned',
		'read:team:assigned',
		'read:mentoring:assigned',
		'read:introduction:assigned',
		'read:assignment:own',
		'read:session:own',
		'create:session:own',
		'update:session:own',
		'read:session-notes:own',
		'score:application:committee',
		'read:committee-names:committee',
	],
	partner: [
		'read:portfolio:any',
		// the profile, milestones and funding panel; never the team, the lease, the mentoring or a person
		'read:startup:any',
		'read:report:any',
		'read:subsidy:any',
		'read:funding:summary',
		'read:introduction:summary',
		'score:application:committee',
	],
} as const satisfies Record<Role, readonly `${string}:${string}:${Scope}`[]>

export type Permission = (typeof PERMISSIONS)[Role][number]

/** A permission without its scope, e.g. `update:milestone`: what requireStartupAccess asks for. */
export type Grant = Permission extends `${infer Action}:${infer Entity}:${Scope}`
	? `${Action}:${Entity}`
	: never

type WithRole = { role: Role } | null | undefined

export function can(user: WithRole, permission: Permission): boolean {
	if (!user) return false
	return (PERMISSIONS[user.role] as readonly Permission[]).includes(permission)
}

/** The scopes through which a user holds a grant: ['own'] for a founder updating milestones. */
export function scopesOf(user: WithRole, grant: Grant): Scope[] {
	if (!user) return []
	return SCOPES.filter((scope) => can(user, `${grant}:${scope}` as Permission))
}

/** The roles that hold a permission, e.g. who counts as a manager of users. */
export function rolesWith(permission: Permission): Role[] {
	return (Object.keys(PERMISSIONS) as Role[]).filter((role) => can({ role }, permission))
}

/**
 * The record an account of each role is linked to: a founder's account to one startup, a
 * mentor's to one mentor record, the others to neither. The user form and the users model
 * ask this instead of naming roles.
 */
export const ACCOUNT_LINK = {
	manager: null,
	founder: 'startup',
	mentor: 'mentor',
	partner: null,
} as const satisfies Record<Role, 'startup' | 'mentor' | null>

export function accountLinkOf(role: string | null | undefined): 'startup' | 'mentor' | null {
	return role && Object.hasOwn(ACCOUNT_LINK, role) ? ACCOUNT_LINK[role as Role] : null
}

/** Where each role lands on `/`: the dashboard, their startup's page, their mentees, the report. */
export const HOME = {
	manager: 'dashboard',
	founder: 'startup',
	mentor: 'mentees',
	partner: 'reports',
} as const satisfies Record<Role, 'dashboard' | 'startup' | 'mentees' | 'reports'>

/** `committee`: shown only to someone who sits on a selection committee. */
export type NavItem = { to: string; labelKey: string; committee?: true }

/** Each role's navigation, in order. Only screens that exist are listed. */
export const NAVIGATION: Record<Role, NavItem[]> = {
	manager: [
		{ to: '/', labelKey: 'nav.dashboard' },
		{ to: '/startups', labelKey: 'nav.startups' },
		{ to: '/cohorts', labelKey: 'nav.cohorts' },
		{ to: '/mentors', labelKey: 'nav.mentors' },
		{ to: '/nursery', labelKey: 'nav.nursery' },
		{ to: '/funding', labelKey: 'nav.funding' },
		{ to: '/contacts', labelKey: 'nav.contacts' },
		{ to: '/calls', labelKey: 'nav.calls' },
		{ to: '/jury', labelKey: 'nav.jury', committee: true },
		{ to: '/reports', labelKey: 'nav.reports' },
		{ to: '/users', labelKey: 'nav.users' },
	],
	founder: [{ to: '/my-startup', labelKey: 'nav.myStartup' }],
	mentor: [
		{ to: '/', labelKey: 'nav.myMentees' },
		{ to: '/mentoring', labelKey: 'nav.mySessions' },
		{ to: '/jury', labelKey: 'nav.jury', committee: true },
	],
	partner: [
		{ to: '/reports', labelKey: 'nav.reports' },
		{ to: '/startups', labelKey: 'nav.startups' },
		{ to: '/nursery/subsidy', labelKey: 'nav.subsidy' },
		{ to: '/funding', labelKey: 'nav.funding' },
		{ to: '/introductions', labelKey: 'nav.introductions' },
		{ to: '/jury', labelKey: 'nav.jury', committee: true },
	],
}
