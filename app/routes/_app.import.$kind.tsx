import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList } from '~/components/forms'
import { ImportSteps } from '~/components/import-steps'
import {
	discardImportSession,
	getImportSession,
	reconfigureSession,
	startImportSession,
	writeSession,
} from '~/models/import/jobs.server'
import { importFields } from '~/models/import/pipeline.server'
import {
	importLimits,
	parseKind,
	readImportForm,
	requireImporter,
	sessionView,
	settingsFromForm,
	startupOfImport,
} from '~/models/import/route.server'
import { useFormat } from '~/utils/use-format'
import { redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

const BACK: Record<string, string> = {
	contacts: '/contacts',
	startups: '/startups',
	funding: '/funding',
	kpis: '/funding/follow-up',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const kind = parseKind(params.kind)
	const viewer = await requireImporter(request, kind)
	const url = new URL(request.url)
	const startup = startupOfImport(viewer, kind, url.searchParams.get('startup'))
	const token = url.searchParams.get('s')
	const session = token ? getImportSession(token, viewer, kind) : null
	return {
		kind,
		startup,
		limits: importLimits(),
		session: sessionView(session),
		expired: Boolean(token && !session),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const kind = parseKind(params.kind)
	const viewer = await requireImporter(request, kind)
	const url = new URL(request.url)
	const fail = (key: string, status = 400) => data({ errors: [key] }, { status })
	const form = await readImportForm(request)
	if ('error' in form) return fail(`import:errors.${form.error}`)
	const { formData } = form
	const intent = formData.get('intent')
	const here = (token: string) => {
		const next = new URLSearchParams(url.searchParams)
		next.set('s', token)
		return `${url.pathname}?${next}`
	}

	if (intent === 'upload') {
		const file = formData.get('file')
		if (!(file instanceof File) || file.size === 0) return fail('import:errors.fileMissing')
		const startup = startupOfImport(viewer, kind, url.searchParams.get('startup'))
		const session = await startImportSession({
			userId: viewer.id,
			viewer,
			kind,
			fileName: file.name.slice(0, 200),
			bytes: new Uint8Array(await file.arrayBuffer()),
			settings: { startupId: startup?.id ?? null },
		})
		return redirect(here(session.token))
	}

	const token = String(formData.get('token') ?? '')
	const session = getImportSession(token, viewer, kind)
	if (!session) return fail('import:expired')
	if (intent === 'discard') {
		discardImportSession(token, viewer)
		const next = new URLSearchParams(url.searchParams)
		next.delete('s')
		return redirectWithToast(`${url.pathname}?${next}`, {
			type: 'success',
			messageKey: 'import:discarded',
		})
	}
	if (intent !== 'configure' && intent !== 'import') return fail('import:expired')
	if (session.status === 'writing' || session.status === 'analysing') {
		return fail('import:errors.notReady')
	}
	const settings = settingsFromForm(formData, session, importFields(kind, viewer, session.settings))
	// the import writes what the page shows: the choices are applied (and checked) first
	await reconfigureSession(session, settings, { wait: intent === 'import' })
	if (intent === 'import') {
		const started = await writeSession(session)
		if (!started.ok) return fail(`import:errors.${started.error}`)
	}
	return redirect(here(session.token))
}

export default function ImportPage() {
	const { kind, startup, limits, session, expired } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const { t } = useTranslation('import')
	const format = useFormat()
	const busy = navigation.state !== 'idle'
	const showUpload = !session || session.status === 'failed'

	return (
		<>
			<p className="breadcrumb">
				<Link to={BACK[kind]!}>{t(`done.back.${kind}`)}</Link>
			</p>
			<h1>{t(`title.${kind}`)}</h1>
			{startup ? <p className="lead">{t('forStartup', { name: startup.name })}</p> : null}
			<p>{t(`lead.${kind}`)}</p>
			{kind === 'funding' ? <p className="field-hint">{t('triggerHint')}</p> : null}
			{expired ? <p role="alert">{t('expired')}</p> : null}
			<ErrorList errors={actionData?.errors} />
			{session?.problem ? (
				<p role="alert" className="field-error">
					{t(session.problem.key, {
						...session.problem.values,
						size: `${format.number(limits.maxBytes / 1024 / 1024)} Mo`,
						max: format.number(limits.maxRows),
						rows: format.number(Number(session.problem.values?.rows ?? 0)),
					})}
				</p>
			) : null}
			{showUpload ? (
				<Form method="post" encType="multipart/form-data" className="form">
					<input type="hidden" name="intent" value="upload" />
					<div className="field">
						<label htmlFor="import-file">{t('file')}</label>
						<input
							id="import-file"
							type="file"
							name="file"
							required
							accept=".csv,.tsv,.txt,.xlsx,.xls,.ods,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
							aria-describedby="import-file-hint"
						/>
						<p id="import-file-hint" className="field-hint">
							{t('fileHint', {
								size: `${format.number(limits.maxBytes / 1024 / 1024)} Mo`,
								rows: format.number(limits.maxRows),
							})}
						</p>
					</div>
					<p>
						<button type="submit" className="button button-primary" disabled={busy}>
							{t('upload')}
						</button>
					</p>
				</Form>
			) : null}
			{session && session.status !== 'failed' ? (
				<ImportSteps session={session} busy={busy} />
			) : null}
		</>
	)
}

const NAV: Record<string, string> = {
	contacts: 'nav.contacts',
	startups: 'nav.startups',
	funding: 'nav.funding',
	kpis: 'nav.funding',
}

export const meta = pageTitle<typeof loader>(({ data, t }) =>
	data ? [t(`import:title.${data.kind}`), t(NAV[data.kind] ?? 'nav.dashboard')] : [],
)

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
