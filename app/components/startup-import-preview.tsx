import { useTranslation } from 'react-i18next'
import type { ImportIssue, ImportPreview } from '~/models/startup-import.server'
import { Stat, StatGrid } from './stat'
import { Table } from './data-table'

// long pitches would make every row a paragraph: the preview shows their start
const CELL_PREVIEW_LENGTH = 60

function IssueList({ issues }: { issues: ImportIssue[] }) {
	const { t } = useTranslation('startups')
	return (
		<ul className="field-errors">
			{issues.map((issue, index) => (
				<li key={index}>
					{issue.column ? <code>{issue.column}</code> : null}
					{issue.column ? ' — ' : null}
					{t(issue.key, issue.values)}
				</li>
			))}
		</ul>
	)
}

function Cell({ value }: { value: string | undefined }) {
	const text = value ?? ''
	if (text.length <= CELL_PREVIEW_LENGTH) return <td>{text}</td>
	return <td title={text}>{`${text.slice(0, CELL_PREVIEW_LENGTH)}…`}</td>
}

/** Every row of the checked file with its problems in words, and what the whole file lacks. */
export function StartupImportPreview({
	preview,
	fileName,
}: {
	preview: ImportPreview
	fileName?: string
}) {
	const { t } = useTranslation('startups')
	const { summary } = preview
	return (
		<section aria-labelledby="import-preview-title">
			<h2 id="import-preview-title">
				{fileName ? t('import.previewTitle', { file: fileName }) : t('import.previewTitleNoName')}
			</h2>
			<StatGrid>
				<Stat label={t('import.rows')} value={summary.rows} />
				<Stat label={t('import.valid')} value={summary.valid} />
				<Stat label={t('import.invalid')} value={summary.invalid} />
			</StatGrid>

			{preview.fileErrors.length ? (
				<div role="alert">
					<h3>{t('import.fileProblems')}</h3>
					<IssueList issues={preview.fileErrors} />
				</div>
			) : null}
			{preview.warnings.length ? (
				<div>
					<h3>{t('import.warningsTitle')}</h3>
					<ul className="list">
						{preview.warnings.map((w, index) => (
							<li key={index}>{t(w.key, w.values)}</li>
						))}
					</ul>
				</div>
			) : null}

			{preview.importable ? (
				<p>{t('import.allValid', { count: summary.rows })}</p>
			) : (
				<p>
					<strong>{t('import.fixFirst')}</strong>
				</p>
			)}

			{preview.rows.length ? (
				<Table caption={t('import.rowsCaption')} captionHidden>
					<thead>
						<tr>
							<th scope="col">{t('import.line')}</th>
							{preview.columns.map((column) => (
								<th scope="col" key={column}>
									<code>{column}</code>
								</th>
							))}
							<th scope="col">{t('import.problems')}</th>
						</tr>
					</thead>
					<tbody>
						{preview.rows.map((row) => (
							<tr key={row.line}>
								<th scope="row">{row.line}</th>
								{preview.columns.map((column) => (
									<Cell key={column} value={row.values[column]} />
								))}
								<td>
									{row.errors.length ? (
										<IssueList issues={row.errors} />
									) : (
										<span className="badge badge-ok">{t('import.rowOk')}</span>
									)}
								</td>
							</tr>
						))}
					</tbody>
				</Table>
			) : null}
		</section>
	)
}
