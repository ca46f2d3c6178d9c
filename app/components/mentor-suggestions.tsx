import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { type MatchReason, type Suggestion } from '~/models/matching'
import { useFormat } from '~/utils/use-format'
import { Duration, Languages } from './mentor-format'
import { TagList } from './tag-list'

/** A ranked suggestion and, point by point, why it is there. */
export function SuggestionList({
	suggestions,
	startupId,
	full = false,
}: {
	suggestions: Suggestion[]
	startupId: number
	full?: boolean
}) {
	const { t } = useTranslation('mentors')
	return (
		<ol className="suggestions">
			{suggestions.map((s, i) => (
				<li key={s.mentor.id} className={full ? 'suggestion suggestion-full' : 'suggestion'}>
					<div className="suggestion-head">
						<p>
							{full ? null : <span className="rank">{i + 1}</span>}
							<strong>
								<Link to={`/mentors/${s.mentor.id}`}>{s.mentor.name}</Link>
							</strong>{' '}
							<span className="muted">{s.mentor.organisation}</span>
						</p>
						<p className="score" aria-label={t('suggest.scoreLabel', { score: s.score })}>
							{t('suggest.score', { score: s.score })}
						</p>
					</div>
					<div className="suggestion-offer muted">
						<TagList tags={s.mentor.expertise} /> <Languages codes={s.mentor.languages} />
					</div>
					<ul className="reasons" aria-label={t('suggest.why', { name: s.mentor.name })}>
						{s.reasons.map((r) => (
							<ReasonItem key={reasonKey(r)} reason={r} />
						))}
						{s.warnings.map((w) => (
							<li key={w} className="reason-warning">
								{t(`suggest.warnings.${w}`)}
							</li>
						))}
						<li className={s.spareMinutes > 0 ? 'reason-capacity' : 'reason-warning'}>
							{s.spareMinutes > 0 ? (
								<>
									{t('suggest.spare')} <Duration minutes={s.spareMinutes} />{' '}
									{t('suggest.ofCapacity', { hours: s.mentor.capacityHoursPerMonth })}
								</>
							) : (
								t('suggest.noSpare', { hours: s.mentor.capacityHoursPerMonth })
							)}
						</li>
					</ul>
					{full ? null : (
						<p>
							<Link
								to={`/startups/${startupId}/mentors?mentor=${s.mentor.id}#assign`}
								className="button button-small"
								preventScrollReset
							>
								{t('suggest.choose', { name: s.mentor.name })}
							</Link>
						</p>
					)}
				</li>
			))}
		</ol>
	)
}

function reasonKey(r: MatchReason) {
	switch (r.kind) {
		case 'milestone':
			return `milestone-${r.milestoneKind}`
		case 'language':
			return `language-${r.language}`
		default:
			return r.kind
	}
}

function ReasonItem({ reason }: { reason: MatchReason }) {
	const { t } = useTranslation('mentors')
	const f = useFormat()
	const points = t('suggest.points', { count: reason.points })
	switch (reason.kind) {
		case 'milestone':
			return (
				<li>
					{t('suggest.reasons.milestone', {
						kind: t(`enums:milestoneKinds.${reason.milestoneKind}`),
						tags: reason.tags.join(', '),
					})}{' '}
					<span className="points">{points}</span>
				</li>
			)
		case 'sector':
			return (
				<li>
					{t('suggest.reasons.sector', { sector: reason.sector, tags: reason.tags.join(', ') })}{' '}
					<span className="points">{points}</span>
				</li>
			)
		case 'uk':
			return (
				<li>
					{t('suggest.reasons.uk', { tags: reason.tags.join(', ') })}{' '}
					<span className="points">{points}</span>
				</li>
			)
		case 'stage':
			return (
				<li>
					{t('suggest.reasons.stage', {
						stage: t(`enums:startupStages.${reason.stage}`),
						tags: reason.tags.join(', '),
					})}{' '}
					<span className="points">{points}</span>
				</li>
			)
		case 'language':
			return (
				<li>
					{t('suggest.reasons.language', { language: f.language(reason.language) })}{' '}
					<span className="points">{points}</span>
				</li>
			)
	}
}
