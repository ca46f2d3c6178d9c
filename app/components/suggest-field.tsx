import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A filter with too many values for a select (a network's cohorts, sectors, startups): a text
 * field whose browser-native list suggests values as one types, from GET /suggest/<kind>. It is
 * a plain text field without JavaScript, and the list filters on what was typed (an exact value
 * picks it, a part of one matches all that contain it). Picking a suggestion applies it at once,
 * as a select of FiltersForm does.
 */
export function SuggestField({
	name,
	label,
	value,
	kind,
	placeholder,
}: {
	name: string
	label: string
	value: string | undefined
	kind: 'cohorts' | 'sectors' | 'startups'
	placeholder?: string
}) {
	const { t } = useTranslation()
	const listId = useId()
	const { values, suggest } = useSuggestions(`/suggest/${kind}`)
	return (
		<div className="field">
			<label htmlFor={`filter-${name}`}>{label}</label>
			<input
				id={`filter-${name}`}
				type="search"
				name={name}
				list={listId}
				defaultValue={value ?? ''}
				placeholder={placeholder ?? t('common.typeToSearch')}
				autoComplete="off"
				onFocus={(e) => suggest(e.currentTarget.value)}
				onInput={(e) => {
					const input = e.currentTarget
					// a suggestion picked: the filter applies, as a select's choice does
					if (values.includes(input.value)) input.form?.requestSubmit()
					else suggest(input.value)
				}}
			/>
			<datalist id={listId}>
				{values.map((v) => (
					<option key={v} value={v} />
				))}
			</datalist>
		</div>
	)
}

/**
 * The values GET `url`?q=… suggests for what was typed, fetched 150 ms after the last key, the
 * previous request abandoned.
 */
export function useSuggestions(url: string) {
	const [values, setValues] = useState<string[]>([])
	const request = useRef<AbortController | null>(null)
	const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
	useEffect(
		() => () => {
			request.current?.abort()
			if (timer.current) clearTimeout(timer.current)
		},
		[],
	)

	function suggest(q: string) {
		if (timer.current) clearTimeout(timer.current)
		timer.current = setTimeout(() => {
			request.current?.abort()
			const controller = new AbortController()
			request.current = controller
			const separator = url.includes('?') ? '&' : '?'
			fetch(`${url}${separator}q=${encodeURIComponent(q)}`, { signal: controller.signal })
				.then((res) => (res.ok ? (res.json() as Promise<{ values: string[] }>) : { values: [] }))
				.then((data) => setValues(data.values))
				.catch(() => {})
		}, 150)
	}
	return { values, suggest }
}
