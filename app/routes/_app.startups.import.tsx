import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
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
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList } from '~/components/forms'
import { StartupImportPreview } from '~/components/startup-import-preview'
import {
	decodeCsvFile,
	IMPORT_COLUMNS,
	IMPORT_MAX_BYTES,
	IMPORT_MAX_ROWS,
	type ImportPreview,
	importStartupCsv,
	listCohortNames,
	looksLikeWorkbook,
	resentSize,
	templateRows,
	toImportPreview,
	validateStartupCsv,
} from '~/models/startup-import.server'
import { requirePermission } from '~/utils/access.server'
import { redirectWithToast } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'
import { Table } from '~/components/data-table'

// two steps: 'preview' checks an uploaded file; 'import' sends the checked text back to be written
const ImportFormSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('preview'),
		file: z.instanceof(File, { message: 'startups:import.errors.fileMissing' }),
	}),
	z.object({
		intent: z.literal('import'),
		csv: z.string({ required_error: 'startups:import.errors.csvMissing' }),
	}),
])

type ActionData = {
	result: SubmissionResult<string[]>
	preview: ImportPreview | null
	fileName?: string
	/** The checked text, only when every row is valid: the import form sends it back. */
	csv?: string
}

// made on the server only: route modules also load in the browser, where this helper does not exist
const makeUploadHandler = () =>
	unstable_createMemoryUploadHandler({
		maxPartSize: IMPORT_MAX_BYTES,
		// only the form's own fields are kept in memory
		filter: ({ name }) => ['intent', 'file', 'csv'].includes(name),
	})

const TEXT_EXTENSIONS = /\.(csv|txt|tsv)$/i

export async function loader({ request }: LoaderFunctionArgs) {
	await requirePermission(request, 'update:startup:any')
	const cohortNames = listCohortNames()
	const [french, british] = templateRows(cohortNames[0])
	return {
		cohortNames,
		maxRows: IMPORT_MAX_ROWS,
		columns: IMPORT_COLUMNS.map((c) => ({
			name: c.name,
			required: c.required,
			example: french![c.name] || british![c.name],
		})),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requirePermission(request, 'update:startup:any')
	const reply = (body: ActionData, status = 200) => data(body, { status })
	const fileError = (key: string): ActionData => ({
		result: { status: 'error', error: { file: [key] } },
		preview: null,
	})

	let formData: FormData
	try {
		formData = await unstable_parseMultipartFormData(request, makeUploadHandler())
	} catch (error) {
		// too big, or not a multipart body at all: the manager chooses the file again
		const key =
			error instanceof MaxPartSizeExceededError
				? 'startups:import.errors.tooBig'
				: 'startups:import.errors.unreadable'
		return reply(fileError(key), 400)
	}

	const submission = parseWithZod(formData, { schema: ImportFormSchema })
	if (submission.status !== 'success') {
		return reply({ result: submission.reply({ hideFields: ['csv'] }), preview: null }, 400)
	}

	if (submission.value.intent === 'preview') {
		const { file } = submission.value
		const bytes = new Uint8Array(await file.arrayBuffer())
		if (looksLikeWorkbook(bytes)) return reply(fileError('startups:import.errors.workbook'), 400)
		const text = decodeCsvFile(bytes)
		const hasExtension = /\.[^./\\]+$/.test(file.name)
		if (text === null || (hasExtension && !TEXT_EXTENSIONS.test(file.name))) {
			return reply(fileError('startups:import.errors.notCsv'), 400)
		}
		// the import form must be able to send the text back under the same size limit
		if (resentSize(text) > IMPORT_MAX_BYTES) {
			return reply(fileError('startups:import.errors.tooBig'), 400)
		}
		// nothing is written here: the preview only reads the database
		const preview = toImportPreview(validateStartupCsv(text))
		return reply({
			result: submission.reply(),
			preview,
			fileName: file.name,
			csv: preview.importable ? text : undefined,
		})
	}

	// never trust the preview: the text is checked again, inside the write transaction
	const outcome = importStartupCsv(submission.value.csv, user.id)
	if (!outcome.ok) {
		return reply(
			{
				result: submission.reply({
					hideFields: ['csv'],
					formErrors: ['startups:import.notImported'],
				}),
				preview: toImportPreview(outcome.result),
			},
			400,
		)
	}
	return redirectWithToast('/startups', {
		type: 'success',
		messageKey:
			outcome.count === 1 ? 'startups:import.importedOne' : 'startups:import.importedMany',
		values: { count: String(outcome.count) },
	})
}

export default function StartupImportPage() {
	const { cohortNames, columns, maxRows } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const { t } = useTranslation('startups')
	const [form, fields] = useForm<{ file: File }>({
		id: 'startup-import',
		lastResult: actionData?.result,
	})
	const busy = navigation.state !== 'idle'

	return (
		<>
			<p className="breadcrumb">
				<Link to="/startups">{t('list.title')}</Link>
			</p>
			<h1>{t('import.title')}</h1>
			<p className="lead">{t('import.lead')}</p>

			<h2>{t('import.uploadTitle')}</h2>
			<Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="form">
				<input type="hidden" name="intent" value="preview" />
				<div className="field">
					<label htmlFor={fields.file.id}>{t('import.file')}</label>
					<input
						{...getInputProps(fields.file, {
							type: 'file',
							ariaDescribedBy: fields.file.descriptionId,
						})}
						accept=".csv,.txt,.tsv,text/csv,text/plain"
					/>
					<p id={fields.file.descriptionId} className="field-hint">
						{t('import.fileHint', { max: maxRows })}
					</p>
					<ErrorList id={fields.file.errorId} errors={fields.file.errors} />
				</div>
				<ErrorList id={form.errorId} errors={form.errors} />
				<p>
					<button type="submit" className="button button-primary" disabled={busy}>
						{t('import.check')}
					</button>
				</p>
			</Form>

			{actionData?.preview ? (
				<StartupImportPreview preview={actionData.preview} fileName={actionData.fileName} />
			) : null}

			{actionData?.preview?.importable && actionData.csv ? (
				<Form method="post" encType="multipart/form-data">
					<input type="hidden" name="intent" value="import" />
					<input type="hidden" name="csv" value={actionData.csv} />
					<button type="submit" className="button button-primary" disabled={busy}>
						{t('import.importButton', { count: actionData.preview.summary.rows })}
					</button>
				</Form>
			) : null}

			<h2>{t('import.columnsTitle')}</h2>
			<p>{t('import.howTo')}</p>
			<p>
				<a href="/startups/import/template.csv" download className="button">
					{t('import.template')}
				</a>
			</p>
			<Table caption={t('import.columnsTitle')} captionHidden>
				<thead>
					<tr>
						<th scope="col">{t('import.column')}</th>
						<th scope="col">{t('import.required')}</th>
						<th scope="col">{t('import.format')}</th>
						<th scope="col">{t('import.example')}</th>
					</tr>
				</thead>
				<tbody>
					{columns.map((c) => (
						<tr key={c.name}>
							<th scope="row">
								<code>{c.name}</code>
							</th>
							<td>{c.required ? t('common.yes') : t('common.no')}</td>
							<td>{t(`import.columns.${c.name}`)}</td>
							<td>{c.example || t('common.none')}</td>
						</tr>
					))}
				</tbody>
			</Table>
			<p className="muted">
				{cohortNames.length
					? t('import.existingCohorts', { names: cohortNames.join(', ') })
					: t('import.noCohorts')}
			</p>
		</>
	)
}

export const meta = pageTitle(({ t }) => [t('startups:import.title'), t('nav.startups')])

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
