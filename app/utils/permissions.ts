import type { Role } from '#db/schema/enums'

/**
 * Who may do what. `own` means "the startup a founder is linked to",
 * `assigned` means "a startup a mentor is assigned to", `any` means every record,
 * `committee` means "the calls for applications whose committee the user sits on" (the jury:
 * app/models/jury.server.ts decides which calls and applications that is).
 * The UI asks this map to hide what a user cannot do; loaders and actions enforce it.
 */
export const PERMISSIONS = {
	manager: [
		'read:dashboard:any',
		'read:startup:any',
		'update:startup:any',
		'read:mentor:any',
		'update:mentor:any',
		'read:lease:any',
		'update:lease:any',
		'read:funding:any',
		'update:funding:any',
		'read:contact:any',
		'update:contact:any',
		'read:report:any',
		'share:report:any',
		'read:subsidy:any',
		'read:introduction:any',
		'update:introduction:any',
		'update:session:any',
		'manage:user:any',
		'read:call:any',
		'update:call:any',
		'decide:application:any',
		'erase:application:any',
		'read:outbox:any',
		'score:application:committee',
	],
	founder: [
		'read:startup:own',
		'update:startup:own',
		'update:milestone:own',
		'update:funding:own',
		'create:kpi:own',
		'read:lease:own',
		'read:mentor:own',
		'read:introduction:own',
		'update:introduction:own',
		'read:statement:own',
	],
	mentor: [
		'read:startup:assigned',
		'read:session:own',
		'create:session:own',
		'update:session:own',
		'score:application:committee',
	],
	partner: [
		'read:report:any',
		'read:portfolio:any',
		'read:subsidy:any',
		'read:funding:summary',
		'read:introduction:summary',
		'score:application:committee',
	],
} as const satisfies Record<Role, readonly string[]>

export type Permission = (typeof PERMISSIONS)[Role][number]

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
	if (!user) return false
	return (PERMISSIONS[user.role] as readonly Permission[]).includes(permission)
}

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
		{ to: '/startups', labelKey: 'nav.portfolio' },
		{ to: '/nursery/subsidy', labelKey: 'nav.subsidy' },
		{ to: '/funding', labelKey: 'nav.funding' },
		{ to: '/introductions', labelKey: 'nav.introductions' },
		{ to: '/jury', labelKey: 'nav.jury', committee: true },
	],
}
