/*
 * The JavaScript a browser downloads on a page's first load, from the build's metafile
 * (build/metafile.js.json, written by `remix build`): the entry, the manifest, and each route
 * module of the page's chain (root, layout, page) with every chunk they import statically.
 * Chunks imported dynamically (import()) are not counted: they load only when used.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

type Metafile = {
	outputs: Record<
		string,
		{ entryPoint?: string; bytes: number; imports: { path: string; kind: string }[] }
	>
}

export type Weight = { files: number; rawBytes: number; gzipBytes: number }

export function jsWeights(root: string, buildDir = 'build') {
	const metafile = JSON.parse(
		fs.readFileSync(path.join(root, buildDir, 'metafile.js.json'), 'utf8'),
	) as Metafile
	const byEntry = new Map<string, string>()
	for (const [file, output] of Object.entries(metafile.outputs)) {
		if (output.entryPoint) byEntry.set(output.entryPoint, file)
	}
	const assets = path.join(root, 'public', buildDir)
	const manifest = fs.readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f))
	const gzipCache = new Map<string, number>()
	const gzipSize = (file: string) => {
		let size = gzipCache.get(file)
		if (size === undefined) {
			size = zlib.gzipSync(fs.readFileSync(path.join(root, file))).length
			gzipCache.set(file, size)
		}
		return size
	}

	/** routeIds like 'root', 'routes/_app', 'routes/_app.startups._index' */
	return function weightOf(routeFiles: string[]): Weight {
		const entries = [
			'app/entry.client.tsx',
			...routeFiles.map((r) => `browser-route-module:${r}?browser`),
		]
		const seen = new Set<string>()
		const visit = (file: string) => {
			if (seen.has(file)) return
			seen.add(file)
			for (const i of metafile.outputs[file]?.imports ?? []) {
				if (i.kind === 'import-statement') visit(i.path)
			}
		}
		for (const entry of entries) {
			const file = byEntry.get(entry)
			if (!file) throw new Error(`No output for ${entry} in the metafile`)
			visit(file)
		}
		const files = [...seen]
		if (manifest) files.push(path.join('public', buildDir, manifest))
		return {
			files: files.length,
			rawBytes: files.reduce((sum, f) => sum + fs.statSync(path.join(root, f)).size, 0),
			gzipBytes: files.reduce((sum, f) => sum + gzipSize(f), 0),
		}
	}
}
