import fs from 'node:fs'

// The demo seed is built with the test factories: a production server must never load either.
test('the server loads the demo seed lazily, outside production only', () => {
	const server = fs.readFileSync('server.ts', 'utf8')
	const staticImports = [...server.matchAll(/^import [^;]*?from '([^']+)'/gms)].map((m) => m[1])
	expect(staticImports.filter((from) => /seed|#tests|factories/.test(from!))).toEqual([])
	const lazy = server.indexOf("await import('#db/seed')")
	const guard = server.lastIndexOf("if (env.NODE_ENV !== 'production')", lazy)
	expect(lazy).toBeGreaterThan(-1)
	expect(guard).toBeGreaterThan(-1)
	// the import sits inside that guard's block
	expect(
		server.slice(guard, lazy).split('{').length - server.slice(guard, lazy).split('}').length,
	).toBe(1)
})
