const BASE = 'http://tektos.invalid'

/**
 * Where to send someone after a page that was told where to go back to (`?redirectTo=` on
 * sign-in, `?from=` on an introduction): a path on this site, or the fallback.
 *
 * Checking the text is not enough, because a browser does not read a URL as it is written: it
 * drops tabs, CR and LF anywhere ("/\t/evil.example" is "//evil.example", another site), reads
 * "\" as "/", and resolves "/..//x" to "//x". So anything with a control character or a
 * backslash is refused outright, the rest is parsed the way a browser parses it, and what comes
 * back is the parsed path — never the raw text, which also keeps a Location header free of
 * anything that would make it throw (a CR/LF value used to give a 500 after the session was made).
 */
export function safeRedirect(to: unknown, fallback = '/'): string {
	if (typeof to !== 'string' || to.length === 0 || to.length > 2000) return fallback
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
	if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback
	if (!to.startsWith('/') || to.startsWith('//')) return fallback
	let url: URL
	try {
		url = new URL(to, BASE)
	} catch {
		return fallback
	}
	if (url.origin !== BASE) return fallback
	const path = `${url.pathname}${url.search}${url.hash}`
	// "/.//evil.example" parses to the path "//evil.example": protocol-relative once sent back
	if (!path.startsWith('/') || path.startsWith('//')) return fallback
	return path
}
