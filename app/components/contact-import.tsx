import { Link, useFetcher } from '@remix-run/react'
import { Form } from '~/components/form'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportIssue } from '~/models/contact-import.server'
import { useFormat } from '~/utils/use-format'
import { Stat, StatGrid } from './stat'
import { Table } from './data-table'

export type ImportJobView = {
	id: string
	status: 'running' | 'done' | 'failed'
	total: number
	processed: number
	inserted: number
	skippedLines: number[]
	conflictLines: number[]
	organisationsCreated: number
}

function IssueList({ issues }: { issues: ImportIssue[] }) {
	const { t } = useTranslation('contacts')
	return (
		<ul className="field-errors">
			{issues.map((issue, index) => (
				<li key={index}>
					{issue.column ? (
						<>
							<code>{issue.column}</code> —{' '}
						</>
					) : null}
					{t(issue.key, issue.values)}
				</li>
			))}
		</ul>
	)
}

/** The checked file: counts, every problem row by row, and the choice to import or not. */
export function ImportReport({
	report,
	busy,
}: {
	report: {
		token: string
		fileName: string
		total: number
		valid: number
		invalid: number
		problems: { line: number; issues: ImportIssue[] }[]
		moreProblems: number
		fileErrors: ImportIssue[]
		warnings: ImportIssue[]
	}
	busy: boolean
}) {
	const { t } = useTranslation('contacts')
	const f = useFormat()
	const blocked = report.fileErrors.length > 0 || report.valid === 0
	return (
		<section aria-labelledby="import-report-title" className="panel">
			<h2 id="import-report-title">{t('import.reportTitle', { file: report.fileName })}</h2>
			<StatGrid>
				<Stat label={t('import.rows')} value={f.number(report.total)} />
				<Stat label={t('import.valid')} value={f.number(report.valid)} />
				<Stat label={t('import.invalid')} value={f.number(report.invalid)} />
			</StatGrid>
			{report.fileErrors.length ? (
				<div role="alert">
					<h3>{t('import.fileProblems')}</h3>
					<IssueList issues={report.fileErrors} />
				</div>
			) : null}
			{report.warnings.length ? (
				<div>
					<h3>{t('import.warningsTitle')}</h3>
					<ul className="list">
						{report.warnings.map((w, index) => (
							<li key={index}>{t(w.key, w.values)}</li>
						))}
					</ul>
				</div>
			) : null}
			{report.problems.length ? (
				<>
					<h3>{t('import.problemsTitle')}</h3>
					<Table
						className="contact-import-problems"
						caption={t('import.problemsTitle')}
						captionHidden
					>
						<thead>
							<tr>
								<th scope="col">{t('import.line')}</th>
								<th scope="col">{t('import.problems')}</th>
							</tr>
						</thead>
						<tbody>
							{report.problems.map((p) => (
								<tr key={p.line} className="row-warning">
									<th scope="row">{p.line}</th>
									<td>
										<IssueList issues={p.issues} />
									</td>
								</tr>
							))}
						</tbody>
					</Table>
					{report.moreProblems ? (
						<p className="muted">{t('import.moreProblems', { count: report.moreProblems })}</p>
					) : null}
					<p>
						<a
							href={`/contacts/import/report.csv?token=${encodeURIComponent(report.token)}`}
							className="button button-small"
							download
						>
							{t('import.downloadReport')}
						</a>
					</p>
				</>
			) : null}
			{blocked ? (
				<p className="muted">{t('import.nothingToImport')}</p>
			) : (
				<div className="actions">
					<Form method="post">
						<input type="hidden" name="intent" value="import" />
						<input type="hidden" name="token" value={report.token} />
						<input type="hidden" name="mode" value={report.invalid ? 'valid' : 'all'} />
						<button type="submit" className="button button-primary" disabled={busy}>
							{report.invalid
								? t('import.importValid', { count: report.valid, skipped: report.invalid })
								: t('import.importAll', { count: report.valid })}
						</button>
					</Form>
					<Form method="post">
						<input type="hidden" name="intent" value="discard" />
						<input type="hidden" name="token" value={report.token} />
						<button type="submit" className="button" disabled={busy}>
							{t('import.importNone')}
						</button>
					</Form>
				</div>
			)}
		</section>
	)
}

/** A running import's progress bar, polled from the server until the worker is done. */
export function ImportProgress({ initial }: { initial: ImportJobView }) {
	const { t } = useTranslation('contacts')
	const f = useFormat()
	const fetcher = useFetcher<ImportJobView>()
	const job = fetcher.data ?? initial
	const running = job.status === 'running'
	const idle = fetcher.state === 'idle'
	const { load } = fetcher
	useEffect(() => {
		if (!running || !idle) return
		const timer = setTimeout(() => load(`/contacts/import/progress?job=${job.id}`), 250)
		return () => clearTimeout(timer)
	}, [running, idle, job.id, job.processed, load])
	const percent = job.total ? Math.round((job.processed / job.total) * 100) : 100
	return (
		<section aria-labelledby="import-progress-title" className="panel">
			<h2 id="import-progress-title">{t('import.progressTitle')}</h2>
			<progress
				className="contact-progress"
				max={job.total}
				value={job.processed}
				aria-label={t('import.progressLabel')}
			/>
			<p role="status">
				{running
					? t('import.progress', {
							processed: f.number(job.processed),
							total: f.number(job.total),
							percent,
						})
					: job.status === 'failed'
						? t('import.failed')
						: job.conflictLines.length
							? t('import.rolledBack', { lines: job.conflictLines.join(', ') })
							: t('import.done', { count: job.inserted })}
			</p>
			{job.status === 'done' && job.skippedLines.length ? (
				<p className="muted">{t('import.skipped', { lines: job.skippedLines.join(', ') })}</p>
			) : null}
			{job.status === 'done' && job.organisationsCreated ? (
				<p className="muted">
					{t('import.organisationsCreated', { count: job.organisationsCreated })}
				</p>
			) : null}
			{!running ? (
				<p>
					<Link to="/contacts?sort=created&dir=desc" className="button">
						{t('import.seeContacts')}
					</Link>
				</p>
			) : null}
		</section>
	)
}

export function ImportColumnsTable({
	columns,
}: {
	columns: { name: string; required: boolean; example: string }[]
}) {
	const { t } = useTranslation('contacts')
	return (
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
						<td>{c.required ? t('common:common.yes') : t('common:common.no')}</td>
						<td>{t(`import.columns.${c.name}`)}</td>
						<td>{c.example || '—'}</td>
					</tr>
				))}
			</tbody>
		</Table>
	)
}
