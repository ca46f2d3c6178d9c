/// <reference types="@remix-run/dev" />

import '@remix-run/node'

declare module '@remix-run/node' {
	interface Future {
		v3_singleFetch: true
	}
	interface AppLoadContext {
		ipAddress?: string
		/** set by server/app.ts: the id of this request, in the log and on error pages */
		requestId?: string
		/** set by server/app.ts: the Content-Security-Policy nonce of this response's scripts */
		cspNonce?: string
	}
}
