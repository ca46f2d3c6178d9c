import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '~/components/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '~/components/stat'
import { Field } from '~/components/forms'
import { TeamMemberSchema } from '~/schemas/startup'

type Member = { id: number; name: string; role: string; email: string | null; hasLogin: boolean }
type ActionData = { intent: string; memberId: number | null; result: SubmissionResult<string[]> }

export function TeamSection({
	team,
	editable,
	actionData,
}: {
	team: Member[]
	editable: boolean
	actionData?: ActionData
}) {
	const { t } = useTranslation('startups')
	const [editing, setEditing] = useState<number | null>(
		actionData?.intent === 'update-member' ? actionData.memberId : null,
	)
	return (
		<section aria-labelledby="team-heading" className="panel">
			<h2 id="team-heading">{t('team.title')}</h2>
			{team.length ? (
				<ul className="team">
					{team.map((m) =>
						editing === m.id && editable ? (
							<li key={m.id}>
								<MemberForm
									intent="update-member"
									member={m}
									lastResult={
										actionData?.intent === 'update-member' && actionData.memberId === m.id
											? actionData.result
											: undefined
									}
									onCancel={() => setEditing(null)}
								/>
							</li>
						) : (
							<li key={m.id}>
								<strong>{m.name}</strong> — {m.role}
								{m.email ? (
									<>
										{' '}
										<a href={`mailto:${m.email}`}>{m.email}</a>
									</>
								) : null}
								{m.hasLogin ? <span className="badge badge-ok">{t('team.hasLogin')}</span> : null}
								{editable ? (
									<span className="row-actions">
										<button
											type="button"
											className="button button-small"
											onClick={() => setEditing(m.id)}
										>
											{t('common:common.edit')}
											<span className="visually-hidden"> {m.name}</span>
										</button>
										<Form method="post" className="inline">
											<input type="hidden" name="intent" value="remove-member" />
											<input type="hidden" name="memberId" value={m.id} />
											<button
												type="submit"
												className="button button-small button-danger"
												onClick={(e) => {
													if (!confirm(t('team.confirmRemove', { name: m.name })))
														e.preventDefault()
												}}
											>
												{t('common:common.delete')}
												<span className="visually-hidden"> {m.name}</span>
											</button>
										</Form>
									</span>
								) : null}
							</li>
						),
					)}
				</ul>
			) : (
				<EmptyState title={t('team.empty')}>{editable ? t('team.emptyHint') : null}</EmptyState>
			)}
			{editable ? (
				<details open={actionData?.intent === 'add-member'}>
					<summary>{t('team.add')}</summary>
					<MemberForm
						intent="add-member"
						lastResult={actionData?.intent === 'add-member' ? actionData.result : undefined}
					/>
				</details>
			) : null}
		</section>
	)
}

function MemberForm({
	intent,
	member,
	lastResult,
	onCancel,
}: {
	intent: 'add-member' | 'update-member'
	member?: Member
	lastResult?: SubmissionResult<string[]>
	onCancel?: () => void
}) {
	const { t } = useTranslation('startups')
	const [form, fields] = useForm({
		id: member ? `member-${member.id}` : 'member-new',
		lastResult,
		constraint: getZodConstraint(TeamMemberSchema),
		shouldValidate: 'onBlur',
		onValidate: ({ formData }) => parseWithZod(formData, { schema: TeamMemberSchema }),
		defaultValue: member
			? { name: member.name, role: member.role, email: member.email ?? '' }
			: undefined,
	})
	return (
		<Form method="post" {...getFormProps(form)} className="form form-compact">
			<input type="hidden" name="intent" value={intent} />
			{member ? <input type="hidden" name="memberId" value={member.id} /> : null}
			<Field
				label={t('team.name')}
				inputProps={getInputProps(fields.name, { type: 'text' })}
				errors={fields.name.errors}
			/>
			<Field
				label={t('team.role')}
				inputProps={getInputProps(fields.role, { type: 'text' })}
				errors={fields.role.errors}
			/>
			<Field
				label={t('team.email')}
				inputProps={getInputProps(fields.email, { type: 'email' })}
				errors={fields.email.errors}
			/>
			<div className="form-buttons">
				<button type="submit" className="button button-primary">
					{member ? t('common:common.save') : t('team.addButton')}
				</button>
				{onCancel ? (
					<button type="button" className="button" onClick={onCancel}>
						{t('common:common.cancel')}
					</button>
				) : null}
			</div>
		</Form>
	)
}
