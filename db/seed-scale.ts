/*
 * The network around the demo (`db:seed -- --scale N`, N ≥ 2): on top of N replicas of the
 * TEKTOS story, the contact base of a regional network — per unit of scale ≈ 1,000 people in
 * 40 organisations, ≈ 5,000 interactions, 40 introductions — and a few startups with a long
 * funding history. At scale 100: ≈ 2,000 startups, 100,000 contacts, 500,000 interactions.
 *
 * Skewed like a real base: organisation sizes follow a Zipf law (a few of them hold thousands
 * of people), interactions per person a Pareto law (most people were met a few times, a few
 * hundreds of times), recent years busier than old ones. A fixed random seed makes every run
 * the same data for the same `today`.
 *
 * Written with prepared statements in the seed's transaction (the factories would take an
 * hour), but under the same rules as the factories and the forms: a consent has its date and
 * source, a contact's last contact is its latest interaction, emails are unique, phones are
 * stored in E.164, an introduction's deal has its currency, a funding event's step dates
 * follow its status, a sterling amount falls on a date with a rate. Likely duplicates are
 * rare and deliberate (same person, same organisation, another address).
 */
import { getDb } from '~/utils/db.server'

const CONTACTS_PER_SCALE = 1_000
const ORGANISATIONS_PER_SCALE = 40
const INTERACTIONS_PER_SCALE = 5_000
const INTRODUCTIONS_PER_SCALE = 40
/** one startup in a hundred gets a long funding history (many small contributions) */
const BUSY_FUNDED_SHARE = 100

/** mulberry32: a small, fast, seeded generator — the same data on every run */
function generator(seed: number) {
	let a = seed >>> 0
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
	return {
		next,
		int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
		chance: (p: number) => next() < p,
	}
}

function addDays(date: string, days: number) {
	const d = new Date(`${date}T00:00:00Z`)
	d.setUTCDate(d.getUTCDate() + days)
	return d.toISOString().slice(0, 10)
}

const slug = (s: string) =>
	s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z]+/g, '')

// ---------------------------------------------------------------- vocabulary

const FIRST_FR = (
	'Camille Julien Nathalie Thomas Sophie Nicolas Isabelle Pierre Aurélie Mathieu Céline Antoine ' +
	'Élodie Guillaume Sandrine Laurent Virginie Sébastien Stéphanie François Hélène Olivier Émilie ' +
	'Christophe Delphine Jérôme Caroline Frédéric Amandine Benoît Mélanie Damien Laetitia Vincent ' +
	'Audrey Romain Claire Maxime Chloé Hervé Lucie Grégory Manon Thierry Pauline Cédric Agnès Yann ' +
	'Léa Arnaud Margaux Bruno Inès Xavier Noémie Régis Solène Gaëtan Océane Loïc Anaïs Fabrice'
).split(' ')
const LAST_FR = (
	'Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre ' +
	'Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont ' +
	'Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry ' +
	'Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin ' +
	'Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer ' +
	'Lucas Meunier Jean Perez Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet Schmitt ' +
	'Leroux Colin Fernandez Pierre Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois ' +
	'Renaud Lemoine Picard Gaillard Philippe Leclercq Lacroix Fabre Dupuis Olivier Rodriguez Da Silva ' +
	'Hubert Louis Charles Guillot Rivière Le Gall Guillaume Adam Rey Moulin Gonzalez Berger Lecomte ' +
	'Menard Fleury Deschamps Carpentier Julien Benoît Paris Maillard Marchal Aubry Vasseur Delattre ' +
	'Delannoy Deprez Lemaître Wattez Dewaele Vandenberghe Delahaye Hochart Coppin Ducrocq Lecat'
).split(' ')
const FIRST_GB = (
	'Oliver Amelia George Isla Harry Ava Jack Emily Jacob Sophia Charlie Grace Thomas Lily Oscar ' +
	'Olivia William Freya James Ella Henry Florence Leo Evie Alfie Poppy Joshua Charlotte Freddie ' +
	'Isabella Archie Mia Ethan Daisy Isaac Alice Alexander Phoebe Joseph Ruby Edward Matilda Samuel ' +
	'Harriet Daniel Eleanor Max Lucy Arthur Rosie Lucas Imogen Mohammed Hannah Theo Jessica'
).split(' ')
const LAST_GB = (
	'Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson ' +
	'Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner ' +
	'Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott ' +
	'Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson ' +
	'Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams ' +
	'Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell ' +
	'Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens ' +
	'Jenkins Murray Dixon Harvey Graham Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews'
).split(' ')
const FIRST_OTHER =
	'Lukas Emma Jan Sanne Pieter Eva Matteo Giulia Lars Ingrid Pablo Lucía Tomasz Anna'.split(' ')
