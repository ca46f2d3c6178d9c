import { useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'

/**
 * After a client-side navigation to another page, focus goes to the new page's heading, as a
 * page load would put a screen reader at the top: the reader hears where they arrived, and the
 * next Tab starts from the page's content, not from the link they followed. A change of the
 * query alone (a filter, a sort, the next page of a list) keeps the focus where it is, and so
 * does the first load (decision 0040).
 */
export function useFocusHeadingOnNavigation() {
	const { pathname } = useLocation()
	const previous = useRef(pathname)
	useEffect(() => {
		if (previous.current === pathname) return
		previous.current = pathname
		const heading = document.querySelector<HTMLElement>('main h1')
		if (!heading) return
		// a heading is not in the tab order: -1 lets a script, and only a script, focus it
		if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
		heading.focus({ preventScroll: true })
	}, [pathname])
}
