import type { SubmissionResult } from '@conform-to/react'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { ErrorList } from '~/components/forms'
import { Table } from '~/components/data-table'

type Member = {
	userId: number
	name: string
	role: string
	organisation: string | null
	submitted: number
	conflicts: number
}

/** Who sits on the committee and how far each member is; add or remove members. */
export function CommitteePanel({
	committee,
	candidates,
	lastResult,
}: {
	committee: readonly Member[]
	candidates: readonly { id: number; name: string; role: string; organisation: string | null }[]
	lastResult: SubmissionResult<string[]> | undefined
}) {
	const { t } = useTranslation('calls')
	const errors =
		lastResult && 'error' in lastResult ? (lastResult.error?.[''] ?? undefined) : undefined
	return (
		<section id="committee" aria-labelledby="committee-title">
			<h2 id="committee-title">{t('committee.title')}</h2>
			<p className="muted">{t('committee.lead')}</p>
			<div role="alert">
				<ErrorList errors={errors} />
			</div>
			{committee.length ? (
				<Table caption={t('committee.title')} captionHidden>
					<thead>
						<tr>
							<th scope="col">{t('committee.member')}</th>
							<th scope="col">{t('committee.role')}</th>
							<th scope="col" className="num">
								{t('committee.submitted')}
							</th>
							<th scope="col" className="num">
								{t('committee.conflicts')}
							</th>
							<th scope="col">
								<span className="visually-hidden">{t('committee.actions')}</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{committee.map((m) => (
							<tr key={m.userId}>
								<th scope="row">
									{m.name}
									{m.organisation ? <span className="muted"> · {m.organisation}</span> : null}
								</th>
								<td>{t(`enums:roles.${m.role}`)}</td>
								<td className="num">{m.submitted}</td>
								<td className="num">{m.conflicts}</td>
								<td>
									<Form method="post">
										<input type="hidden" name="intent" value="remove-member" />
										<input type="hidden" name="userId" value={m.userId} />
										<button type="submit" className="button button-small button-ghost">
											{t('committee.remove', { name: m.name })}
										</button>
									</Form>
								</td>
							</tr>
						))}
					</tbody>
				</Table>
			) : (
				<p className="muted">{t('committee.empty')}</p>
			)}
			{candidates.length ? (
				<Form method="post" className="form form-compact">
					<input type="hidden" name="intent" value="add-member" />
					<div className="field">
						<label htmlFor="committee-user">{t('committee.add')}</label>
						<select id="committee-user" name="userId" required>
							{candidates.map((c) => (
								<option key={c.id} value={c.id}>
									{c.name} — {t(`enums:roles.${c.role}`)}
									{c.organisation ? ` (${c.organisation})` : ''}
								</option>
							))}
						</select>
					</div>
					<button type="submit" className="button">
						{t('committee.addButton')}
					</button>
				</Form>
			) : null}
		</section>
	)
}
