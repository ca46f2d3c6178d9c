/**
 * Every state-changing form carries a one-time token (issue 11 §3.8): the server answers a
 * second submission of the same token with the first one's response, so a double click, a
 * refresh that re-posts or a replayed request records a payment once. Issued by the root
 * loader (app/utils/form-token.server.ts), checked by the server before the action runs
 * (server/form-replay.ts), put into forms by app/components/form.tsx.
 */
export const FORM_TOKEN_FIELD = '_formToken'

/** Between the page's token and the form's own key: "<page token>~<form key>". */
export const FORM_KEY_SEPARATOR = '~'
