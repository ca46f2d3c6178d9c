import {
	type InputHTMLAttributes,
	type ReactNode,
	type SelectHTMLAttributes,
	type TextareaHTMLAttributes,
	useId,
} from 'react'
import { useTranslation } from 'react-i18next'

type Errors = string[] | undefined | null

/**
 * Zod messages are i18n keys ("errors.email"); this turns them into sentences, with `values`
 * for those that quote what was typed.
 */
export function ErrorList({
	id,
	errors,
	values,
}: {
	id?: string
	errors: Errors
	values?: Record<string, string>
}) {
	const { t } = useTranslation()
	const list = errors?.filter(Boolean)
	if (!list?.length) return null
	return (
		<ul id={id} className="field-errors">
			{list.map((e) => (
				<li key={e}>{values ? t(e, values) : t(e)}</li>
			))}
		</ul>
	)
}

export function Field({
	label,
	inputProps,
	errors,
	hint,
}: {
	label: ReactNode
	inputProps: InputHTMLAttributes<HTMLInputElement>
	errors?: Errors
	hint?: ReactNode
}) {
	const fallbackId = useId()
	const id = inputProps.id ?? fallbackId
	const errorId = errors?.length ? `${id}-error` : undefined
	const hintId = hint ? `${id}-hint` : undefined
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<input
				{...inputProps}
				id={id}
				aria-invalid={errorId ? true : undefined}
				aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
			/>
			{hint ? (
				<p id={hintId} className="field-hint">
					{hint}
				</p>
			) : null}
			<ErrorList id={errorId} errors={errors} />
		</div>
	)
}

export function SelectField({
	label,
	selectProps,
	options,
	errors,
}: {
	label: ReactNode
	selectProps: SelectHTMLAttributes<HTMLSelectElement>
	options: { value: string; label: string }[]
	errors?: Errors
}) {
	const fallbackId = useId()
	const id = selectProps.id ?? fallbackId
	const errorId = errors?.length ? `${id}-error` : undefined
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<select
				{...selectProps}
				id={id}
				aria-invalid={errorId ? true : undefined}
				aria-describedby={errorId}
			>
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
			<ErrorList id={errorId} errors={errors} />
		</div>
	)
}

export function TextareaField({
	label,
	textareaProps,
	errors,
}: {
	label: ReactNode
	textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement>
	errors?: Errors
}) {
	const fallbackId = useId()
	const id = textareaProps.id ?? fallbackId
	const errorId = errors?.length ? `${id}-error` : undefined
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<textarea
				{...textareaProps}
				id={id}
				aria-invalid={errorId ? true : undefined}
				aria-describedby={errorId}
			/>
			<ErrorList id={errorId} errors={errors} />
		</div>
	)
}
