import { parseWithZod } from '@conform-to/zod'
import { z } from 'zod'
import { refused, refusedFields, replyTo } from './write-result'

const form = (fields: Record<string, string>) => {
	const data = new FormData()
	for (const [k, v] of Object.entries(fields)) data.set(k, v)
	return parseWithZod(data, { schema: z.object({ code: z.string(), floor: z.coerce.number() }) })
}

test('a refusal comes back to the form on its field, with what the user typed', () => {
	const submission = form({ code: 'Q1-01', floor: '2' })
	const reply = replyTo(submission, refused('code', 'nursery:errors.codeTaken'))
	expect(reply.status).toBe('error')
	expect(reply.error).toEqual({ code: ['nursery:errors.codeTaken'] })
	expect(reply.initialValue).toEqual({ code: 'Q1-01', floor: '2' })
})

test('a refusal of the whole form, or of several fields at once', () => {
	const submission = form({ code: 'Q1-01', floor: '2' })
	expect(replyTo(submission, refused('', 'nursery:errors.renewalMismatch')).error).toEqual({
		'': ['nursery:errors.renewalMismatch'],
	})
	expect(
		replyTo(submission, refusedFields({ code: ['a'], floor: ['b'] }), { hideFields: ['code'] }),
	).toMatchObject({ error: { code: ['a'], floor: ['b'] }, initialValue: { floor: '2' } })
})
