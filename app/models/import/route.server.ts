import {
	MaxPartSizeExceededError,
	unstable_createMemoryUploadHandler,
	unstable_parseMultipartFormData,
} from '@remix-run/node'
import { z } from 'zod'
import type { Viewer } from '~/models/viewer'
import { holdsSome, linkedStartup } from '~/utils/access.server'
import { requireUser } from '~/utils/auth.server'
import { toCsv } from '~/utils/csv.server'
import { forbidden, notFound } from '~/utils/http.server'
import { can } from '~/utils/permissions'
import { type FieldDef, IMPORT_KINDS, type ImportKind } from './fields'
import { IMPORT_GRANTS, writableStartup } from './importers/startup-ref.server'
import type { ImportSession } from './jobs.server'
import { importFields } from './pipeline.server'
import { ENCODINGS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from './read.server'
import { type FailedRow, IMPORT_MODES, type ImportSettings } from './types'

/*
 * What the import routes share: who may import what, reading the form, and what the page is
 * sent. The routes stay thin; the pipeline lives in pipeline.server.ts.
 */

export function parseKind(value: string | undefined): ImportKind {
	const kind = IMPORT_KINDS.find((k) => k === value)
	if (!kind) throw notFound('import', value)
	return kind
}

/** Why someone may not import this kind of record, in the 403 page's words. */
const REFUSALS = {
	contacts: 'update:contact:any',
	startups: 'update:startup:any',
	funding: 'update:funding:own',
	kpis: 'update:kpi:own',
} as const

/** The signed-in user, if they may import this kind of record (403 otherwise). */
export async function requireImporter(request: Request, kind: ImportKind): Promise<Viewer> {
	const user = await requireUser(request)
	const allowed =
		kind === 'contacts'
			? can(user, 'update:contact:any')
			: kind === 'startups'
				? can(user, 'update:startup:any')
				: holdsSome(user, IMPORT_GRANTS[kind])
	if (!allowed) throw forbidden(REFUSALS[kind])
	return { id: user.id, role: user.role, startupId: user.startupId, mentorId: user.mentorId }
}

/** The startup a funding or KPI import is for: the founder's own, or `?startup=` for a manager. */
export function startupOfImport(viewer: Viewer, kind: ImportKind, value: string | null) {
	if (kind !== 'funding' && kind !== 'kpis') return null
	const own = linkedStartup(viewer, IMPORT_GRANTS[kind])
	const id = own ?? Number(value)
	if (!id || !Number.isSafeInteger(id)) return null
	const startup = writableStartup(viewer, IMPORT_GRANTS[kind], id)
	if (!startup && own !== null) throw forbidden(REFUSALS[kind])
	return startup
}

// ---------------------------------------------------------------- the form

const uploadFields = ['intent', 'file', 'token', 'encoding', 'headerRow', 'dateOrder', 'mode']

/** Reads the posted form; an over-large file comes back as 'tooBig'. */
export async function readImportForm(request: Request) {
	const handler = unstable_createMemoryUploadHandler({
		maxPartSize: IMPORT_MAX_BYTES,
		filter: ({ name }) =>
			uploadFields.includes(name) || name.startsWith('col.') || name.startsWith('const.'),
	})
	try {
		const formData = (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')
			? await unstable_parseMultipartFormData(request, handler)
			: await request.formData()
		return { formData }
	} catch (error) {
		return { error: error instanceof MaxPartSizeExceededError ? 'tooBig' : 'unreadable' } as const
	}
}

const SettingsSchema = z.object({
	encoding: z.enum(ENCODINGS).optional().catch(undefined),
	headerRow: z.coerce.number().int().min(0).max(1000).optional().catch(undefined),
	dateOrder: z.enum(['dmy', 'mdy']).optional().catch(undefined),
	mode: z.enum(IMPORT_MODES).optional().catch(undefined),
})

/** The matching step's choices, kept within what the file and the importer allow. */
export function settingsFromForm(
	formData: FormData,
	session: ImportSession,
	fields: FieldDef[],
): ImportSettings {
	const parsed = SettingsSchema.parse({
		encoding: formData.get('encoding') || undefined,
		headerRow: formData.get('headerRow') ?? undefined,
		dateOrder: formData.get('dateOrder') || undefined,
		mode: formData.get('mode') || undefined,
	})
	const keys = new Set(fields.map((f) => f.key))
	const analysis = session.analysis
	const headerChanged =
		parsed.headerRow !== undefined && analysis && parsed.headerRow !== analysis.headerRow
	let mapping: (string | null)[] | null = null
	if (analysis && !headerChanged && formData.has('col.0')) {
		mapping = analysis.columns.map((c) => {
			const value = String(formData.get(`col.${c.index}`) ?? '')
			return keys.has(value) ? value : null
		})
	}
	const constants: Record<string, string> = {}
	for (const [name, value] of formData) {
		const key = name.startsWith('const.') ? name.slice(6) : null
		if (key && keys.has(key) && typeof value === 'string' && value.trim()) {
			constants[key] = value.trim().slice(0, 200)
		}
	}
	return {
		...session.settings,
		encoding: parsed.encoding ?? session.settings.encoding ?? null,
		headerRow: parsed.headerRow ?? session.settings.headerRow ?? null,
		mapping,
		constants,
		dateOrder: parsed.dateOrder ?? null,
		mode: parsed.mode ?? 'create_update',
	}
}

// ---------------------------------------------------------------- the page

export function importLimits() {
	return { maxBytes: IMPORT_MAX_BYTES, maxRows: IMPORT_MAX_ROWS }
}

/** What the page is sent about an import: never the bytes, the plan or another user's data. */
export function sessionView(session: ImportSession | null) {
	if (!session) return null
	const { token, kind, fileName, status, progress, problem, outcome, settings } = session
	const fields = importFields(kind, session.viewer, settings).map((f) => ({
		key: f.key,
		type: f.type,
		required: Boolean(f.required),
		choices: f.choices ? Object.keys(f.choices) : null,
	}))
	return {
		token,
		kind,
		fileName,
		status,
		progress,
		problem,
		outcome,
		fields,
		analysis: session.analysis,
		failedCount: session.analysis?.counts.error ?? 0,
	}
}

export type ImportSessionView = NonNullable<ReturnType<typeof sessionView>>

/** The rows that failed, as they were in the file, with the reason in a last column. */
export function errorFileCsv(
	result: { header: string[]; failed: FailedRow[] },
	translate: (key: string, values?: Record<string, string | number>) => string,
) {
	const header = result.header
	const columns = [
		...header.map((h, i) => ({
			header: h || `#${i + 1}`,
			value: (r: (typeof result.failed)[number]) => r.cells[i] ?? '',
		})),
		{
			header: translate('import:errorColumn'),
			value: (r: (typeof result.failed)[number]) =>
				r.issues
					.map((issue) => {
						const field = issue.field ? `${translate(`import:fields.${issue.field}`)} : ` : ''
						return field + translate(issue.key, issue.values)
					})
					.join(' | '),
		},
	]
	return toCsv(result.failed, columns)
}
