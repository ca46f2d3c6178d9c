import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { FormQuestion } from '~/schemas/application'
import { formatMoney } from '~/utils/money'
import { useFormat } from '~/utils/use-format'
import { Table } from './data-table'

/** French or English, as the reader reads: the two versions every call text has. */
export function useBilingual() {
	const { i18n } = useTranslation()
	const en = i18n.language === 'en'
	return <T,>(fr: T, english: T) => (en ? english : fr)
}

export function StatusBadge({ status }: { status: string }) {
	const { t } = useTranslation('calls')
	const tone =
		status === 'accepted'
			? 'badge-ok'
			: status === 'rejected'
				? 'badge-muted'
				: status === 'waitlisted'
					? 'badge-warning'
					: ''
	return <span className={`badge ${tone}`}>{t(`applicationStatuses.${status}`)}</span>
}

export function CallStatusBadge({ status }: { status: string }) {
	const { t } = useTranslation('calls')
	const tone = status === 'open' ? 'badge-ok' : status === 'closed' ? 'badge-muted' : ''
	return <span className={`badge ${tone}`}>{t(`callStatuses.${status}`)}</span>
}

/** What an answer says, in the reader's language: a choice's label, an amount in euros… */
export function AnswerValue({ question, value }: { question: FormQuestion; value: string }) {
	const { t, i18n } = useTranslation('calls')
	const f = useFormat()
	const pick = useBilingual()
	switch (question.kind) {
		case 'choice': {
			const option = question.options?.[Number(value)]
			return <>{option ? pick(option.fr, option.en) : value}</>
		}
		case 'yes_no':
			return <>{value === 'yes' ? t('common:common.yes') : t('common:common.no')}</>
		case 'amount':
			return <>{formatMoney(Number(value), 'EUR', i18n.language)}</>
		case 'date':
			return <>{f.date(value)}</>
		case 'number':
			return <>{f.number(Number(value))}</>
		default:
			return <>{value}</>
	}
}

export function fileSize(bytes: number, locale: string) {
	const mb = bytes / (1024 * 1024)
	return mb >= 1
		? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(mb)} MB`
		: `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** The answers to a call's questions; files link to `fileHref` when the reader may open them. */
export function AnswerList({
	questions,
	answers,
	files,
	fileHref,
}: {
	questions: readonly FormQuestion[]
	answers: Record<number, string>
	files: readonly { id: number; questionId: number; originalName: string; sizeBytes: number }[]
	fileHref?: (fileId: number) => string
}) {
	const { t, i18n } = useTranslation('calls')
	const pick = useBilingual()
	if (!questions.length) return null
	return (
		<dl className="answers">
			{questions.map((q) => {
				const file = files.find((f) => f.questionId === q.id)
				const value = answers[q.id]
				return (
					<div key={q.id}>
						<dt>{pick(q.labelFr, q.labelEn)}</dt>
						<dd>
							{q.kind === 'file' ? (
								file ? (
									fileHref ? (
										<a href={fileHref(file.id)} download={file.originalName}>
											{file.originalName}
										</a>
									) : (
										file.originalName
									)
								) : (
									<span className="muted">{t('view.noAnswer')}</span>
								)
							) : value !== undefined ? (
								<AnswerValue question={q} value={value} />
							) : (
								<span className="muted">{t('view.noAnswer')}</span>
							)}
							{file ? (
								<span className="muted"> ({fileSize(file.sizeBytes, i18n.language)})</span>
							) : null}
						</dd>
					</div>
				)
			})}
		</dl>
	)
}

/** The project as its applicant described it: the fixed part of every application. */
export function ProjectFacts({
	application,
	founders,
}: {
	application: {
		projectName: string | null
		origin: string | null
		sector: string | null
		stage: string | null
		website: string | null
		ukFocus: boolean
		pitch: string | null
	}
	founders: readonly { name: string; role: string | null; email?: string | null }[]
}) {
	const { t } = useTranslation('calls')
	return (
		<>
			<dl className="facts">
				<div>
					<dt>{t('fields.origin')}</dt>
					<dd>{application.origin ? t(`origins.${application.origin}`) : '—'}</dd>
				</div>
				<div>
					<dt>{t('common:fields.sector')}</dt>
					<dd>{application.sector ?? '—'}</dd>
				</div>
				<div>
					<dt>{t('common:fields.stage')}</dt>
					<dd>{application.stage ? t(`enums:startupStages.${application.stage}`) : '—'}</dd>
				</div>
				<div>
					<dt>{t('fields.website')}</dt>
					<dd>
						{application.website ? (
							<a href={application.website} rel="noreferrer noopener" target="_blank">
								{application.website}
							</a>
						) : (
							'—'
						)}
					</dd>
				</div>
				<div>
					<dt>{t('common:fields.ukFocus')}</dt>
					<dd>{application.ukFocus ? t('common:common.yes') : t('common:common.no')}</dd>
				</div>
			</dl>
			<h3>{t('fields.pitch')}</h3>
			<p className="pitch">{application.pitch ?? '—'}</p>
			<h3>{t('fields.founders')}</h3>
			<ul className="team">
				{founders.map((f, i) => (
					<li key={i}>
						{f.name}
						{f.role ? ` — ${f.role}` : ''}
						{f.email ? <span className="muted"> · {f.email}</span> : null}
					</li>
				))}
			</ul>
		</>
	)
}

