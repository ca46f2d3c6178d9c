import type { Viewer } from '~/models/viewer'
import type { Tx } from '~/utils/db.server'
import type { FieldDef, ImportKind } from '../fields'
import type { ImportSettings, Issue, PlannedRow, Stored, WriteOutcome } from '../types'
import type { DateOrder } from '../values'

export type ImportContext = {
	viewer: Viewer
	settings: ImportSettings
	today: string
	dateOrder: DateOrder
	/** The startup every row belongs to (funding, KPI reports), when there is one. */
	startupId: number | null
}

export type RowCheck = {
	action: 'create' | 'update' | 'unchanged' | 'error'
	existingId: number | null
	/** The record as it will be stored (for the plan and the preview). */
	record: Record<string, Stored>
	errors: Issue[]
	flags: Issue[]
}

export type Importer<State> = {
	kind: ImportKind
	permission: 'update:contact:any' | 'update:startup:any' | 'funding' | 'kpis'
	fields: (ctx: ImportContext) => FieldDef[]
	load: (ctx: ImportContext) => State
	/** Sees every row before any is checked (a row may name another row of the file). */
	prepare?: (
		rows: { line: number; cells: Record<string, string> }[],
		state: State,
		ctx: ImportContext,
	) => void
	checkRow: (
		cells: Record<string, string>,
		state: State,
		ctx: ImportContext,
		line: number,
	) => RowCheck
	/** The order to write in, when a row needs another one written first. */
	orderPlan?: (plan: PlannedRow[]) => PlannedRow[]
	writeRows: (
		tx: Tx,
		rows: PlannedRow[],
		ctx: {
			actorId: number
			viewer: Viewer
			today: string
			/** The id each created row got, by its line in the file, across chunks. */
			lineIds: Map<number, number>
		},
	) => Partial<WriteOutcome>
}
