import { and, asc, eq, gte, lte, sql } from 'drizzle-orm'
import { milestones, startups } from '#db/schema/index'
import type { MilestoneInput } from '~/schemas/funding'
import { lastDayOf, monthOf } from '~/utils/calendar'
import { today } from '~/utils/clock'
import { holdsOn, startupRows } from '~/utils/access.server'
import { getDb, writeTransaction } from '~/utils/db.server'
import { can } from '~/utils/permissions'
import { written } from '~/utils/write-result'
import { diffFields, recordAudit } from './audit.server'
import type { Viewer } from './viewer'

const editColumns = {
	id: milestones.id,
	startupId: milestones.startupId,
	kind: milestones.kind,
	title: milestones.title,
	dueOn: milestones.dueOn,
	status: milestones.status,
	doneOn: milestones.doneOn,
	note: milestones.note,
}

/** A milestone of this startup, for its edit form; null when absent, elsewhere or not the viewer's. */
export function getMilestoneForEdit({
	viewer,
	startupId,
	milestoneId,
}: {
	viewer: Viewer
	startupId: number
	milestoneId: number
}) {
	return (
		getDb()
			.select(editColumns)
			.from(milestones)
			.innerJoin(startups, eq(startups.id, milestones.startupId))
			.where(
				and(
					eq(milestones.id, milestoneId),
					eq(milestones.startupId, startupId),
					startupRows(viewer, 'update:milestone'),
				),
			)
			.get() ?? null
	)
}

function rowValues(input: MilestoneInput) {
	return {
		kind: input.kind,
		title: input.title,
		dueOn: input.dueOn ?? null,
		status: input.status,
		doneOn: input.doneOn ?? null,
		note: input.note ?? null,
	}
}

/** Null when the viewer may not write this startup's milestones. */
export function createMilestone({
	viewer,
	startupId,
	input,
}: {
	viewer: Viewer
	startupId: number
	input: MilestoneInput
}) {
	return writeTransaction((tx) => {
		if (!holdsOn(viewer, 'update:milestone', startupId)) return null
		const values = rowValues(input)
		const milestone = tx
			.insert(milestones)
			.values({ ...values, startupId })
			.returning({ id: milestones.id })
			.get()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'create',
			entity: 'milestone',
			entityId: milestone.id,
			startupId,
			subject: { title: values.title },
			changes: {
				status: [null, values.status],
				...(values.dueOn ? { dueOn: [null, values.dueOn] } : {}),
			},
		})
		return written({ id: milestone.id })
	})
}

export function updateMilestone({
	viewer,
	startupId,
	milestoneId,
	input,
}: {
	viewer: Viewer
	startupId: number
	milestoneId: number
	input: MilestoneInput
}) {
	return writeTransaction((tx) => {
		const before = getMilestoneForEdit({ viewer, startupId, milestoneId })
		if (!before) return null
		const values = rowValues(input)
		const { id: _id, startupId: _startupId, ...old } = before
		const changes = diffFields(old, values)
		if (Object.keys(changes).length === 0) return written({ id: milestoneId, changed: false })
		tx.update(milestones).set(values).where(eq(milestones.id, milestoneId)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'update',
			entity: 'milestone',
			entityId: milestoneId,
			startupId,
			verb: changes.status && values.status === 'done' ? 'done' : undefined,
			subject: { title: values.title, doneOn: values.doneOn },
			changes,
		})
		return written({ id: milestoneId, changed: true })
	})
}

export function deleteMilestone({
	viewer,
	startupId,
	milestoneId,
}: {
	viewer: Viewer
	startupId: number
	milestoneId: number
}) {
	return writeTransaction((tx) => {
		const before = getMilestoneForEdit({ viewer, startupId, milestoneId })
		if (!before) return null
		tx.delete(milestones).where(eq(milestones.id, milestoneId)).run()
		recordAudit(tx, {
			userId: viewer.id,
			action: 'delete',
			entity: 'milestone',
			entityId: milestoneId,
			startupId,
			subject: { title: before.title },
		})
		return written({ id: milestoneId })
	})
}

const openMilestone = sql`${milestones.status} IN ('planned', 'in_progress')`
// graduates and leavers are no longer followed
const followedStartup = sql`${startups.status} IN ('applicant', 'incubated')`

/**
 * Open milestones of the startups still in the programme that are overdue on `asOf`, and those
 * due later this month. A manager's list; anyone else gets nothing.
 */
export function listMilestonesToFollow({
	viewer,
	asOf = today(),
}: {
	viewer: Viewer
	asOf?: string
}) {
	if (!can(viewer, 'read:funding:any')) return null
	const last = lastDayOf(monthOf(asOf))
	const query = () =>
		getDb()
			.select({
				id: milestones.id,
				startupId: milestones.startupId,
				startupName: startups.name,
				kind: milestones.kind,
				title: milestones.title,
				dueOn: milestones.dueOn,
				status: milestones.status,
				note: milestones.note,
			})
			.from(milestones)
			.innerJoin(startups, eq(startups.id, milestones.startupId))
	return {
		overdue: query()
			.where(and(openMilestone, followedStartup, sql`${milestones.dueOn} < ${asOf}`))
			.orderBy(asc(milestones.dueOn), asc(startups.sortKey))
			.all(),
		dueThisMonth: query()
			.where(
				and(
					openMilestone,
					followedStartup,
					gte(milestones.dueOn, asOf),
					lte(milestones.dueOn, last),
				),
			)
			.orderBy(asc(milestones.dueOn), asc(startups.sortKey))
			.all(),
	}
}
