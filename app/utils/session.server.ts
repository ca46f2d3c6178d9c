import { createCookieSessionStorage, type SessionStorage } from '@remix-run/node'
import { isProduction } from './env.server'
import { getSessionSecrets } from './session-secret.server'

type AuthSessionData = { sessionId: string }
type ToastData = { toast: Toast }

export type Toast = {
	type: 'success' | 'error'
	messageKey: string
	values?: Record<string, string>
}

let authStorage: SessionStorage<AuthSessionData> | undefined
let toastStorage: SessionStorage<object, ToastData> | undefined

/**
 * The cookie carries only a signed session id; the session itself lives in the
 * sessions table, so signing out or disabling a user revokes it at once.
 */
export function getAuthSessionStorage() {
	authStorage ??= createCookieSessionStorage<AuthSessionData>({
		cookie: {
			name: 'tektos_session',
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: isProduction(),
			secrets: getSessionSecrets(),
		},
	})
	return authStorage
}

export function getToastStorage() {
	toastStorage ??= createCookieSessionStorage<object, ToastData>({
		cookie: {
			name: 'tektos_toast',
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: isProduction(),
			secrets: getSessionSecrets(),
		},
	})
	return toastStorage
}

export async function createToastHeader(toast: Toast) {
	const storage = getToastStorage()
	const session = await storage.getSession()
	session.flash('toast', toast)
	return storage.commitSession(session)
}

export async function getToast(request: Request) {
	const storage = getToastStorage()
	const session = await storage.getSession(request.headers.get('Cookie'))
	const toast = session.get('toast') ?? null
	return {
		toast,
		headers: toast ? { 'Set-Cookie': await storage.destroySession(session) } : null,
	}
}
