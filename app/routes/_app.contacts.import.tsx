import {
	type ActionFunctionArgs,
	data,
	type LoaderFunctionArgs,
	MaxPartSizeExceededError,
	unstable_createMemoryUploadHandler,
	unstable_parseMultipartFormData,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ImportColumnsTable, ImportProgress, ImportReport } from '~/components/contact-import'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList } from '~/components/forms'
import {
	discardCheckedImport,
	getImportJob,
	saveCheckedImport,
	startImport,
} from '~/models/contact-import-jobs.server'
import {
	checkContactCsv,
	decodeCsvFile,
	IMPORT_COLUMNS,
	IMPORT_MAX_BYTES,
	IMPORT_MAX_ROWS,
	PROBLEMS_SHOWN,
	templateRows,
} from '~/models/contact-import.server'
import { requirePermission } from '~/utils/access.server'
import { redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

// step 1 'check' uploads a file; step 2 'import' (or 'discard') refers to the checked rows by token
const ImportSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('check'), file: z.instanceof(File) }),
	z.object({
		intent: z.literal('import'),
		token: z.string().min(1).max(100),
		mode: z.enum(['all', 'valid']),
	}),
	z.object({ intent: z.literal('discard'), token: z.string().min(1).max(100) }),
])

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const jobId = new URL(request.url).searchParams.get('job')
	const [example] = templateRows()
	return {
		job: jobId ? getImportJob(jobId, user.id) : null,
		jobId,
		maxRows: IMPORT_MAX_ROWS,
		columns: IMPORT_COLUMNS.map((c) => ({ ...c, example: example![c.name] })),
	}
}

type Report = {
	token: string
	fileName: string
	total: number
	valid: number
	invalid: number
	problems: ReturnType<typeof checkContactCsv>['problems']
	moreProblems: number
	fileErrors: ReturnType<typeof checkContactCsv>['fileErrors']
	warnings: ReturnType<typeof checkContactCsv>['warnings']
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:contact:any')
	const fail = (key: string, status = 400) =>
		data({ report: null as Report | null, errors: [key] }, { status })

	// made here, not at the module's top: a top-level call would run in the browser bundle too
	const uploadHandler = unstable_createMemoryUploadHandler({
		maxPartSize: IMPORT_MAX_BYTES,
		filter: ({ name }) => ['intent', 'file', 'token', 'mode'].includes(name),
	})
	let formData: FormData
	try {
		formData = (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')
			? await unstable_parseMultipartFormData(request, uploadHandler)
			: await request.formData()
	} catch (error) {
		return fail(
			error instanceof MaxPartSizeExceededError
				? 'contacts:import.errors.tooBig'
				: 'contacts:import.errors.unreadable',
		)
	}
	const parsed = ImportSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) {
		return fail(
			formData.get('intent') === 'check'
				? 'contacts:import.errors.fileMissing'
				: 'contacts:import.errors.expired',
		)
	}
	const input = parsed.data

	if (input.intent === 'discard') {
		discardCheckedImport(input.token, user.id)
		return redirectWithToast('/contacts/import', {
			type: 'success',
			messageKey: 'contacts:import.discarded',
		})
	}
	if (input.intent === 'import') {
		const started = startImport({ token: input.token, userId: user.id, mode: input.mode })
		if (!started.ok) return fail(`contacts:import.errors.${started.error}`)
		return redirectWithToast(`/contacts/import?job=${started.jobId}`, {
			type: 'success',
			messageKey: 'contacts:import.started',
		})
	}

	const { file } = input
	if (file.size === 0) return fail('contacts:import.errors.fileMissing')
	const text = decodeCsvFile(new Uint8Array(await file.arrayBuffer()))
	if (text === null || (/\.[^./\\]+$/.test(file.name) && !/\.(csv|txt|tsv)$/i.test(file.name))) {
		return fail('contacts:import.errors.notCsv')
	}
	// nothing is written here: the check only reads the database
	const check = checkContactCsv(text)
	const token = saveCheckedImport({
		userId: user.id,
		fileName: file.name,
		total: check.total,
		rows: check.rows,
		problems: check.problems,
		fileErrors: check.fileErrors,
	})
	const report: Report = {
		token,
		fileName: file.name,
		total: check.total,
		valid: check.rows.length,
		invalid: check.problems.length,
		problems: check.problems.slice(0, PROBLEMS_SHOWN),
		moreProblems: Math.max(0, check.problems.length - PROBLEMS_SHOWN),
		fileErrors: check.fileErrors,
		warnings: check.warnings,
	}
	return data({ report, errors: [] as string[] }, { status: 200 })
}

export default function ContactImportPage() {
	const { job, jobId, columns, maxRows } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const { t } = useTranslation('contacts')
	const busy = navigation.state !== 'idle'
	const report = actionData?.report

	return (
		<>
			<p className="breadcrumb">
				<Link to="/contacts">{t('list.title')}</Link>
			</p>
			<h1>{t('import.title')}</h1>
			{jobId ? (
				job ? (
					<ImportProgress initial={job} />
				) : (
					<p role="alert">{t('import.jobUnknown')}</p>
				)
			) : null}

			{!jobId || job?.status !== 'running' ? (
				<>
					<p className="lead">{t('import.lead')}</p>
					<Form method="post" encType="multipart/form-data" className="form">
						<input type="hidden" name="intent" value="check" />
						<div className="field">
							<label htmlFor="import-file">{t('import.file')}</label>
							<input
								id="import-file"
								type="file"
								name="file"
								required
								accept=".csv,.txt,.tsv,text/csv,text/plain"
								aria-describedby="import-file-hint"
							/>
							<p id="import-file-hint" className="field-hint">
								{t('import.fileHint', { max: maxRows })}
							</p>
						</div>
						<ErrorList errors={actionData?.errors} />
						<p>
							<button type="submit" className="button button-primary" disabled={busy}>
								{t('import.check')}
							</button>
						</p>
					</Form>
				</>
			) : null}

			{report ? <ImportReport report={report} busy={busy} /> : null}

			<h2>{t('import.columnsTitle')}</h2>
			<p>{t('import.howTo')}</p>
			<p>
				<a href="/contacts/import/template.csv" download className="button">
					{t('import.template')}
				</a>
			</p>
			<ImportColumnsTable columns={columns} />
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('contacts:import.title'), t('nav.contacts')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
