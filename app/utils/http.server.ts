import { redirect } from '@remix-run/node'
import { createToastHeader, type Toast } from './session.server'

/** Thrown Responses that the GeneralErrorBoundary turns into pages in the domain's words. */
export function notFound(entity: string, id?: string | number) {
	return new Response(JSON.stringify({ entity, id: id ?? null }), {
		status: 404,
		headers: { 'Content-Type': 'application/json' },
	})
}

export function forbidden(reason: string) {
	return new Response(JSON.stringify({ reason }), {
		status: 403,
		headers: { 'Content-Type': 'application/json' },
	})
}

export function badRequest(reason: string) {
	return new Response(JSON.stringify({ reason }), {
		status: 400,
		headers: { 'Content-Type': 'application/json' },
	})
}

/** Post/redirect/get with a toast. */
export async function redirectWithToast(url: string, toast: Toast, init?: ResponseInit) {
	const headers = new Headers(init?.headers)
	headers.append('Set-Cookie', await createToastHeader(toast))
	return redirect(url, { ...init, headers })
}

/** Parses a route param that must be a positive integer id; anything else is a 404. */
export function parseId(value: string | undefined, entity: string): number {
	const id = Number(value)
	if (!value || !/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
		throw notFound(entity, value)
	}
	return id
}

export { safeRedirect } from './safe-redirect'
