import { useTranslation } from 'react-i18next'
import { EmptyState, Stat, StatGrid } from '~/components/stat'
import type { StartupPage } from '~/models/startup-page.server'
import { useFormat } from '~/utils/use-format'

type Props = { page: StartupPage }

export function ProfileSection({ page }: Props) {
	const { t, i18n } = useTranslation('startups')
	const f = useFormat()
	const { startup, latestKpi } = page
	// the pitch in the reader's language, falling back to the other one
	const english = i18n.language === 'en'
	const pitch = english ? startup.pitchEn || startup.pitchFr : startup.pitchFr || startup.pitchEn
	const fallback = pitch && (english ? !startup.pitchEn : !startup.pitchFr)
	return (
		<section aria-labelledby="profile-heading">
			<h2 id="profile-heading">{t('page.profile')}</h2>
			{pitch ? (
				<blockquote className="pitch" lang={fallback ? (english ? 'fr' : 'en') : undefined}>
					{pitch}
					{fallback ? <span className="muted"> ({t('page.pitchFallback')})</span> : null}
				</blockquote>
			) : (
				<p className="muted">{t('page.noPitch')}</p>
			)}
			<dl className="facts">
				{startup.legalName ? (
					<Fact label={t('fields.legalName')} value={startup.legalName} />
				) : null}
				{startup.siren ? <Fact label={t('fields.siren')} value={startup.siren} /> : null}
				{startup.companiesHouseNumber ? (
					<Fact label={t('fields.companiesHouseNumber')} value={startup.companiesHouseNumber} />
				) : null}
				<Fact label={t('common:fields.cohort')} value={startup.cohortName ?? '—'} />
				<Fact
					label={t('fields.enteredOn')}
					value={startup.enteredOn ? f.date(startup.enteredOn) : '—'}
				/>
				{startup.leftOn ? <Fact label={t('fields.leftOn')} value={f.date(startup.leftOn)} /> : null}
				<Fact
					label={t('common:fields.ukFocus')}
					value={startup.ukFocus ? t('common:common.yes') : t('common:common.no')}
				/>
				{startup.targetMarkets ? (
					<Fact label={t('fields.targetMarkets')} value={startup.targetMarkets} />
				) : null}
				{startup.website ? (
					<Fact
						label={t('fields.website')}
						value={
							<a href={startup.website} rel="noopener noreferrer" target="_blank">
								{startup.website.replace(/^https?:\/\//, '')}
							</a>
						}
					/>
				) : null}
			</dl>
			{latestKpi ? (
				<StatGrid>
					<Stat
						label={t('page.employees')}
						value={f.number(latestKpi.employees)}
						note={latestKpi.quarter}
					/>
					<Stat
						label={t('page.revenue')}
						value={f.money(latestKpi.revenueCents)}
						note={latestKpi.quarter}
					/>
					<Stat
						label={t('page.ukCustomers')}
						value={f.number(latestKpi.ukCustomers)}
						note={latestKpi.quarter}
					/>
				</StatGrid>
			) : null}
		</section>
	)
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
	return (
		<div>
			<dt>{label}</dt>
			<dd>{value}</dd>
		</div>
	)
}

export function MilestonesSection({ page }: Props) {
	const { t } = useTranslation('startups')
	const f = useFormat()
	return (
		<section aria-labelledby="milestones-heading">
			<h2 id="milestones-heading">{t('page.milestones')}</h2>
			{page.milestones.length ? (
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t('page.milestone')}</th>
							<th scope="col">{t('page.due')}</th>
							<th scope="col">{t('common:fields.status')}</th>
						</tr>
					</thead>
					<tbody>
						{page.milestones.map((m) => (
							<tr key={m.id} className={m.overdue ? 'row-warning' : undefined}>
								<th scope="row">{m.title}</th>
								<td>
									{m.dueOn ? f.date(m.dueOn) : '—'}
									{m.overdue ? (
										<span className="badge badge-warning"> {t('page.overdue')}</span>
									) : null}
								</td>
								<td>
									{t(`milestoneStatuses.${m.status}`)}
									{m.doneOn ? ` — ${f.date(m.doneOn)}` : ''}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<EmptyState title={t('page.noMilestones')}>{t('page.noMilestonesHint')}</EmptyState>
			)}
		</section>
	)
}

export function FundingSection({ page }: Props) {
	const { t } = useTranslation('startups')
	const f = useFormat()
	const secured = page.funding.filter((e) => e.status === 'secured' || e.status === 'received')
	const inProgress = page.funding.filter((e) => e.status === 'planned' || e.status === 'applied')
	const total = secured.reduce((sum, e) => sum + (e.amountEurCents ?? 0), 0)
	const byId = new Map(page.funding.map((e) => [e.id, e]))
	return (
		<section aria-labelledby="funding-heading">
			<h2 id="funding-heading">{t('page.funding')}</h2>
			{page.funding.length ? (
				<>
					<p>
						{t('page.fundingSummary', {
							secured: f.money(total),
							count: secured.length,
							inProgress: inProgress.length,
						})}
					</p>
					<table className="table">
						<thead>
							<tr>
								<th scope="col">{t('page.fundingKind')}</th>
								<th scope="col">{t('page.source')}</th>
								<th scope="col" className="num">
									{t('page.amount')}
								</th>
								<th scope="col">{t('common:fields.status')}</th>
								<th scope="col">{t('page.triggeredBy')}</th>
							</tr>
						</thead>
						<tbody>
							{page.funding.map((e) => {
								const trigger = e.triggeredById ? byId.get(e.triggeredById) : undefined
								return (
									<tr key={e.id}>
										<th scope="row">{t(`fundingKinds.${e.kind}`)}</th>
										<td>
											{e.source}{' '}
											<span className="muted">
												({e.isPublic ? t('page.public') : t('page.private')})
											</span>
										</td>
										<td className="num">
											{f.money(e.amountCents, e.currency)}
											{e.currency !== 'EUR' && e.amountEurCents != null ? (
												<span className="muted"> ≈ {f.money(e.amountEurCents)}</span>
											) : null}
										</td>
										<td>
											{t(`fundingStatuses.${e.status}`)}
											{e.securedOn ? ` — ${f.date(e.securedOn)}` : ''}
										</td>
										<td>
											{trigger ? `${t(`fundingKinds.${trigger.kind}`)} (${trigger.source})` : '—'}
										</td>
									</tr>
								)
							})}
						</tbody>
					</table>
				</>
			) : (
				<EmptyState title={t('page.noFunding')}>{t('page.noFundingHint')}</EmptyState>
			)}
		</section>
	)
}

export function IntroductionsSection({ page }: Props) {
	const { t } = useTranslation('startups')
	const f = useFormat()
	return (
		<section aria-labelledby="introductions-heading">
			<h2 id="introductions-heading">{t('page.introductions')}</h2>
			{page.introductions.length ? (
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t('page.contact')}</th>
							<th scope="col">{t('page.purpose')}</th>
							<th scope="col">{t('common:fields.status')}</th>
							<th scope="col">{t('page.introducedOn')}</th>
						</tr>
					</thead>
					<tbody>
						{page.introductions.map((i) => (
							<tr key={i.id}>
								<th scope="row">
									{i.contactName ? `${i.contactName}, ` : ''}
									{i.organisationName ?? '—'} <span className="muted">({i.country})</span>
								</th>
								<td>{t(`introductionPurposes.${i.purpose}`)}</td>
								<td>
									{t(`introductionStatuses.${i.status}`)}
									{i.dealValueCents != null && i.dealCurrency
										? ` — ${f.money(i.dealValueCents, i.dealCurrency)}`
										: ''}
								</td>
								<td>{f.date(i.introducedOn)}</td>
							</tr>
						))}
					</tbody>
				</table>
			) : (
				<EmptyState title={t('page.noIntroductions')}>{t('page.noIntroductionsHint')}</EmptyState>
			)}
		</section>
	)
}

export function MentoringSection({ page }: Props) {
	const { t } = useTranslation('startups')
	const f = useFormat()
	const mentoring = page.mentoring
	if (!mentoring) return null
	return (
		<section aria-labelledby="mentoring-heading">
			<h2 id="mentoring-heading">{t('page.mentoring')}</h2>
			{mentoring.mentors.length ? (
				<ul className="list">
					{mentoring.mentors.map((m) => (
						<li key={m.assignmentId}>
							<strong>{m.name}</strong> <span className="muted">— {m.organisation}</span> ·{' '}
							{m.focus}
						</li>
					))}
				</ul>
			) : (
				<EmptyState title={t('page.noMentors')}>{t('page.noMentorsHint')}</EmptyState>
			)}
			{mentoring.sessions.length ? (
				<>
					<h3>{t('page.recentSessions')}</h3>
					<ul className="sessions">
						{mentoring.sessions.map((s) => (
							<li key={s.id}>
								<p>
									<strong>{s.topic}</strong>{' '}
									<span className="muted">
										{f.date(s.date)} · {s.mentorName} · {t('page.minutes', { count: s.minutes })}
									</span>
								</p>
								{s.notes ? <p>{s.notes}</p> : null}
								{s.nextSteps ? (
									<p>
										<em>{t('page.nextSteps')}</em> {s.nextSteps}
									</p>
								) : null}
							</li>
						))}
					</ul>
				</>
			) : null}
		</section>
	)
}

export function LeaseSection({ page }: Props) {
	const { t } = useTranslation('startups')
	const f = useFormat()
	const lease = page.lease
	if (!lease) return null
	return (
		<section aria-labelledby="lease-heading" className="panel">
			<h2 id="lease-heading">{t('page.lease')}</h2>
			{lease.lease ? (
				<>
					<p>
						{t('page.leaseLine', {
							unit: lease.lease.unitCode,
							rent: f.money(lease.lease.monthlyRentCents),
							since: f.date(lease.lease.startDate),
						})}
					</p>
					{lease.steps.length ? (
						<ul className="list">
							{lease.steps.map((s) => (
								<li key={s.fromMonth}>
									{s.toMonth
										? t('page.stepMonths', { from: s.fromMonth, to: s.toMonth })
										: t('page.stepFrom', { from: s.fromMonth })}
									{' : '}
									{s.kind === 'percent'
										? t('page.stepPercent', { percent: (s.percentBasisPoints ?? 0) / 100 })
										: t('page.stepFixed', { amount: f.money(s.amountCents ?? 0) })}
								</li>
							))}
						</ul>
					) : null}
				</>
			) : (
				<p className="muted">{t('page.noLease')}</p>
			)}
			<p className={lease.balanceCents > 0 ? 'balance balance-due' : 'balance'}>
				{lease.balanceCents > 0
					? t('page.balanceDue', { amount: f.money(lease.balanceCents) })
					: t('page.balanceClear')}
			</p>
		</section>
	)
}

export function ActivitySection({ page }: Props) {
	const { t } = useTranslation('startups')
	const f = useFormat()
	return (
		<section aria-labelledby="activity-heading">
			<h2 id="activity-heading">{t('page.activity')}</h2>
			{page.activity.length ? (
				<ol className="activity">
					{page.activity.map((a) => (
						<li key={a.id}>
							<time dateTime={new Date(a.at).toISOString()}>{f.dateTime(a.at)}</time>{' '}
							<strong>{a.userName ?? t('page.system')}</strong> — {a.summary}
						</li>
					))}
				</ol>
			) : (
				<EmptyState title={t('page.noActivity')} />
			)}
		</section>
	)
}
