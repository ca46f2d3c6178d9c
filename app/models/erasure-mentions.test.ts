import { mentionRules, scrubJsonMentions, scrubMentions } from './erasure-mentions'

const harriet = {
	firstName: 'Harriet',
	lastName: 'Collins',
	email: 'h.collins@portofdover.example',
	phone: '+441304249999',
}
const rules = mentionRules(harriet, ['Sophie Lefebvre', 'Marc Vasseur', 'John Smith'])
const scrub = (text: string, aboutHer = false) => scrubMentions(text, rules, aboutHer)

test('her full name, in either order, any case, with or without a title', () => {
	expect(scrub('Met Harriet Collins about the pilot')).toBe('Met […] about the pilot')
	expect(scrub('COLLINS, Harriet (Port of Dover)')).toBe('[…] (Port of Dover)')
	expect(scrub('harriet collins said yes')).toBe('[…] said yes')
	expect(scrub('Call with Ms Harriet Collins')).toBe('Call with […]')
	// a name inside a longer word is not hers
	expect(scrub('The Collinsworth account')).toBe('The Collinsworth account')
})

test('accents do not hide a name', () => {
	const r = mentionRules({ firstName: 'Hélène', lastName: 'Dupré', email: null, phone: null }, [
		'Marc Vasseur',
	])
	expect(scrubMentions('Rendez-vous avec Helene Dupre et Marc', r)).toBe(
		'Rendez-vous avec […] et Marc',
	)
	expect(scrubMentions('DUPRÉ Hélène, présidente', r)).toBe('[…], présidente')
	expect(scrubMentions('Mme Dupré viendra', r)).toBe('[…] viendra')
})

test('her email, exactly, and not a longer address that contains it', () => {
	expect(scrub('Write to H.Collins@PortOfDover.example.')).toBe('Write to […].')
	expect(scrub('cc: old.h.collins@portofdover.example')).toBe(
		'cc: old.h.collins@portofdover.example',
	)
	expect(scrub('h.collins@portofdover.example.uk')).toBe('h.collins@portofdover.example.uk')
})

test('her phone number the ways people write it, and not a neighbour', () => {
	for (const written of [
		'+441304249999',
		'+44 1304 249999',
		'+44 (0)1304 249 999',
		'0044 1304 249999',
		'01304 249999',
		'01304-249-999',
		'(01304) 249999',
	]) {
		expect(scrub(`Phone: ${written}, mornings`), written).toBe('Phone: […], mornings')
	}
	expect(scrub('Phone: 01304 249998')).toBe('Phone: 01304 249998')
	expect(scrub('Invoice 2025 01304 249999')).toBe('Invoice 2025 […]')
	const fr = mentionRules(
		{ firstName: null, lastName: null, email: null, phone: '+33321000000' },
		[],
	)
	expect(scrubMentions('Tél. 03 21 00 00 00', fr)).toBe('Tél. […]')
	expect(scrubMentions('Tél. 03.21.00.00.00', fr)).toBe('Tél. […]')
	expect(scrubMentions('Tél. +33 3 21 00 00 00', fr)).toBe('Tél. […]')
	expect(scrubMentions('Tél. 01 21 00 00 00', fr)).toBe('Tél. 01 21 00 00 00')
	expect(scrubMentions('SIREN 321000000', fr)).toBe('SIREN 321000000')
})

test('a first or last name alone, when nobody else bears it and it is written as a name', () => {
	expect(scrub('Harriet will call back')).toBe('[…] will call back')
	expect(scrub('Lunch with Ms Collins and Marc')).toBe('Lunch with […] and Marc')
	expect(scrub("Mme Collins a signé; Harriet's team too")).toBe("[…] a signé; […]'s team too")
	// not a name as written
	expect(scrub('the harriet tubman class')).toBe('the harriet tubman class')
})

test('a name someone else bears is left alone, and said so', () => {
	const r = mentionRules(harriet, ['Harriet Moore', 'Paul Collins-Ward'])
	expect(r.ambiguous.sort()).toEqual(['Collins', 'Harriet'])
	expect(scrubMentions('Harriet and Ms Collins came', r)).toBe('Harriet and Ms Collins came')
	// the full name stays hers
	expect(scrubMentions('Harriet Collins came', r)).toBe('[…] came')
})

test('a name that is also a word: alone, only where the text is about her or names her', () => {
	const r = mentionRules({ firstName: 'Will', lastName: 'Grant', email: null, phone: null }, [])
	const text = 'Grant secured. Will call Monday.'
	expect(scrubMentions(text, r)).toBe(text)
	expect(scrubMentions(text, r, true)).toBe('[…] secured. […] call Monday.')
	expect(scrubMentions('Met Will Grant. Will wants a pilot.', r)).toBe(
		'Met […]. […] wants a pilot.',
	)
	// with a title it is a name
	expect(scrubMentions('Mr Grant agreed', r)).toBe('[…] agreed')
})

test('nothing to take out gives back the very same string', () => {
	const text = 'Visit of the Eastern Docks'
	expect(scrub(text)).toBe(text)
	expect(scrubMentions('', rules)).toBe('')
})

test('inside JSON the strings are scrubbed and the document stays JSON', () => {
	const changes = JSON.stringify({ note: ['Harriet Collins to call', 'done'], amount: [1, 2] })
	const scrubbed = scrubJsonMentions(changes, rules)
	expect(JSON.parse(scrubbed)).toEqual({ note: ['[…] to call', 'done'], amount: [1, 2] })
	expect(scrubJsonMentions('{"note":["nothing"]}', rules)).toBe('{"note":["nothing"]}')
	expect(scrubJsonMentions('not json, Harriet Collins', rules)).toBe('not json, […]')
})
