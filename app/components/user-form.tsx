import {
	getFormProps,
	getInputProps,
	getSelectProps,
	type SubmissionResult,
	useForm,
} from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '~/components/form'
import { useTranslation } from 'react-i18next'
import { ROLES } from '#db/schema/enums'
import { UserCreateSchema, UserUpdateSchema } from '~/schemas/auth'
import { accountLinkOf } from '~/utils/permissions'
import { ErrorList, Field, SelectField } from './forms'

type LinkTargets = {
	startups: { id: number; name: string }[]
	mentors: { id: number; name: string; organisation: string }[]
}

type UserValues = {
	name: string
	email: string
	role: string
	startupId: number | null
	mentorId: number | null
	organisation: string | null
}

/** Create (with a first password) or edit a user; the link select follows the role. */
export function UserForm({
	mode,
	lastResult,
	targets,
	user,
}: {
	mode: 'create' | 'update'
	lastResult: SubmissionResult<string[]> | undefined
	targets: LinkTargets
	user?: UserValues
}) {
	const { t } = useTranslation()
	const schema = mode === 'create' ? UserCreateSchema : UserUpdateSchema
	const [form, fields] = useForm({
		id: `user-${mode}`,
		lastResult,
		constraint: getZodConstraint(schema),
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		defaultValue: user
			? {
					...user,
					startupId: user.startupId?.toString() ?? '',
					mentorId: user.mentorId?.toString() ?? '',
					organisation: user.organisation ?? '',
				}
			: { role: 'founder' },
	})
	const role = fields.role.value ?? user?.role ?? 'founder'

	return (
		<Form method="post" {...getFormProps(form)} className="form">
			{mode === 'update' ? <input type="hidden" name="intent" value="update" /> : null}
			<Field
				label={t('users.name')}
				inputProps={getInputProps(fields.name, { type: 'text' })}
				errors={fields.name.errors}
			/>
			<Field
				label={t('users.email')}
				inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'off' }}
				errors={fields.email.errors}
			/>
			<SelectField
				label={t('users.role')}
				selectProps={getSelectProps(fields.role)}
				options={ROLES.map((r) => ({ value: r, label: t(`enums:roles.${r}`) }))}
				errors={fields.role.errors}
			/>
			<div hidden={accountLinkOf(role) !== 'startup'}>
				<SelectField
					label={t('users.startup')}
					selectProps={getSelectProps(fields.startupId)}
					options={[
						{ value: '', label: t('users.choose') },
						...targets.startups.map((s) => ({ value: String(s.id), label: s.name })),
					]}
					errors={fields.startupId.errors}
				/>
			</div>
			<div hidden={accountLinkOf(role) !== 'mentor'}>
				<SelectField
					label={t('users.mentor')}
					selectProps={getSelectProps(fields.mentorId)}
					options={[
						{ value: '', label: t('users.choose') },
						...targets.mentors.map((m) => ({
							value: String(m.id),
							label: `${m.name} — ${m.organisation}`,
						})),
					]}
					errors={fields.mentorId.errors}
				/>
			</div>
			<Field
				label={t('users.organisation')}
				inputProps={getInputProps(fields.organisation, { type: 'text' })}
				errors={fields.organisation.errors}
				hint={t('users.organisationHint')}
			/>
			{mode === 'create' ? (
				<Field
					label={t('users.password')}
					inputProps={{
						...getInputProps(fields.password, { type: 'password' }),
						autoComplete: 'new-password',
					}}
					errors={fields.password.errors}
					hint={t('users.passwordHint')}
				/>
			) : null}
			<ErrorList id={form.errorId} errors={form.errors} />
			<button type="submit" className="button button-primary">
				{mode === 'create' ? t('users.create') : t('common.save')}
			</button>
		</Form>
	)
}
