import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { INTERACTION_KINDS } from '#db/schema/enums'
import {
	contacts,
	interactions,
	interactionStartups,
	organisations,
	startups,
} from '#db/schema/index'
import type { InteractionInput } from '~/schemas/contact'
import { type Tx, writeTransaction } from '~/utils/db.server'
import { refused, type WriteResult, written } from '~/utils/write-result'
import { recordAudit } from './audit.server'
import { contactScope } from './contact.server'
import type { Viewer } from './viewer'

/**
 * What a startup's timeline says about an interaction: its kind, date and the organisation,
 * never the person nor the summary ("a meeting with a contact — organisation: Port of Dover").
 * The audit log is append-only, so nothing in it could be erased later.
 */
export function interactionAudit(
	kind: (typeof INTERACTION_KINDS)[number],
	date: string,
	organisationName: string | null,
) {
	return {
		subject: { kind, date },
		changes: organisationName
			? { organisation: [null, organisationName] as [unknown, unknown] }
			: undefined,
	}
}

/** A later touch moves last_contact_on forward; an older one logged today does not move it back. */
export function touchContact(tx: Tx, contactId: number, date: string) {
	tx.update(contacts)
		.set({
			lastContactOn: sql`CASE WHEN ${contacts.lastContactOn} IS NULL OR ${contacts.lastContactOn} < ${date} THEN ${date} ELSE ${contacts.lastContactOn} END`,
		})
		.where(eq(contacts.id, contactId))
		.run()
}

export type LogInteractionResult = WriteResult<{ id: number }> | null

/**
 * A meeting, call, email, event or trade mission with a contact, about some startups: one row
 * on the contact's history and one line on each concerned startup's timeline.
 */
export function logInteraction({
	contactId,
	input,
	viewer,
}: {
	contactId: number
	input: InteractionInput
	viewer: Viewer
}): LogInteractionResult {
	return writeTransaction((tx): LogInteractionResult => {
		const contact = tx
			.select({ id: contacts.id, organisationName: organisations.name })
			.from(contacts)
			.leftJoin(organisations, eq(organisations.id, contacts.organisationId))
			.where(and(eq(contacts.id, contactId), isNull(contacts.erasedAt), contactScope(viewer)))
			.get()
		if (!contact) return null
		const concerned = input.startupIds.length
			? tx
					.select({ id: startups.id })
					.from(startups)
					.where(inArray(startups.id, input.startupIds))
					.all()
			: []
		if (concerned.length !== input.startupIds.length) {
			return refused('startupIds', 'errors.unknownStartup')
		}

		const interaction = tx
			.insert(interactions)
			.values({
				contactId,
				kind: input.kind,
				date: input.date,
				summary: input.summary,
				userId: viewer.id,
			})
			.returning({ id: interactions.id })
			.get()
		for (const startup of concerned) {
			tx.insert(interactionStartups)
				.values({ interactionId: interaction.id, startupId: startup.id })
				.run()
		}
		touchContact(tx, contactId, input.date)

		const described = interactionAudit(input.kind, input.date, contact.organisationName)
		if (concerned.length === 0) {
			recordAudit(tx, {
				userId: viewer.id,
				action: 'create',
				entity: 'interaction',
				entityId: interaction.id,
				...described,
			})
		}
		for (const startup of concerned) {
			recordAudit(tx, {
				userId: viewer.id,
				action: 'create',
				entity: 'interaction',
				entityId: interaction.id,
				startupId: startup.id,
				...described,
			})
		}
		return written({ id: interaction.id })
	})
}
