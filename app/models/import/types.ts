import type { Encoding, FileFormat } from './read.server'
import type { ImportKind } from './fields'
import type { Mapping } from './matching'
import type { DateOrder } from './values'

/** A problem in words: an i18n key (namespace `import:` or the forms' own) and its values. */
export type Issue = { key: string; field?: string; values?: Record<string, string | number> }

export const IMPORT_MODES = ['create_update', 'create_only'] as const
export type ImportMode = (typeof IMPORT_MODES)[number]

/** What the user chose on the matching step; anything unset is detected. */
export type ImportSettings = {
	encoding?: Encoding | null
	headerRow?: number | null
	mapping?: Mapping | null
	/** One value for every row without one ("Country: France"). */
	constants?: Record<string, string>
	dateOrder?: DateOrder | null
	mode?: ImportMode
	/** Funding and KPI reports of one startup: the founder's own, or the page it came from. */
	startupId?: number | null
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'skip' | 'error'

/** A value as it will be stored, for the preview to show in the reader's language. */
export type Stored = string | number | boolean | null

export type RowReport = {
	line: number
	action: RowAction
	values: Record<string, Stored>
	errors: Issue[]
	/** Not errors, but worth a look: a name-only look-alike, say. */
	flags: Issue[]
}

/** One row ready to write: what to create or which record to update with what. */
export type PlannedRow = {
	line: number
	action: 'create' | 'update'
	existingId: number | null
	record: Record<string, Stored>
}

export type Analysis = {
	kind: ImportKind
	fileName: string
	file: {
		format: FileFormat
		encoding: Encoding | null
		detectedEncoding: Encoding | null
		mixedEncoding: boolean
		delimiter: string | null
		sheet: string | null
	}
	/** The first rows of the file, for choosing another header row. */
	topRows: string[][]
	headerRow: number
	columns: { index: number; header: string; field: string | null; samples: string[] }[]
	mapping: Mapping
	savedMappingUsed: boolean
	constants: Record<string, string>
	footers: number
	dateOrder: DateOrder
	dateOrderDetected: DateOrder | 'ambiguous' | 'conflict' | null
	missingRequired: string[]
	fileIssues: Issue[]
	counts: Record<RowAction, number> & { total: number }
	preview: RowReport[]
	problems: RowReport[]
	moreProblems: number
	mode: ImportMode
	startupId: number | null
}

/** The rows that failed, as they were in the file, for the error file. */
export type FailedRow = { line: number; cells: string[]; issues: Issue[] }

export type AnalysisResult = {
	analysis: Analysis
	plan: PlannedRow[]
	failed: FailedRow[]
	header: string[]
	shape: string
}

export type WriteOutcome = {
	created: number
	updated: number
	/** Rows that could no longer be written (someone else created the same record meanwhile). */
	conflicts: number
	organisationsCreated: number
}