const LAST_OTHER = (
	'De Vries Janssens Peeters Van Damme Müller Schneider Rossi Bianchi Nielsen Hansen Kowalski ' +
	'Nowak García Fernández Andersson Johansson'
).split(' ')

const ORG_STEMS = (
	'Opale Détroit Calaisis Littoral Flandre Boulonnais Audomarois Dunkerque Artois Côte Canche ' +
	'Marquise Wissant Gravelines Ardres Guînes Sangatte Coquelles Escalles Hardelot Kent Dover ' +
	'Folkestone Ashford Canterbury Medway Thanet Sussex Thames Weald Solent Essex Anglia Brighton'
).split(' ')
const ORG_KINDS = [
	['customer', 'Logistique', 'Logistics'],
	['customer', 'Agroalimentaire', 'Food'],
	['distributor', 'Distribution', 'Wholesale'],
	['investor', 'Capital-risque', 'Venture capital'],
	['public_body', 'Collectivité', 'Local government'],
	['university', 'Recherche', 'Research'],
	['incubator', 'Incubateur', 'Incubator'],
	['service_provider', 'Conseil', 'Consulting'],
	['service_provider', 'Expertise comptable', 'Accounting'],
	['other', 'Association', 'Charity'],
] as const
const ORG_FORMS_FR = ['SAS', 'SA', 'SARL', 'Groupe', '']
const ORG_FORMS_GB = ['Ltd', 'LLP', 'plc', 'Group', '']

const JOB_TITLES = [
	'Responsable achats',
	'Directrice générale',
	'Directeur commercial',
	'Chargée de mission',
	'Head of Innovation',
	'Procurement Manager',
	'Managing Director',
	'Business Development Manager',
	'Investment Manager',
	'Chargé d’affaires',
	'Responsable export',
	'Operations Director',
	'Category Buyer',
	'Ingénieur R&D',
	'Partner',
]
const TAGS = [
	'logistics',
	'port',
	'food',
	'investor',
	'export',
	'maritime',
	'retail',
	'energy',
	'uk',
	'event',
]
const SUMMARIES = [
	'Rendez-vous de découverte',
	'Point téléphonique sur le pilote',
	'Relance après le salon',
	'Présentation de deux startups',
	'Comité d’investissement',
	'Visite du site avec une startup',
	'Échange sur les formalités douanières',
	'Invitation au Tektos Business Club',
	'Follow-up call on the trial',
	'Meeting at the Kent trade mission',
	'Email about the next cohort',
	'Demo day invitation',
]
const INTERACTION_KINDS = ['meeting', 'call', 'email', 'event', 'trade_mission'] as const
const FUNDING_SOURCES = [
	['crowdfunding', 'WiSEED', false],
	['crowdfunding', 'Miimosa', false],
	['bank_loan', 'Crédit Agricole Nord de France', false],
	['bank_loan', 'Caisse d’Épargne Hauts-de-France', false],
	['equity_round', 'Business angels du Littoral', false],
	['grant', 'Bpifrance — Bourse French Tech', true],
	['regional_fund', 'Région Hauts-de-France — Starter', true],
	['other', 'Prix et concours', false],
] as const

// ---------------------------------------------------------------- seeding

export type ScaleOutInput = {
	scale: number
	/** the demo's today (Calais), YYYY-MM-DD */
	today: string
	managerId: number
	counts: Record<string, number>
}

/**
 * Adds the network's contacts, interactions, introductions and busy funding histories. Runs
 * inside the seed's write transaction (better-sqlite3 is synchronous: the same connection).
 */
