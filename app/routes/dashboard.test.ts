import { createUser } from '#tests/factories'
import { get, loaderArgs, sessionCookie } from '#tests/request'
import { loader as homeLoader } from './_app._index/route'

/*
 * Issue 13 §12: the first dashboard asked to "create the team's accounts" whenever nothing had
 * been recorded yet, even with the team's accounts there. It asks only while the manager's
 * account is the only one. (This file's database starts empty: no other test adds users to it.)
 */
async function dashboard(cookie: string) {
	const data = await homeLoader(loaderArgs(get('/', cookie)))
	if (data.view !== 'dashboard') throw new Error(`expected the dashboard, got ${data.view}`)
	return data.home
}

test('the first dashboard asks for the team’s accounts only while there are none', async () => {
	const claire = createUser({ role: 'manager', name: 'Claire Delattre' })
	const cookie = await sessionCookie(claire.id)

	const alone = await dashboard(cookie)
	expect(alone.recentActivity).toEqual([])
	expect(alone.otherAccounts).toBe(0)

	// the team's accounts made outside the app (the command line, an import): no activity yet
	createUser({ role: 'manager', name: 'Julien Caron' })
	createUser({ role: 'mentor', name: 'Sophie Marchand' })
	const withTeam = await dashboard(cookie)
	expect(withTeam.recentActivity).toEqual([])
	expect(withTeam.otherAccounts).toBe(2)
})
