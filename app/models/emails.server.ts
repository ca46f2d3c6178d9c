import type { Decision } from '#db/schema/enums'
import { fixedT } from '~/utils/i18n-fixed.server'
import type { Locale } from '~/utils/i18n'
import type { Email } from './outbox.server'

/*
 * The texts of the emails, in the recipient's language (messages in calls.json and
 * account.json, under "emails"). Plain text: every mail client shows it, nothing to escape.
 */

const signature = (locale: Locale) => fixedT(locale)('calls:emails.signature')

function email(kind: Email['kind'], to: string, locale: Locale, subject: string, lines: string[]) {
	return { kind, to, locale, subject, body: [...lines, '', signature(locale)].join('\n') }
}

export function applicationLinkEmail(input: {
	to: string
	locale: Locale
	name: string
	callTitle: string
	projectName: string
	link: string
	expiresOn: string
}): Email {
	const t = fixedT(input.locale)
	return email('application_link', input.to, input.locale, t('calls:emails.link.subject', input), [
		t('calls:emails.hello', input),
		'',
		t('calls:emails.link.body', input),
		'',
		input.link,
		'',
		t('calls:emails.link.expires', input),
		t('calls:emails.link.private'),
	])
}

export function applicationReceivedEmail(input: {
	to: string
	locale: Locale
	name: string
	callTitle: string
	projectName: string
}): Email {
	const t = fixedT(input.locale)
	return email(
		'application_received',
		input.to,
		input.locale,
		t('calls:emails.received.subject', input),
		[t('calls:emails.hello', input), '', t('calls:emails.received.body', input)],
	)
}

export function newApplicationEmail(input: {
	to: string
	locale: Locale
	callTitle: string
	projectName: string
	link: string
}): Email {
	const t = fixedT(input.locale)
	return email('application_new', input.to, input.locale, t('calls:emails.new.subject', input), [
		t('calls:emails.new.body', input),
		'',
		input.link,
	])
}

export function decisionEmail(input: {
	to: string
	locale: Locale
	name: string
	callTitle: string
	projectName: string
	decision: Decision
	reason: string | null
}): Email {
	const t = fixedT(input.locale)
	const lines = [
		t('calls:emails.hello', input),
		'',
		t(`calls:emails.decision.${input.decision}`, input),
	]
	// the manager's words, exactly as written: nothing of the committee's scores or comments
	if (input.reason) lines.push('', input.reason)
	if (input.decision === 'accepted') lines.push('', t('calls:emails.decision.acceptedNext'))
	return email(
		'application_decision',
		input.to,
		input.locale,
		t('calls:emails.decision.subject', input),
		lines,
	)
}

export function invitationEmail(input: {
	to: string
	locale: Locale
	name: string
	startupName: string
	link: string
	expiresOn: string
}): Email {
	const t = fixedT(input.locale)
	return email(
		'invitation',
		input.to,
		input.locale,
		t('account:emails.invitation.subject', input),
		[
			t('calls:emails.hello', input),
			'',
			t('account:emails.invitation.body', input),
			'',
			input.link,
			'',
			t('account:emails.invitation.expires', input),
		],
	)
}

export function passwordResetEmail(input: {
	to: string
	locale: Locale
	name: string
	link: string
}): Email {
	const t = fixedT(input.locale)
	return email('password_reset', input.to, input.locale, t('account:emails.reset.subject'), [
		t('calls:emails.hello', input),
		'',
		t('account:emails.reset.body'),
		'',
		input.link,
		'',
		t('account:emails.reset.expires'),
		t('account:emails.reset.notYou'),
	])
}
