import type { Role } from '#db/schema/enums'

/**
 * Who may do what. `own` means "the startup a founder is linked to",
 * `assigned` means "a startup a mentor is assigned to", `any` means every record.
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
		'manage:user:any',
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
	],
	mentor: ['read:startup:assigned', 'create:session:own', 'update:session:own'],
	partner: ['read:report:any', 'read:portfolio:any'],
} as const satisfies Record<Role, readonly string[]>

export type Permission = (typeof PERMISSIONS)[Role][number]

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
	if (!user) return false
	return (PERMISSIONS[user.role] as readonly Permission[]).includes(permission)
}

export type NavItem = { to: string; labelKey: string }

/** Each role's navigation, in order. Only screens that exist are listed. */
export const NAVIGATION: Record<Role, NavItem[]> = {
	manager: [
		{ to: '/', labelKey: 'nav.dashboard' },
		{ to: '/startups', labelKey: 'nav.startups' },
		{ to: '/cohorts', labelKey: 'nav.cohorts' },
		{ to: '/users', labelKey: 'nav.users' },
	],
	founder: [{ to: '/my-startup', labelKey: 'nav.myStartup' }],
	mentor: [{ to: '/', labelKey: 'nav.myMentees' }],
	partner: [
		{ to: '/', labelKey: 'nav.overview' },
		{ to: '/startups', labelKey: 'nav.portfolio' },
	],
}
