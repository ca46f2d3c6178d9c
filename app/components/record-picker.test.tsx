import { type SubmissionResult, useForm } from '@conform-to/react'
import { createInstance } from 'i18next'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { serverI18nConfig as i18nConfig } from '~/utils/i18n-resources.server'
import { PICKED_BY_NAME } from '~/utils/picker'
import { RecordPicker } from './record-picker'

function Picker({
	options,
	lastResult,
	typedValue,
}: {
	options: { value: string; label: string }[] | null
	lastResult?: SubmissionResult<string[]>
	typedValue?: string
}) {
	const [, fields] = useForm<{ startupId: string }>({ id: 'f', lastResult })
	return (
		<RecordPicker
			label="Startup"
			field={fields.startupId}
			kind="startups"
			options={options}
			typedValue={typedValue}
		/>
	)
}

async function render(element: React.ReactElement, lng: 'fr' | 'en' = 'fr') {
	const i18n = createInstance()
	await i18n.use(initReactI18next).init({ ...i18nConfig, lng })
	return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>)
}

test('few records: the select it always was, one option each', async () => {
	const options = [
		{ value: '', label: '—' },
		...Array.from({ length: 50 }, (_, i) => ({ value: String(i + 1), label: `Startup ${i + 1}` })),
	]
	const html = await render(<Picker options={options} />)
	expect(html.match(/<option/g)).toHaveLength(51)
	expect(html).not.toContain(PICKED_BY_NAME)
})

test('many records: a text field that says it holds a name, and no list of them in the page', async () => {
	const html = await render(<Picker options={null} typedValue="Opale Hydrogène" />)
	expect(html).not.toContain('<select')
	expect(html).not.toContain('<option')
	expect(html).toMatch(/<input type="hidden" name="pickedByName" value="startupId"\/>/)
	expect(html).toMatch(/<input[^>]*name="startupId"[^>]*type="text"[^>]*value="Opale Hydrogène"/)
	expect(html).toContain('list="f-startupId-suggestions"')
	expect(html).toContain('<datalist id="f-startupId-suggestions"></datalist>')
})

test('a name that matched nothing is quoted back in its field and its message, in either language', async () => {
	const lastResult: SubmissionResult<string[]> = {
		status: 'error',
		initialValue: { startupId: 'Hélice Bleue' },
		error: { startupId: ['pick.none.startups'] },
	}
	const fr = await render(<Picker options={null} lastResult={lastResult} typedValue="Autre" />)
	expect(fr).toMatch(/name="startupId"[^>]*value="Hélice Bleue"/)
	expect(fr).toContain('aria-invalid="true"')
	expect(fr).toContain('Aucune startup ne s’appelle «\u00a0Hélice Bleue\u00a0».')
	const en = await render(<Picker options={null} lastResult={lastResult} />, 'en')
	expect(en).toContain('No startup is called “Hélice Bleue”.')
})
