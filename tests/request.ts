import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { signIn } from '~/utils/auth.server'

const BASE = 'http://localhost:3000'

/** A Cookie header for a signed-in user, made the way the login action makes it. */
export async function sessionCookie(userId: number) {
	const setCookie = await signIn({ userId, ipAddress: '127.0.0.1' })
	return setCookie.split(';')[0]!
}

export function get(path: string, cookie?: string) {
	return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} })
}

export function post(path: string, form: Record<string, string>, cookie?: string) {
	return new Request(`${BASE}${path}`, {
		method: 'POST',
		body: new URLSearchParams(form),
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			...(cookie ? { Cookie: cookie } : {}),
		},
	})
}

type Args = { params?: Record<string, string>; ipAddress?: string }

export function loaderArgs(
	request: Request,
	{ params = {}, ipAddress }: Args = {},
): LoaderFunctionArgs {
	return { request, params, context: { ipAddress } }
}

export function actionArgs(request: Request, args: Args = {}): ActionFunctionArgs {
	return loaderArgs(request, args)
}

/** Runs a loader or action and gives back what it returned or threw, as a Response when it is one. */
export async function settle<T>(fn: () => Promise<T>): Promise<T | Response> {
	try {
		return await fn()
	} catch (error) {
		if (error instanceof Response) return error
		throw error
	}
}

/** `data()` results of single fetch carry `init` with the status. */
export function statusOf(result: unknown): number {
	if (result instanceof Response) return result.status
	if (result && typeof result === 'object' && 'init' in result) {
		const init = (result as { init?: { status?: number } | null }).init
		return init?.status ?? 200
	}
	return 200
}

export function dataOf<T>(result: T): T extends { data: infer D } ? D : T {
	if (result && typeof result === 'object' && 'type' in result && 'data' in result) {
		return (result as { data: never }).data
	}
	return result as never
}