type Ranking = {
	applicationId: number
	projectName: string | null
	status: string
	average: number | null
	spread: number | null
	min: number | null
	max: number | null
	scored: number
	missing: { userId: number; name: string | null; role: string }[]
	conflicts: number
}

export function score(value: number | null, locale: string) {
	return value === null
		? '—'
		: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
				value,
			)
}

/** Weighted averages out of 5, best first, the spread between members, who still has to score. */
export function RankingTable({
	rows,
	href,
	caption,
}: {
	rows: readonly Ranking[]
	href: (applicationId: number) => string
	caption: string
}) {
	const { t, i18n } = useTranslation('calls')
	if (!rows.length) return <p className="muted">{t('ranking.empty')}</p>
	return (
		<Table caption={caption} data-testid="ranking">
			<thead>
				<tr>
					<th scope="col">{t('ranking.rank')}</th>
					<th scope="col">{t('fields.projectName')}</th>
					<th scope="col" className="num">
						{t('ranking.average')}
					</th>
					<th scope="col" className="num">
						{t('ranking.spread')}
					</th>
					<th scope="col" className="num">
						{t('ranking.scored')}
					</th>
					<th scope="col">{t('ranking.missing')}</th>
					<th scope="col">{t('fields.status')}</th>
				</tr>
			</thead>
			<tbody>
				{rows.map((r, i) => (
					<tr key={r.applicationId}>
						<td>{r.average === null ? '—' : i + 1}</td>
						<th scope="row">
							<Link to={href(r.applicationId)}>{r.projectName ?? t('view.erased')}</Link>
						</th>
						<td className="num">{score(r.average, i18n.language)}</td>
						<td className="num">
							{r.spread === null
								? '—'
								: `${score(r.spread, i18n.language)} (${score(r.min, i18n.language)}–${score(r.max, i18n.language)})`}
						</td>
						<td className="num">{r.scored}</td>
						<td>
							{r.missing.length
								? r.missing.map((m) => m.name ?? t(`enums:roles.${m.role}`)).join(', ')
								: t('ranking.nobody')}
							{r.conflicts ? (
								<span className="muted"> · {t('ranking.conflicts', { count: r.conflicts })}</span>
							) : null}
						</td>
						<td>
							<StatusBadge status={r.status} />
						</td>
					</tr>
				))}
			</tbody>
		</Table>
	)
}

/** Every submitted review of an application: one row per member, one column per criterion. */
export function ReviewsTable({
	criteria,
	reviews,
}: {
	criteria: readonly { id: number; labelFr: string; labelEn: string; weight: number }[]
	reviews: readonly {
		userId: number
		name: string | null
		role: string
		organisation: string | null
		weighted: number | null
		scores: { criterionId: number; score: number; comment: string | null }[]
	}[]
}) {
	const { t, i18n } = useTranslation('calls')
	const pick = useBilingual()
	if (!reviews.length) return <p className="muted">{t('scores.none')}</p>
	return (
		<Table caption={t('scores.title')} captionHidden data-testid="reviews">
			<thead>
				<tr>
					<th scope="col">{t('scores.member')}</th>
					{criteria.map((c) => (
						<th scope="col" key={c.id} className="num">
							{pick(c.labelFr, c.labelEn)} <span className="muted">×{c.weight}</span>
						</th>
					))}
					<th scope="col" className="num">
						{t('scores.weighted')}
					</th>
				</tr>
			</thead>
			<tbody>
				{reviews.map((r) => (
					<tr key={r.userId}>
						<th scope="row">
							{r.name ?? t(`enums:roles.${r.role}`)}
							{r.organisation ? <span className="muted"> · {r.organisation}</span> : null}
						</th>
						{criteria.map((c) => {
							const s = r.scores.find((x) => x.criterionId === c.id)
							return (
								<td key={c.id} className="num">
									{s ? s.score : '—'}
									{s?.comment ? <span className="cell-note">{s.comment}</span> : null}
								</td>
							)
						})}
						<td className="num">{score(r.weighted, i18n.language)}</td>
					</tr>
				))}
			</tbody>
		</Table>
	)
}
