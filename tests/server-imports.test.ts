import fs from 'node:fs'

// The demo seed is built with the test factories: a production server must never load either.
test('the server loads the demo seed lazily, outside production only', () => {
	const server = fs.readFileSync('server.ts', 'utf8')
	const staticImports = [...server.matchAll(/^import [^;]*?from '([^']+)'/gms)].map((m) => m[1])
	expect(staticImports.filter((from) => /seed|#tests|factories/.test(from!))).toEqual([])
	// the import happens inside the seedDemo option, which start-up calls only outside production
	const option = server.indexOf('seedDemo: async () => {')
	const lazy = server.indexOf("await import('#db/seed')")
	expect(option).toBeGreaterThan(-1)
	expect(lazy).toBeGreaterThan(option)
	expect(server.slice(option, lazy).split('\n')).toHaveLength(2)
	const start = fs.readFileSync('server/start.ts', 'utf8')
	expect(start).toMatch(/if \(!production && options\.seedDemo\) await options\.seedDemo\(db\)/)
})
