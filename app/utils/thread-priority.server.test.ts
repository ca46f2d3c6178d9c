import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { threadNice } from './thread-priority.server'

/** A worker thread (as the import's) that lowers its own priority and says what it then has. */
function niceInWorker() {
	const require = createRequire(import.meta.url)
	const tsxApi = pathToFileURL(
		path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
	).href
	const file = pathToFileURL(path.resolve('app/utils/thread-priority.server.ts')).href
	const worker = new Worker(
		`const { parentPort } = require('node:worker_threads')
		import(${JSON.stringify(tsxApi)})
			.then(({ register }) => { register(); return import(${JSON.stringify(file)}) })
			.then(({ lowerThreadPriority, threadNice }) => {
				const lowered = lowerThreadPriority(10)
				parentPort.postMessage({ lowered, nice: threadNice() })
			})`,
		{ eval: true },
	)
	return new Promise<{ lowered: boolean; nice: number | null }>((resolve, reject) => {
		worker.once('message', (m) => void worker.terminate().then(() => resolve(m)))
		worker.once('error', reject)
	})
}

test.runIf(process.platform === 'linux')(
	'a background thread runs at a lower priority, and the thread that answers requests does not',
	async () => {
		const before = threadNice()
		const worker = await niceInWorker()
		expect(worker).toEqual({ lowered: true, nice: 10 })
		expect(threadNice()).toBe(before)
	},
)
