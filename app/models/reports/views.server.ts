import crypto from 'node:crypto'
import { desc, eq } from 'drizzle-orm'
import { reportViews, users } from '#db/schema/index'
import { getDb, writeTransaction } from '~/utils/db.server'
import { can } from '~/utils/permissions'
import { written } from '~/utils/write-result'
import { recordAudit } from '../audit.server'
import type { Viewer } from '../viewer'

/**
 * The report periods shared with partners, newest first; who on the staff shared each only for
 * who may share reports (partners see the periods, not the people).
 */
export function listReportViews({ viewer }: { viewer: Viewer }) {
	const withNames = can(viewer, 'share:report:any')
	return getDb()
		.select({
			id: reportViews.id,
			token: reportViews.token,
			name: reportViews.name,
			query: reportViews.query,
			createdAt: reportViews.createdAt,
			createdBy: users.name,
		})
		.from(reportViews)
		.leftJoin(users, eq(users.id, reportViews.createdBy))
		.orderBy(desc(reportViews.createdAt), desc(reportViews.id))
		.all()
		.map((v) => (withNames ? v : { ...v, createdBy: null }))
}

export function getReportViewByToken(token: string) {
	return (
		getDb()
			.select({ name: reportViews.name, query: reportViews.query })
			.from(reportViews)
			.where(eq(reportViews.token, token))
			.get() ?? null
	)
}

export function createReportView({
	name,
	query,
	actorId,
}: {
	name: string
	query: string
	actorId: number
}) {
	return writeTransaction((tx) => {
		const view = tx
			.insert(reportViews)
			.values({
				token: crypto.randomBytes(12).toString('base64url'),
				name,
				query,
				createdBy: actorId,
			})
			.returning({ id: reportViews.id, token: reportViews.token })
			.get()
		recordAudit(tx, {
			userId: actorId,
			action: 'create',
			entity: 'report_view',
			entityId: view.id,
			subject: { name },
		})
		return written(view)
	})
}

export function deleteReportView({ id, actorId }: { id: number; actorId: number }) {
	return writeTransaction((tx) => {
		const view = tx
			.select({ name: reportViews.name })
			.from(reportViews)
			.where(eq(reportViews.id, id))
			.get()
		if (!view) return null
		tx.delete(reportViews).where(eq(reportViews.id, id)).run()
		recordAudit(tx, {
			userId: actorId,
			action: 'delete',
			entity: 'report_view',
			entityId: id,
			subject: { name: view.name },
		})
		return written({ id })
	})
}
