import { type ComponentType, lazy, Suspense } from 'react'

/**
 * A part of a page whose code (a form with its zod schema, say) is not in the page's first
 * JavaScript: the server renders it in place (entry.server waits for the whole page), the
 * browser keeps that HTML — a plain form that already works — and hydrates it once its chunk
 * has arrived, fetched right after the page is interactive (decision 0032).
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>) {
	// typed by lazyPart's caller: what React.lazy sees inside needs no more
	const Lazy = lazy(() =>
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		load().then((component) => ({ default: component as ComponentType<any> })),
	)
	// fetch the chunk once the page is idle, not when the part is first drawn again
	if (typeof window !== 'undefined') {
		const preload = () => void load()
		if ('requestIdleCallback' in window) window.requestIdleCallback(preload)
		else setTimeout(preload, 200)
	}
	function LazyPart(props: P) {
		return (
			<Suspense fallback={null}>
				<Lazy {...props} />
			</Suspense>
		)
	}
	return LazyPart
}
