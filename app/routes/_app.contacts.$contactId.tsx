import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ContactFacts, DuplicatesPanel, GdprPanel } from '~/components/contact-gdpr'
import { InteractionsPanel } from '~/components/contact-interactions'
import { IntroductionsPanel } from '~/components/contact-introductions'
import { OptedOutBadge, personName } from '~/components/contact-ui'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { findLikelyDuplicates, mergeContacts } from '~/models/contact-duplicates.server'
import { getContactPage, listLinkedStartups, recordOptOut } from '~/models/contact.server'
import { logInteraction } from '~/models/interaction.server'
import { createIntroduction } from '~/models/introduction.server'
import { pickChoices, resolvePicks } from '~/models/pickers.server'
import { interactionSchema, introductionSchema, MergeSchema } from '~/schemas/contact'
import { requirePermission } from '~/utils/access.server'
import { today } from '~/utils/clock'
import { badRequest, notFound, parseId, redirectWithToast } from '~/utils/http.server'
import { pageParam } from '~/utils/list-params'
import { replyTo } from '~/utils/write-result'
import { pageTitle } from '~/utils/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'read:contact:any')
	const id = parseId(params.contactId, 'contact')
	const page = getContactPage({
		id,
		viewer: user,
		historyPage: pageParam(new URL(request.url).searchParams, 'historyPage'),
	})
	if (!page) throw notFound('contact', id)
	return {
		...page,
		duplicates: findLikelyDuplicates({ id, viewer: user }),
		// every startup while there are few; beyond, the ones this person deals with and a name to type
		startups: pickChoices({ kind: 'startups', viewer: user }),
		linkedStartups: listLinkedStartups({ contactId: id, viewer: user }),
		today: today(),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const id = parseId(params.contactId, 'contact')
	const formData = await request.formData()
	const intent = formData.get('intent')
	const back = `/contacts/${id}`
	const date = today()

	switch (intent) {
		case 'log-interaction': {
			const picks = resolvePicks(formData, user, {
				otherStartup: { kind: 'startups', into: 'startupIds' },
			})
			const submission = parseWithZod(picks.formData, { schema: interactionSchema(date) })
			if (submission.status !== 'success' || picks.errors) {
				return data({ intent, result: picks.reply(submission.reply()) }, { status: 400 })
			}
			const result = logInteraction({ contactId: id, input: submission.value, viewer: user })
			if (!result) throw notFound('contact', id)
			if (!result.ok) {
				return data({ intent, result: picks.reply(replyTo(submission, result)) }, { status: 400 })
			}
			return redirectWithToast(back, {
				type: 'success',
				messageKey: 'contacts:interactions.logged',
			})
		}
		case 'introduce': {
			const picks = resolvePicks(formData, user, { startupId: { kind: 'startups' } })
			const submission = parseWithZod(picks.formData, { schema: introductionSchema(date) })
			if (submission.status !== 'success' || picks.errors) {
				return data({ intent, result: picks.reply(submission.reply()) }, { status: 400 })
			}
			const result = createIntroduction({ contactId: id, input: submission.value, viewer: user })
			if (!result) throw notFound('contact', id)
			if (!result.ok) {
				return data({ intent, result: picks.reply(replyTo(submission, result)) }, { status: 400 })
			}
			return redirectWithToast(back, {
				type: 'success',
				messageKey: 'contacts:introductions.created',
			})
		}
		case 'opt-out': {
			const result = recordOptOut({ id, viewer: user, date })
			if (!result) throw notFound('contact', id)
			return redirectWithToast(back, { type: 'success', messageKey: 'contacts:gdpr.optedOut' })
		}
		case 'merge': {
			// a contact is not merged into itself
			const submission = parseWithZod(formData, {
				schema: MergeSchema.refine((value) => value.otherId !== id),
			})
			if (submission.status !== 'success') throw badRequest('otherId')
			const result = mergeContacts({
				survivorId: id,
				otherId: submission.value.otherId,
				viewer: user,
			})
			if (!result) throw notFound('contact', submission.value.otherId)
			return redirectWithToast(back, { type: 'success', messageKey: 'contacts:duplicates.merged' })
		}
		default:
			throw badRequest('intent')
	}
}

export default function ContactPage() {
	const page = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('contacts')
	const { contact } = page
	const name = personName(contact, t('erasedContact'))
	const resultFor = (intent: string) =>
		actionData && 'intent' in actionData && actionData.intent === intent
			? actionData.result
			: undefined
	return (
		<>
			<p className="breadcrumb">
				<Link to="/contacts">{t('list.title')}</Link>
			</p>
			<div className="page-header">
				<div>
					<h1>
						{name} <OptedOutBadge on={contact.optedOutOn} />
					</h1>
					<p className="muted">
						{[contact.jobTitle, contact.organisationName].filter(Boolean).join(' · ') ||
							t('page.noOrganisation')}
					</p>
				</div>
				<Link to={`/contacts/${contact.id}/edit`} className="button">
					{t('page.edit')}
				</Link>
			</div>
			{page.duplicates.length ? (
				<DuplicatesPanel contactId={contact.id} duplicates={page.duplicates} />
			) : null}
			<div className="startup-grid">
				<div>
					<InteractionsPanel
						interactions={page.interactions}
						history={page.history}
						startups={page.startups}
						linkedStartups={page.linkedStartups}
						today={page.today}
						lastResult={resultFor('log-interaction')}
					/>
					<IntroductionsPanel
						contactId={contact.id}
						introductions={page.introductions}
						startups={page.startups}
						today={page.today}
						lastResult={resultFor('introduce')}
					/>
				</div>
				<aside>
					<ContactFacts contact={contact} />
					<GdprPanel contact={contact} />
				</aside>
			</div>
		</>
	)
}

export const meta = pageTitle<typeof loader>(({ data, t }) => [
	data && personName(data.contact, t('contacts:erasedContact')),
	t('nav.contacts'),
])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
