import { Link } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Form } from '~/components/form'
import { useFormat } from '~/utils/use-format'
import { ErrorList } from './forms'

type Totals = { rentCents: number; subsidyCents: number; startupShareCents: number }

/**
 * The step before a month's statements are issued (they can never be deleted): how many, for
 * which month, for how much, then a button that sends these figures back for the server to check
 * (decision 0041). A page of its own without JavaScript; with it, focus moves to its heading.
 */
export function IssueConfirmation({
	month,
	count,
	totals,
	errors,
}: {
	month: string
	count: number
	totals: Totals
	errors: string[]
}) {
	const { t } = useTranslation('nursery')
	const f = useFormat()
	const heading = useRef<HTMLHeadingElement>(null)
	useEffect(() => heading.current?.focus(), [])
	const monthLabel = f.month(month)
	return (
		<div className="panel issue-confirmation" role="group" aria-labelledby="confirm-issue-heading">
			<h3 id="confirm-issue-heading" tabIndex={-1} ref={heading}>
				{t('statements.confirmTitle', { month: monthLabel })}
			</h3>
			<p>
				{t('statements.confirmLead', {
					count,
					month: monthLabel,
					total: f.money(totals.rentCents),
					subsidy: f.money(totals.subsidyCents),
					startup: f.money(totals.startupShareCents),
				})}
			</p>
			<p>
				<strong>{t('statements.confirmWarning')}</strong>
			</p>
			<Form method="post" className="form form-compact">
				<input type="hidden" name="intent" value="issue" />
				<input type="hidden" name="month" value={month} />
				<input type="hidden" name="confirmed" value="yes" />
				<input type="hidden" name="expected" value={count} />
				<input type="hidden" name="expectedRentCents" value={totals.rentCents} />
				<ErrorList errors={errors} />
				<div className="form-buttons">
					<button type="submit" className="button button-primary">
						{t('statements.confirmSubmit', { count })}
					</button>
					<Link to={`?month=${month}`} className="button">
						{t('common:common.cancel')}
					</Link>
				</div>
			</Form>
		</div>
	)
}
