import { createMilestone, createStartup, createUser } from '#tests/factories'
import { milestoneSchema } from '~/schemas/funding'
import {
	createMilestone as addMilestone,
	listMilestonesToFollow,
	updateMilestone,
} from './milestone.server'
import type { Viewer } from './viewer'

const manager: Viewer = { id: 0, role: 'manager', startupId: null, mentorId: null }

test('follow-up: overdue before today, due from today to the end of the month, open ones only', () => {
	const s = createStartup({ status: 'incubated' })
	const asOf = '3001-03-15'
	const make = (
		title: string,
		dueOn: string,
		status: 'planned' | 'in_progress' | 'done' | 'dropped' = 'planned',
	) => createMilestone({ startupId: s.id, title, dueOn, status })
	make('Yesterday', '3001-03-14')
	make('Today', '3001-03-15', 'in_progress')
	make('End of month', '3001-03-31')
	make('Next month', '3001-04-01')
	make('Done late', '3001-03-01', 'done')
	make('Dropped', '3001-03-02', 'dropped')
	const result = listMilestonesToFollow({ viewer: manager, asOf })!
	const mine = (rows: { startupId: number; title: string }[]) =>
		rows.filter((r) => r.startupId === s.id).map((r) => r.title)
	expect(mine(result.overdue)).toEqual(['Yesterday'])
	expect(mine(result.dueThisMonth)).toEqual(['Today', 'End of month'])
	const partner: Viewer = { id: 0, role: 'partner', startupId: null, mentorId: null }
	expect(listMilestonesToFollow({ viewer: partner })).toBeNull()
})

test("a founder's milestone writes stay on their own startup", () => {
	const mine = createStartup()
	const theirs = createStartup()
	const user = createUser({ role: 'founder', startupId: mine.id })
	const founder: Viewer = { id: user.id, role: 'founder', startupId: mine.id, mentorId: null }
	const input = milestoneSchema('2026-01-01').parse({
		kind: 'team',
		title: 'First hire',
		status: 'planned',
	})
	expect(addMilestone({ viewer: founder, startupId: theirs.id, input })).toBeNull()
	const theirMilestone = createMilestone({ startupId: theirs.id })
	expect(
		updateMilestone({ viewer: founder, startupId: mine.id, milestoneId: theirMilestone.id, input }),
	).toBeNull()
	expect(addMilestone({ viewer: founder, startupId: mine.id, input })).toMatchObject({
		ok: true,
		value: { id: expect.any(Number) },
	})
})
