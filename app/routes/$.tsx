import { GeneralErrorBoundary } from '~/components/error-boundary'
import { notFound } from '~/utils/http.server'
import { pageTitle } from '~/utils/meta'

export async function loader() {
	throw notFound('page')
}

export default function NotFound() {
	return null
}

export const meta = pageTitle(() => [])

export function ErrorBoundary() {
	return (
		<main className="page page-narrow">
			<GeneralErrorBoundary />
		</main>
	)
}
