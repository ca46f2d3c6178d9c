import { createContext, useContext } from 'react'

/**
 * What the server knows about the request being rendered: the CSP nonce that Remix's inline
 * scripts must carry, and the request's id for the error page's reference. Provided by
 * app/entry.server.tsx; in the browser there is no provider (browsers hide nonces from the
 * page anyway) and the reference comes from the `tektos_ref` cookie the server sets on errors.
 */
export const RequestInfoContext = createContext<{ nonce?: string; requestId?: string }>({})

export const useNonce = () => useContext(RequestInfoContext).nonce

/** The reference of the last failed request, as the server set it. */
export function useErrorReference() {
	const { requestId } = useContext(RequestInfoContext)
	if (requestId) return requestId
	if (typeof document === 'undefined') return undefined
	return /(?:^|;\s*)tektos_ref=([\w-]+)/.exec(document.cookie)?.[1]
}
