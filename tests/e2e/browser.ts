import { type Browser, chromium, type Page } from 'playwright-core'
import { inject } from 'vitest'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, never a downloaded one; the flags keep it off the network. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	})
}

export function url(path: string) {
	return `${inject('baseURL')}${path}`
}

export const DEMO_PASSWORD = 'tektos-demo'

export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto(url('/login'))
	await page.getByLabel(/e-mail|email/i).fill(email)
	await page.getByLabel(/mot de passe|password/i).fill(password)
	await page.getByRole('button', { name: /se connecter|sign in/i }).click()
	await page.waitForURL((u) => !u.pathname.startsWith('/login'))
	// the signed-in layout is there once the sign-out button is
	await page.getByRole('button', { name: /se déconnecter|sign out/i }).waitFor()
}