export function seedScaleOut({ scale, today, managerId, counts }: ScaleOutInput) {
	const sqlite = getDb().$client
	const rng = generator(0x7e7705 + scale)
	const tenYearsAgo = `${Number(today.slice(0, 4)) - 10}${today.slice(4)}`
	const span = dayCount(tenYearsAgo, today)
	/** a day of the last ten years, recent ones likelier (activity grew with the network) */
	const recentDay = () => addDays(tenYearsAgo, Math.floor(Math.sqrt(rng.next()) * span))

	const startups = sqlite
		.prepare(`SELECT id, coalesce(entered_on, '2014-01-01') AS enteredOn FROM startups ORDER BY id`)
		.all() as { id: number; enteredOn: string }[]

	// ---- organisations
	const insertOrganisation = sqlite.prepare(
		`INSERT INTO organisations (name, country, kind, sector, website) VALUES (?, ?, ?, ?, ?)`,
	)
	type Org = { id: number; country: 'FR' | 'GB' | 'other'; domain: string }
	const orgs: Org[] = []
	const orgNames = new Set<string>()
	const orgCount = ORGANISATIONS_PER_SCALE * scale
	while (orgs.length < orgCount) {
		const country = rng.chance(0.55) ? 'FR' : rng.chance(0.8) ? 'GB' : 'other'
		const [kind, sectorFr, sectorEn] = rng.pick(ORG_KINDS)
		const stem = `${rng.pick(ORG_STEMS)} ${rng.pick(ORG_STEMS)}`
		const form = rng.pick(country === 'GB' ? ORG_FORMS_GB : ORG_FORMS_FR)
		const base = country === 'GB' ? `${stem} ${sectorEn}` : `${sectorFr} ${stem}`
		let name = form ? `${base} ${form}` : base
		for (let n = 2; orgNames.has(name); n++) name = `${base} ${n}${form ? ` ${form}` : ''}`
		orgNames.add(name)
		const domain = `${slug(name)}.example`
		const { lastInsertRowid } = insertOrganisation.run(
			name,
			country,
			kind,
			country === 'GB' ? sectorEn : sectorFr,
			`https://${domain}`,
		)
		orgs.push({ id: Number(lastInsertRowid), country, domain })
	}
	counts.organisations = (counts.organisations ?? 0) + orgs.length

	// Zipf: the organisation of rank r holds a share ∝ 1/r — a few hold thousands of people
	const weights = orgs.map((_, r) => 1 / (r + 1))
	const cumulative: number[] = []
	weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0)
	const totalWeight = cumulative[cumulative.length - 1]!
	const pickOrg = () => {
		const x = rng.next() * totalWeight
		let lo = 0
		let hi = cumulative.length - 1
		while (lo < hi) {
			const mid = (lo + hi) >> 1
			if (cumulative[mid]! < x) lo = mid + 1
			else hi = mid
		}
		return orgs[lo]!
	}

	// ---- contacts and their interactions
	const insertContact = sqlite.prepare(
		`INSERT INTO contacts (organisation_id, first_name, last_name, email, phone, job_title, country,
			languages, tags, notes, lawful_basis, consent_on, consent_source, opted_out_on,
			last_contact_on, owner_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	)
	const insertInteraction = sqlite.prepare(
		`INSERT INTO interactions (contact_id, kind, date, summary, user_id) VALUES (?, ?, ?, ?, ?)`,
	)
	const insertInteractionStartup = sqlite.prepare(
		`INSERT INTO interaction_startups (interaction_id, startup_id) VALUES (?, ?)`,
	)
	const emails = new Set<string>()
	const namesInOrg = new Set<string>()
	const contactCount = CONTACTS_PER_SCALE * scale
	const interactionTarget = INTERACTIONS_PER_SCALE * scale
	let interactionCount = 0
	let phoneSerial = 0
	const contactIds: number[] = []
	for (let i = 0; i < contactCount; i++) {
		const org = rng.chance(0.85) ? pickOrg() : null
		const country = org?.country ?? (rng.chance(0.6) ? 'FR' : rng.chance(0.8) ? 'GB' : 'other')
		const [firsts, lasts] =
			country === 'FR'
				? [FIRST_FR, LAST_FR]
				: country === 'GB'
					? [FIRST_GB, LAST_GB]
					: [FIRST_OTHER, LAST_OTHER]
		// one person of a name per organisation, except the deliberate duplicates below
		let first = rng.pick(firsts)
		let last = rng.pick(lasts)
		for (let tries = 0; org && namesInOrg.has(`${org.id}|${first}|${last}`); tries++) {
			first = tries < 20 ? rng.pick(firsts) : `${rng.pick(firsts)}-${rng.pick(firsts)}`
			last = rng.pick(lasts)
		}
		if (org) namesInOrg.add(`${org.id}|${first}|${last}`)
		const local = `${slug(first)}.${slug(last)}`
		const domain = org?.domain ?? rng.pick(['gmail.example', 'orange.example', 'outlook.example'])
		let email: string | null = `${local}@${domain}`
		for (let n = 2; emails.has(email); n++) email = `${local}${n}@${domain}`
		emails.add(email)
		if (rng.chance(0.05)) email = null
		phoneSerial++
		const phone = rng.chance(0.7)
			? country === 'GB'
				? `+441304${String(100_000 + (phoneSerial % 900_000)).padStart(6, '0')}`
				: `+33${rng.pick(['3', '6', '7'])}21${String(phoneSerial % 1_000_000).padStart(6, '0')}`
			: null
		const basis = rng.chance(0.7)
			? 'legitimate_interest'
			: rng.chance(0.65)
				? 'consent'
				: 'contract'

		// interactions: Pareto-distributed count, at least the target overall
		const want = Math.min(400, Math.floor(2.5 / Math.pow(1 - rng.next(), 1 / 1.6)) - 1)
		const dates = Array.from({ length: want }, recentDay).sort()
		// someone never met again for years is due for review (CNIL): an old last contact
		const lastContactOn = dates.length
			? dates[dates.length - 1]!
			: rng.chance(0.5)
				? recentDay()
				: null
		const consentOn = basis === 'consent' ? (dates[0] ?? lastContactOn ?? recentDay()) : null
		// entered in the CRM when first met (the network's growth shows in "new UK contacts")
		const createdAt = Date.parse(`${dates[0] ?? lastContactOn ?? recentDay()}T09:00:00Z`)
		const { lastInsertRowid } = insertContact.run(
			org?.id ?? null,
			first,
			last,
			email,
			phone,
			rng.chance(0.8) ? rng.pick(JOB_TITLES) : null,
			country,
			country === 'FR'
				? rng.chance(0.3)
					? 'fr,en'
					: 'fr'
				: country === 'GB'
					? rng.chance(0.2)
						? 'en,fr'
						: 'en'
					: 'en',
			rng.chance(0.4) ? [...new Set([rng.pick(TAGS), rng.pick(TAGS)])].join(',') : '',
			rng.chance(0.1) ? 'Rencontré lors d’un salon ; intéressé par les startups du Détroit.' : null,
			basis,
			consentOn,
			consentOn
				? rng.pick([
						'Salon Tektos — formulaire',
						'Newsletter du Business Club',
						'Trade mission sign-up sheet',
					])
				: null,
			rng.chance(0.03) && lastContactOn ? lastContactOn : null,
			lastContactOn,
			rng.chance(0.5) ? managerId : null,
			createdAt,
		)
		const contactId = Number(lastInsertRowid)
		contactIds.push(contactId)
		for (const date of dates) {
			const interaction = insertInteraction.run(
				contactId,
				rng.pick(INTERACTION_KINDS),
				date,
				rng.pick(SUMMARIES),
				managerId,
			)
			// a quarter of them are about a startup, the incubated ones (the last replica's) likelier
			if (rng.chance(0.25)) {
				const startup = startups[Math.floor(Math.pow(rng.next(), 0.5) * startups.length)]!
				insertInteractionStartup.run(Number(interaction.lastInsertRowid), startup.id)
			}
		}
		interactionCount += dates.length

		// one in 200: the same person again under another address (a likely duplicate)
		if (org && email && rng.chance(0.005)) {
			const other = `${slug(first)[0]}${slug(last)}@${rng.pick(['gmail.example', 'orange.example'])}`
			if (!emails.has(other)) {
				emails.add(other)
				const twin = insertContact.run(
					org.id,
					first.toUpperCase(),
					last,
					other,
					null,
					null,
					country,
					'',
					'',
					null,
					'legitimate_interest',
					null,
					null,
					null,
					lastContactOn,
					null,
					createdAt,
				)
				contactIds.push(Number(twin.lastInsertRowid))
			}
		}
	}
	// top up to the target with interactions of already busy people
	const touchContact = sqlite.prepare(
		`UPDATE contacts SET last_contact_on = ? WHERE id = ? AND (last_contact_on IS NULL OR last_contact_on < ?)`,
	)
	while (interactionCount < interactionTarget) {
		const contactId = contactIds[Math.floor(Math.pow(rng.next(), 3) * contactIds.length)]!
		const date = recentDay()
		insertInteraction.run(
			contactId,
			rng.pick(INTERACTION_KINDS),
			date,
			rng.pick(SUMMARIES),
			managerId,
		)
		touchContact.run(date, contactId, date)
		interactionCount++
	}
	counts.contacts = (counts.contacts ?? 0) + contactIds.length
	counts.interactions = (counts.interactions ?? 0) + interactionCount

	// ---- introductions of network people to startups
	const insertIntroduction = sqlite.prepare(
		`INSERT INTO introductions (contact_id, startup_id, purpose, status, introduced_on, status_on,
			deal_value_cents, deal_currency, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	)
	const introductionCount = INTRODUCTIONS_PER_SCALE * scale
	for (let i = 0; i < introductionCount; i++) {
		const startup = rng.pick(startups)
		const introducedOn = recentDay() < startup.enteredOn ? startup.enteredOn : recentDay()
		if (introducedOn > today) continue
		const status = rng.pick(['proposed', 'made', 'meeting_held', 'deal', 'no_fit'] as const)
		const statusOn = status === 'proposed' ? introducedOn : addDays(introducedOn, rng.int(0, 60))
		const deal = status === 'deal' && rng.chance(0.7)
		insertIntroduction.run(
			rng.pick(contactIds),
			startup.id,
			rng.pick(['customer', 'distributor', 'investor', 'partner', 'adviser'] as const),
			status,
			introducedOn,
			statusOn > today ? today : statusOn,
			deal ? rng.int(5, 200) * 100_000 : null,
			deal ? (rng.chance(0.3) ? 'GBP' : 'EUR') : null,
			null,
		)
		counts.introductions = (counts.introductions ?? 0) + 1
	}

	// ---- a few startups with a long funding history
	const insertEvent = sqlite.prepare(
		`INSERT INTO funding_events (startup_id, kind, source, is_public, amount_cents, currency, status,
			planned_on, applied_on, secured_on, received_on, declined_on, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	)
	const busy = startups.filter((_, i) => i % BUSY_FUNDED_SHARE === BUSY_FUNDED_SHARE - 1)
	for (const startup of busy) {
		const events = rng.int(60, 240)
		// sterling rates are recorded from January 2014
		const from = startup.enteredOn < '2014-01-01' ? '2014-01-01' : startup.enteredOn
		const days = Math.max(1, dayCount(from, addDays(today, -100)))
		for (let e = 0; e < events; e++) {
			const [kind, source, isPublic] = rng.pick(FUNDING_SOURCES)
			const plannedOn = addDays(from, rng.int(0, days))
			const status = rng.chance(0.8)
				? 'received'
				: rng.pick(['planned', 'applied', 'secured', 'declined'] as const)
			const step = (n: number) => addDays(plannedOn, 30 * n)
			const reached = (n: number) =>
				status !== 'declined' && ['planned', 'applied', 'secured', 'received'].indexOf(status) >= n
			insertEvent.run(
				startup.id,
				kind,
				source,
				isPublic ? 1 : 0,
				kind === 'crowdfunding' ? rng.int(2, 50) * 10_000 : rng.int(5, 80) * 100_000,
				rng.chance(0.15) ? 'GBP' : 'EUR',
				status,
				plannedOn,
				reached(1) || status === 'declined' ? step(1) : null,
				reached(2) ? step(2) : null,
				reached(3) ? step(3) : null,
				status === 'declined' ? step(2) : null,
				kind === 'crowdfunding' ? 'Campagne de financement participatif' : null,
			)
			counts.fundingEvents = (counts.fundingEvents ?? 0) + 1
		}
	}
}

function dayCount(from: string, to: string) {
	return Math.round(
		(new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / 86_400_000,
	)
}
