import { can, NAVIGATION, PERMISSIONS } from './permissions'

test('only managers manage users and edit any startup', () => {
	expect(can({ role: 'manager' }, 'manage:user:any')).toBe(true)
	for (const role of ['founder', 'mentor', 'partner'] as const) {
		expect(can({ role }, 'manage:user:any')).toBe(false)
		expect(can({ role }, 'update:startup:any')).toBe(false)
	}
})

test('a founder acts on their own startup only', () => {
	expect(can({ role: 'founder' }, 'update:milestone:own')).toBe(true)
	expect(can({ role: 'founder' }, 'read:startup:any')).toBe(false)
})

test('a partner reads reports but never contacts', () => {
	expect(can({ role: 'partner' }, 'read:report:any')).toBe(true)
	expect(PERMISSIONS.partner.some((p) => p.includes('contact'))).toBe(false)
})

test('nobody signed out can do anything', () => {
	expect(can(null, 'read:report:any')).toBe(false)
})

test('each role has its own navigation, and only managers see Users', () => {
	expect(NAVIGATION.manager.map((i) => i.to)).toContain('/users')
	for (const role of ['founder', 'mentor', 'partner'] as const) {
		expect(NAVIGATION[role].map((i) => i.to)).not.toContain('/users')
	}
	expect(new Set(Object.values(NAVIGATION).map((items) => items[0]?.labelKey)).size).toBe(4)
})
