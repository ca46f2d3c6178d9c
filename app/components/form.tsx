import { Form as RemixForm, type FormProps, useRouteLoaderData } from '@remix-run/react'
import { forwardRef, useId } from 'react'
import type { loader as rootLoader } from '~/root'
import { FORM_KEY_SEPARATOR, FORM_TOKEN_FIELD } from '~/utils/form-token'

/**
 * Remix's `<Form>`, plus the one-time token on every form that changes something (any method
 * but GET): the server answers a second submission of the same token with the first one's
 * response instead of running the action again. Use it for every form; lint-like
 * `app/components/form.test.ts` fails on a POST form that does not.
 *
 * The token comes from the root loader's data, so the server-rendered page and the hydrated
 * one agree on it, and Remix reloads it after each successful submission. The form's own key
 * (useId, also stable across hydration) keeps two forms of one page apart.
 */
export const Form = forwardRef<HTMLFormElement, FormProps>(function Form(
	{ children, ...props },
	ref,
) {
	const token = useRouteLoaderData<typeof rootLoader>('root')?.formToken
	const key = useId()
	const changesState = (props.method ?? 'get').toLowerCase() !== 'get'
	return (
		<RemixForm ref={ref} {...props}>
			{changesState && token ? (
				<input
					type="hidden"
					name={FORM_TOKEN_FIELD}
					value={`${token}${FORM_KEY_SEPARATOR}${key}`}
				/>
			) : null}
			{children}
		</RemixForm>
	)
})
