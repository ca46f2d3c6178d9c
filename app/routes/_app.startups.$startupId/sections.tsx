import { useTranslation } from 'react-i18next'
import type { StartupPage } from '~/models/startup-page.server'
import { useFormat } from '~/utils/use-format'

type Props = { page: StartupPage }

export function ProfileSection({ page }: Props) {
	const { t, i18n } = useTranslation('startups')
	const f = useFormat()
	const { startup } = page
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
