import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {
	MaxPartSizeExceededError,
	type UploadHandler,
	unstable_parseMultipartFormData,
} from '@remix-run/node'
import { APPLICATION_FILE_MAX_BYTES } from '~/schemas/application'
import { getUploadsDir } from './env.server'

export { APPLICATION_FILE_MAX_BYTES }

/** What the public application form may send in one request: one 10 MB file plus the fields. */
export const PUBLIC_FORM_MAX_BYTES = APPLICATION_FILE_MAX_BYTES + 1024 * 1024

/** Text fields of the public form: generous for a long answer, small beside a file. */
const TEXT_PART_MAX_BYTES = 64 * 1024

export class RequestTooLargeError extends Error {
	constructor() {
		super('request too large')
	}
}

/**
 * Reads a multipart form, counting every byte: more than `maxBytes` in all, a text field over
 * 64 KB, or a file over the file limit stops the reading at once (nothing is kept).
 */
export async function readLimitedMultipart(
	request: Request,
	{
		maxBytes = PUBLIC_FORM_MAX_BYTES,
		maxFileBytes = APPLICATION_FILE_MAX_BYTES,
	}: { maxBytes?: number; maxFileBytes?: number } = {},
) {
	const declared = Number(request.headers.get('Content-Length'))
	if (Number.isFinite(declared) && declared > maxBytes) throw new RequestTooLargeError()
	// a plain form (no file chosen, or sent by a script) carries only fields
	if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) {
		return request.formData()
	}
	let total = 0
	const handler: UploadHandler = async ({ filename, contentType, name, data }) => {
		const limit = typeof filename === 'string' ? maxFileBytes : TEXT_PART_MAX_BYTES
		const chunks: Uint8Array[] = []
		let size = 0
		for await (const chunk of data) {
			size += chunk.byteLength
			total += chunk.byteLength
			if (total > maxBytes) throw new RequestTooLargeError()
			if (size > limit) throw new MaxPartSizeExceededError(name, limit)
			chunks.push(chunk)
		}
		const bytes = Buffer.concat(chunks)
		if (typeof filename === 'string') return new File([bytes], filename, { type: contentType })
		return bytes.toString('utf8')
	}
	return unstable_parseMultipartFormData(request, handler)
}

/**
 * A PDF says so in its first bytes ("%PDF-") and ends with "%%EOF" (a few bytes of whitespace
 * may follow). The file's name and the browser's content type are not believed.
 */
export function isPdf(bytes: Uint8Array) {
	if (bytes.byteLength < 16) return false
	const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1')
	if (head !== '%PDF-') return false
	const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.byteLength - 1024))).toString('latin1')
	return tail.includes('%%EOF')
}

export function sha256(bytes: Uint8Array) {
	return crypto.createHash('sha256').update(bytes).digest('hex')
}

function storedPath(storedName: string) {
	// stored names are ours (random hex + .pdf); anything else never reaches the disk
	if (!/^[a-f0-9]{32}\.pdf$/.test(storedName))
		throw new Error(`Bad stored file name: ${storedName}`)
	return path.join(getUploadsDir(), 'applications', storedName)
}

/** Writes the bytes under a new random name (write then rename: never half a file). */
export function storeFile(bytes: Uint8Array) {
	const storedName = `${crypto.randomBytes(16).toString('hex')}.pdf`
	const file = storedPath(storedName)
	fs.mkdirSync(path.dirname(file), { recursive: true })
	const temporary = `${file}.part`
	fs.writeFileSync(temporary, bytes, { mode: 0o600 })
	fs.renameSync(temporary, file)
	return { storedName, sha256: sha256(bytes), sizeBytes: bytes.byteLength }
}

/** The file's bytes, or null when it is missing or no longer matches its checksum. */
export function readStoredFile(storedName: string, checksum: string) {
	try {
		const bytes = fs.readFileSync(storedPath(storedName))
		return sha256(bytes) === checksum ? bytes : null
	} catch {
		return null
	}
}

export function deleteStoredFile(storedName: string) {
	fs.rmSync(storedPath(storedName), { force: true })
}
