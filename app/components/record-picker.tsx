import { type FieldMetadata, getInputProps, getSelectProps } from '@conform-to/react'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { PICKED_BY_NAME, type PickKind } from '~/utils/picker'
import { ErrorList, SelectField } from './forms'
import { useSuggestions } from './suggest-field'

/**
 * One record among many (decision 0044). With `options` (the viewer may choose among at most
 * PICKER_LIMIT records) it is the select it always was. Without, it is a text field whose
 * browser-native list suggests records as one types (GET /suggest/pick-<kind>); a hidden input
 * tells the server the field holds a name, which it resolves to one record — or answers on the
 * field that none or several have that name, the typed words kept. No JavaScript needed.
 */
export function RecordPicker({
	label,
	field,
	kind,
	options,
	context,
	typedValue,
	hint,
}: {
	label: ReactNode
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's id field
	field: FieldMetadata<unknown, any, string[]>
	kind: PickKind
	/** The select's options (an empty first one included); null for a text field. */
	options: { value: string; label: string }[] | null
	/** Query parameters of the suggestions (a trigger's startup and event). */
	context?: Record<string, number | undefined>
	/** What the text field shows before anything was typed: the record picked now. */
	typedValue?: string
	hint?: ReactNode
}) {
	if (options) {
		return (
			<SelectField
				label={label}
				selectProps={getSelectProps(field)}
				options={options}
				errors={field.errors}
			/>
		)
	}
	return (
		<NameField
			label={label}
			name={field.name}
			id={field.id}
			kind={kind}
			context={context}
			defaultValue={
				typeof field.initialValue === 'string' && !/^\d+$/.test(field.initialValue)
					? field.initialValue
					: typedValue
			}
			errors={field.errors}
			hint={hint}
			inputProps={getInputProps(field, { type: 'text' })}
		/>
	)
}

/**
 * The text field of a picker: what it suggests, the hidden input naming it as typed, and the
 * messages quoting the name typed.
 */
export function NameField({
	label,
	name,
	id,
	kind,
	context,
	defaultValue,
	errors,
	hint,
	inputProps,
	placeholder,
	marked = true,
}: {
	label: ReactNode
	name: string
	id?: string
	kind: PickKind
	context?: Record<string, number | undefined>
	defaultValue: string | undefined
	errors: string[] | undefined
	hint?: ReactNode
	inputProps?: React.InputHTMLAttributes<HTMLInputElement>
	placeholder?: string
	/** False in a GET filter: its field is always a name, and the URL stays clean. */
	marked?: boolean
}) {
	const { t } = useTranslation()
	const fallbackId = useId()
	const inputId = id ?? fallbackId
	const listId = `${inputId}-suggestions`
	const params = Object.entries(context ?? {})
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => `${k}=${v}`)
		.join('&')
	const { values, suggest } = useSuggestions(`/suggest/pick-${kind}${params ? `?${params}` : ''}`)
	const errorId = errors?.length ? `${inputId}-error` : undefined
	const hintId = `${inputId}-hint`
	return (
		<div className="field">
			<label htmlFor={inputId}>{label}</label>
			{marked ? <input type="hidden" name={PICKED_BY_NAME} value={name} /> : null}
			<input
				{...inputProps}
				// Conform's constraint would ask for a number: a name is typed here
				pattern={undefined}
				min={undefined}
				id={inputId}
				type="text"
				name={name}
				key={defaultValue}
				defaultValue={defaultValue ?? ''}
				list={listId}
				maxLength={200}
				autoComplete="off"
				placeholder={placeholder ?? t('common.typeToSearch')}
				aria-invalid={errorId ? true : undefined}
				aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
				onFocus={(e) => suggest(e.currentTarget.value)}
				onInput={(e) => suggest(e.currentTarget.value)}
			/>
			<datalist id={listId}>
				{values.map((v) => (
					<option key={v} value={v} />
				))}
			</datalist>
			<p id={hintId} className="field-hint">
				{hint ?? t('pick.hint')}
			</p>
			<ErrorList id={errorId} errors={errors} values={{ name: defaultValue ?? '' }} />
		</div>
	)
}
