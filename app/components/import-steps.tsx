import { Link, useRevalidator } from '@remix-run/react'
import { Form } from '~/components/form'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportSessionView } from '~/models/import/route.server'
import { useFormat } from '~/utils/use-format'
import { countryName } from '~/utils/iso-countries'

/*
 * The steps of an import after the upload: progress while the file is read or written, then the
 * file as understood (encoding, separator, header row), the column matching, the interpreted
 * preview with its counts and problems, and the import button; at the end, what was done.
 */

type Analysis = NonNullable<ImportSessionView['analysis']>
type Field = ImportSessionView['fields'][number]
type Stored = string | number | boolean | null

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-15', 'macintosh']
const ACTIONS = ['create', 'update', 'unchanged', 'skip', 'error'] as const

type Translate = ReturnType<typeof useTranslation>['t']

// where the app already names each choice, in the reader's language
const CHOICE_LABELS: Record<string, (t: Translate, value: string) => string> = {
	stage: (t, v) => t(`enums:startupStages.${v}`),
	status: (t, v) => t(`enums:startupStatuses.${v}`),
	kind: (t, v) => t(`enums:fundingKinds.${v}`),
	origin: (t, v) => t(`funding:origins.${v}`),
	organisationKind: (t, v) => t(`enums:organisationKinds.${v}`),
	lawfulBasis: (t, v) => t(`enums:lawfulBases.${v}`),
}

function useValue() {
	const { t, i18n } = useTranslation('import')
	const format = useFormat()
	return (field: Field | undefined, value: Stored, row: Record<string, Stored>, kind: string) => {
		if (value === null || value === undefined || value === '') return ''
		if (!field) return String(value)
		switch (field.type) {
			case 'date':
				return format.date(String(value))
			case 'amount':
				return format.money(Number(value), row.currency === 'GBP' ? 'GBP' : 'EUR')
			case 'whole':
				return format.number(Number(value))
			case 'boolean':
				return value ? t('common:common.yes') : t('common:common.no')
			case 'country': {
				const code = kind === 'contacts' ? String(row.countryCode ?? value) : String(value)
				const name = countryName(code, i18n.language)
				return name === code ? code : `${name} (${code})`
			}
			case 'trigger':
				return [
					row.triggerKind ? t(`enums:fundingKinds.${row.triggerKind}`) : null,
					String(value),
					row.triggerDate ? format.date(String(row.triggerDate)) : null,
					row.triggerLine ? t('preview.triggerLine', { line: row.triggerLine }) : null,
				]
					.filter(Boolean)
					.join(' · ')
			case 'choice': {
				if (field.key === 'status' && kind === 'funding') return t(`enums:fundingStatuses.${value}`)
				const label = CHOICE_LABELS[field.key]
				return label ? label(t, String(value)) : String(value)
			}
			default:
				return String(value)
		}
	}
}

export function ImportSteps({ session, busy }: { session: ImportSessionView; busy: boolean }) {
	const { t } = useTranslation('import')
	const format = useFormat()
	const revalidator = useRevalidator()
	const running = session.status === 'analysing' || session.status === 'writing'

	useEffect(() => {
		if (!running) return
		const timer = setInterval(() => {
			if (revalidator.state === 'idle') revalidator.revalidate()
		}, 1000)
		return () => clearInterval(timer)
	}, [running, revalidator])

	if (running) {
		const { done, total } = session.progress
		return (
			<section aria-live="polite">
				<h2>{session.status === 'writing' ? t('writing') : t('reading')}</h2>
				<progress max={total || 1} value={done} aria-label={t('progress', { done, total })} />
				<p>
					{t('progress', { done: format.number(done), total: format.number(total) })}{' '}
					<a href={`?s=${session.token}`}>{t('refresh')}</a>
				</p>
			</section>
		)
	}
	if (session.status === 'done' && session.outcome) return <Done session={session} />
	if (!session.analysis) return null
	return <Matching session={session} analysis={session.analysis} busy={busy} />
}

function Counts({ analysis }: { analysis: Analysis }) {
	const { t } = useTranslation('import')
	const format = useFormat()
	const { counts } = analysis
	return (
		<p className="import-counts" data-testid="import-counts">
			<strong>{t('counts.total', { count: counts.total, n: format.number(counts.total) })}</strong>
			{ACTIONS.filter((a) => counts[a] > 0).map((a) => (
				<span key={a}>
					{' '}
					· {t(`counts.${a}`, { count: counts[a], n: format.number(counts[a]) })}
				</span>
			))}
		</p>
	)
}

