import { and, asc, desc, eq, gte, isNull, or } from 'drizzle-orm'
import { mentorAssignments, mentoringSessions, mentors } from '#db/schema/index'
import { holdsOn, linkedMentor, mayReadSessionNotes } from '~/utils/access.server'
import { getDb } from '~/utils/db.server'
import { today } from '~/utils/clock'
import { can } from '~/utils/permissions'
import type { Viewer } from '../viewer'

/**
 * The startup page's mentoring panel: current mentors and recent sessions, notes and next steps
 * only for who may read them; null for whoever may not see the startup's mentoring (a partner).
 */
export function getMentoring(startupId: number, viewer: Viewer) {
	if (!holdsOn(viewer, 'read:mentoring', startupId)) return null
	const db = getDb()
	const date = today()
	const mentorList = db
		.select({
			assignmentId: mentorAssignments.id,
			mentorId: mentors.id,
			name: mentors.name,
			organisation: mentors.organisation,
			focus: mentorAssignments.focus,
			startDate: mentorAssignments.startDate,
			endDate: mentorAssignments.endDate,
		})
		.from(mentorAssignments)
		.innerJoin(mentors, eq(mentors.id, mentorAssignments.mentorId))
		.where(
			and(
				eq(mentorAssignments.startupId, startupId),
				or(isNull(mentorAssignments.endDate), gte(mentorAssignments.endDate, date)),
			),
		)
		.orderBy(asc(mentors.sortKey))
		.all()
	const sessions = db
		.select({
			id: mentoringSessions.id,
			date: mentoringSessions.date,
			minutes: mentoringSessions.minutes,
			topic: mentoringSessions.topic,
			notes: mentoringSessions.notes,
			notesPrivate: mentoringSessions.notesPrivate,
			nextSteps: mentoringSessions.nextSteps,
			mentorId: mentors.id,
			mentorName: mentors.name,
		})
		.from(mentoringSessions)
		.innerJoin(mentorAssignments, eq(mentorAssignments.id, mentoringSessions.assignmentId))
		.innerJoin(mentors, eq(mentors.id, mentorAssignments.mentorId))
		.where(eq(mentorAssignments.startupId, startupId))
		.orderBy(desc(mentoringSessions.date), desc(mentoringSessions.id))
		.limit(5)
		.all()
		// notes and next steps are the mentor's: managers read them, the founder only when the
		// session is not marked private, another mentor never
		.map(({ notes, nextSteps, notesPrivate, ...s }) => {
			const readable = mayReadSessionNotes(viewer, { ...s, startupId, notesPrivate })
			return {
				...s,
				notes: readable ? notes : null,
				nextSteps: readable ? nextSteps : null,
				// said only to those who read them anyway
				private: readable && notesPrivate,
			}
		})
	// the signed-in mentor's own running assignment here, for the panel's "log a session" link
	const ownMentor = linkedMentor(viewer, 'create:session')
	const mine =
		ownMentor === null
			? undefined
			: mentorList.find((m) => m.mentorId === ownMentor && m.startDate <= date)
	return {
		mentors: mentorList,
		sessions,
		canAssign: can(viewer, 'update:assignment:any'),
		myAssignmentId: mine?.assignmentId ?? null,
	}
}
