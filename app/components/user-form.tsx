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
import { namesAsIds } from '~/utils/picker'
import { ErrorList, Field, SelectField } from './forms'
import { RecordPicker } from './record-picker'

/** Null when there are too many for a select: the field is a name to type (decision 0044). */
type LinkTargets = {
	startups: { id: number; name: string }[] | null
	mentors: { id: number; name: string; organisation: string }[] | null
	startupLabel?: string
	mentorLabel?: string
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
		onValidate: ({ formData }) => parseWithZod(namesAsIds(formData), { schema }),
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
				<RecordPicker
					label={t('users.startup')}
					field={fields.startupId}
					kind="startups"
					options={
						targets.startups && [
							{ value: '', label: t('users.choose') },
							...targets.startups.map((s) => ({ value: String(s.id), label: s.name })),
						]
					}
					typedValue={targets.startupLabel}
				/>
			</div>
			<div hidden={accountLinkOf(role) !== 'mentor'}>
				<RecordPicker
					label={t('users.mentor')}
					field={fields.mentorId}
					kind="mentors"
					options={
						targets.mentors && [
							{ value: '', label: t('users.choose') },
							...targets.mentors.map((m) => ({
								value: String(m.id),
								label: `${m.name} — ${m.organisation}`,
							})),
						]
					}
					typedValue={targets.mentorLabel}
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