function Matching({
	session,
	analysis,
	busy,
}: {
	session: ImportSessionView
	analysis: Analysis
	busy: boolean
}) {
	const { t } = useTranslation('import')
	const format = useFormat()
	const value = useValue()
	const fields = session.fields
	const fieldOf = (key: string) => fields.find((f) => f.key === key)
	const mapped = new Set(analysis.mapping.filter(Boolean))
	const notImported = analysis.columns.filter((c) => !c.field && c.header.trim()).length
	const constantFields = fields.filter(
		(f) => f.required || f.key === 'country' || f.key === 'currency' || f.key === 'status',
	)
	const shownFields = fields.filter((f) => mapped.has(f.key) || analysis.constants[f.key])
	const hasDates = fields.some((f) => f.type === 'date' && mapped.has(f.key))
	const importable = analysis.counts.create + analysis.counts.update
	const { file } = analysis

	return (
		<Form method="post" className="form import-steps">
			<input type="hidden" name="token" value={session.token} />

			<h2>{t('fileInfo.title')}</h2>
			<dl className="import-file">
				<dt>{t('fileInfo.format')}</dt>
				<dd>
					{session.fileName} ({file.format.toUpperCase()}
					{file.sheet ? `, ${t('fileInfo.sheet')} « ${file.sheet} »` : ''})
				</dd>
				{file.encoding ? (
					<>
						<dt>
							<label htmlFor="import-encoding">{t('fileInfo.encoding')}</label>
						</dt>
						<dd>
							<select id="import-encoding" name="encoding" defaultValue={file.encoding}>
								{ENCODINGS.map((e) => (
									<option key={e} value={e}>
										{t(`encodings.${e}`)}
									</option>
								))}
							</select>{' '}
							<span className="muted">
								{t('fileInfo.detected', {
									encoding: t(`encodings.${file.detectedEncoding ?? file.encoding}`),
								})}
							</span>
						</dd>
						<dt>{t('fileInfo.delimiter')}</dt>
						<dd>
							{t(`delimiters.${file.delimiter ?? ','}`, { defaultValue: file.delimiter ?? '' })}
						</dd>
					</>
				) : null}
				<dt>
					<label htmlFor="import-header">{t('fileInfo.headerRow')}</label>
				</dt>
				<dd>
					<select id="import-header" name="headerRow" defaultValue={analysis.headerRow}>
						{analysis.topRows.map((cells, i) => (
							<option key={i} value={i}>
								{t('fileInfo.headerRowOption', {
									line: i + 1,
									cells: cells.filter(Boolean).join(' | ').slice(0, 80) || '—',
								})}
							</option>
						))}
					</select>
				</dd>
			</dl>
			{file.mixedEncoding ? <p role="alert">{t('fileInfo.mixedEncoding')}</p> : null}
			{analysis.footers ? (
				<p>
					{t('fileInfo.footers', { count: analysis.footers, n: format.number(analysis.footers) })}
				</p>
			) : null}
			{analysis.savedMappingUsed ? <p className="muted">{t('fileInfo.savedMapping')}</p> : null}

			<h2>{t('matching.title')}</h2>
			<div className="table-scroll">
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t('matching.column')}</th>
							<th scope="col">{t('matching.examples')}</th>
							<th scope="col">{t('matching.field')}</th>
						</tr>
					</thead>
					<tbody>
						{analysis.columns.map((c) => (
							<tr key={c.index}>
								<th scope="row">{c.header || `#${c.index + 1}`}</th>
								<td className="muted">{c.samples.join(' · ')}</td>
								<td>
									<select
										name={`col.${c.index}`}
										defaultValue={c.field ?? ''}
										aria-label={`${t('matching.field')} : ${c.header || `#${c.index + 1}`}`}
									>
										<option value="">{t('matching.skip')}</option>
										{fields.map((f) => (
											<option key={f.key} value={f.key}>
												{t(`fields.${f.key}`)}
												{f.required ? ' *' : ''}
											</option>
										))}
									</select>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
			{notImported ? (
				<p className="muted">
					{t('matching.notImported', { count: notImported, n: format.number(notImported) })}
				</p>
			) : null}

			<fieldset>
				<legend>{t('matching.constantsTitle')}</legend>
				<p className="field-hint">{t('matching.constantHint')}</p>
				{constantFields.map((f) => (
					<div className="field" key={f.key}>
						<label htmlFor={`const-${f.key}`}>
							{t(`fields.${f.key}`)}
							{f.required && !mapped.has(f.key) ? ' *' : ''}
						</label>
						<input
							id={`const-${f.key}`}
							name={`const.${f.key}`}
							defaultValue={analysis.constants[f.key] ?? ''}
							list={f.choices ? `choices-${f.key}` : undefined}
						/>
						{f.choices ? (
							<datalist id={`choices-${f.key}`}>
								{f.choices.map((c) => (
									<option key={c} value={c} />
								))}
							</datalist>
						) : null}
					</div>
				))}
			</fieldset>
			{analysis.missingRequired.length ? (
				<p role="alert" className="field-error">
					{t('matching.missing', {
						fields: analysis.missingRequired.map((f) => t(`fields.${f}`)).join(', '),
					})}
				</p>
			) : null}

			{hasDates ? (
				<div className="field">
					<label htmlFor="import-date-order">{t('matching.dateOrder')}</label>
					<select id="import-date-order" name="dateOrder" defaultValue={analysis.dateOrder}>
						<option value="dmy">{t('matching.dmy')}</option>
						<option value="mdy">{t('matching.mdy')}</option>
					</select>
					<p className="field-hint">
						{analysis.dateOrderDetected === 'ambiguous'
							? t('matching.dateOrderAmbiguous')
							: analysis.dateOrderDetected === 'conflict'
								? t('matching.dateOrderConflict')
								: t('matching.dateOrderDetected')}
					</p>
				</div>
			) : null}

			<fieldset>
				<legend>{t('matching.mode')}</legend>
				{(['create_update', 'create_only'] as const).map((mode) => (
					<label key={mode} className="radio">
						<input type="radio" name="mode" value={mode} defaultChecked={analysis.mode === mode} />{' '}
						{t(`matching.${mode}`)}
					</label>
				))}
			</fieldset>
			<p>
				<button type="submit" name="intent" value="configure" className="button" disabled={busy}>
					{t('matching.apply')}
				</button>
			</p>

			{analysis.missingRequired.length === 0 ? (
				<>
					<h2>{t('preview.title')}</h2>
					<Counts analysis={analysis} />
					<div className="table-scroll">
						<table className="table" data-testid="import-preview">
							<thead>
								<tr>
									<th scope="col">{t('preview.line')}</th>
									<th scope="col">{t('preview.action')}</th>
									{shownFields.map((f) => (
										<th scope="col" key={f.key}>
											{t(`fields.${f.key}`)}
										</th>
									))}
								</tr>
							</thead>
							<tbody>
								{analysis.preview.map((row) => (
									<tr key={row.line}>
										<td>{row.line}</td>
										<td>{t(`actions.${row.action}`)}</td>
										{shownFields.map((f) => (
											<td key={f.key}>
												{value(f, row.values[f.key] ?? null, row.values, session.kind)}
											</td>
										))}
									</tr>
								))}
							</tbody>
						</table>
					</div>
					{analysis.problems.length ? (
						<>
							<h3>{t('preview.problemsTitle')}</h3>
							<ul className="import-problems">
								{analysis.problems.map((p) => (
									<li key={p.line}>
										<strong>
											{t('preview.line')} {p.line}
										</strong>{' '}
										:{' '}
										{[...p.errors, ...p.flags]
											.map(
												(issue) =>
													(issue.field && fieldOf(issue.field)
														? `${t(`fields.${issue.field}`)} — `
														: '') + t(issue.key, issue.values),
											)
											.join(' ; ')}
									</li>
								))}
							</ul>
							{analysis.moreProblems ? (
								<p>
									{t('preview.moreProblems', {
										count: analysis.moreProblems,
										n: format.number(analysis.moreProblems),
									})}
								</p>
							) : null}
						</>
					) : null}
					{session.failedCount ? (
						<p>
							<a
								href={`/import/${session.kind}/errors.csv?s=${session.token}`}
								download
								className="button"
							>
								{t('preview.errorFile')}
							</a>
						</p>
					) : null}
				</>
			) : null}

			<p className="form-actions">
				<button
					type="submit"
					name="intent"
					value="import"
					className="button button-primary"
					disabled={busy || importable === 0 || analysis.missingRequired.length > 0}
				>
					{t('importButton', { count: importable, n: format.number(importable) })}
				</button>{' '}
				<button type="submit" name="intent" value="discard" className="button" formNoValidate>
					{t('cancel')}
				</button>
			</p>
		</Form>
	)
}

function Done({ session }: { session: ImportSessionView }) {
	const { t } = useTranslation('import')
	const format = useFormat()
	const outcome = session.outcome!
	const back: Record<string, string> = {
		contacts: '/contacts',
		startups: '/startups',
		funding: '/funding',
		kpis: '/funding/follow-up',
	}
	const line = (key: string, n: number) =>
		n ? <li>{t(key, { count: n, n: format.number(n) })}</li> : null
	return (
		<section aria-live="polite">
			<h2>{t('done.title')}</h2>
			<ul data-testid="import-outcome">
				{line('done.created', outcome.created)}
				{line('done.updated', outcome.updated)}
				{line('done.organisations', outcome.organisationsCreated)}
				{line('done.conflicts', outcome.conflicts)}
				{line('done.errors', session.failedCount)}
			</ul>
			{session.failedCount ? (
				<p>
					<a
						href={`/import/${session.kind}/errors.csv?s=${session.token}`}
						download
						className="button"
					>
						{t('preview.errorFile')}
					</a>
				</p>
			) : null}
			<p>
				<Link to={back[session.kind]!} className="button button-primary">
					{t(`done.back.${session.kind}`)}
				</Link>{' '}
				<Link to={`/import/${session.kind}`} className="button">
					{t('startOver')}
				</Link>
			</p>
		</section>
	)
}
