/*
 * The demo's calls for applications: the call that brought Opale Fibre Lab into its promotion
 * (closed, scored by the committee, decided), and a call open today for the current
 * acceleration programme, whose committee includes the demo partner (Cap Calaisis) and the
 * demo mentor. Dates are placed relative to the story's dates, like the rest of the demo.
 * No user is created: the committee is the demo's own manager, mentor and partner.
 */
import { and, eq, sql } from 'drizzle-orm'
import { cohorts, startups, users } from '#db/schema/index'
import * as fc from '#tests/factories-calls'
import { addDays } from '~/utils/calendar'
import { getDb } from '~/utils/db.server'

/** An instant on a Calais date, mid-morning (UTC 09:00 is 10:00 or 11:00 in Calais). */
const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`)

const QUESTIONS: fc.NewQuestion[] = [
	{
		kind: 'file',
		labelFr: 'Pitch deck (PDF)',
		labelEn: 'Pitch deck (PDF)',
		helpFr: 'Un PDF de 10 Mo au plus.',
		helpEn: 'A PDF of 10 MB at most.',
		required: false,
	},
	{
		kind: 'choice',
		labelFr: 'Forme juridique',
		labelEn: 'Legal form',
		required: true,
		options: JSON.stringify([
			{ fr: 'SAS ou SASU', en: 'SAS or SASU (France)' },
			{ fr: 'SARL', en: 'SARL (France)' },
			{ fr: 'Limited company (Royaume-Uni)', en: 'Limited company (UK)' },
			{ fr: 'Pas encore créée', en: 'Not incorporated yet' },
		]),
	},
	{
		kind: 'amount',
		labelFr: 'Besoin de financement sur 18 mois (€)',
		labelEn: 'Funding needed over 18 months (€)',
		required: false,
	},
	{
		kind: 'yes_no',
		labelFr: 'Avez-vous déjà des clients au Royaume-Uni ?',
		labelEn: 'Do you already have customers in the UK?',
		required: true,
	},
	{
		kind: 'long_text',
		labelFr: 'Pourquoi TEKTOS et la pépinière de Calais ?',
		labelEn: 'Why TEKTOS and the Calais business nursery?',
		required: true,
	},
]

const CRITERIA: fc.NewCriterion[] = [
	{ labelFr: 'Équipe', labelEn: 'Team', weight: 30 },
	{ labelFr: 'Innovation', labelEn: 'Innovation', weight: 20 },
	{ labelFr: 'Marché', labelEn: 'Market', weight: 20 },
	{ labelFr: 'Potentiel franco-britannique', labelEn: 'Franco-British potential', weight: 20 },
	{ labelFr: 'Adéquation avec la pépinière', labelEn: 'Fit with the nursery', weight: 10 },
]

type Spec = {
	project: string
	contact: string
	email: string
	phone: string
	locale: 'fr' | 'en'
	origin: 'FR' | 'GB' | 'other'
	sector: string
	stage: 'idea' | 'prototype' | 'launch' | 'growth' | 'scale'
	pitch: string
	ukFocus: boolean
	founders: { name: string; role: string; email: string }[]
	answers: [legalForm: number, amountCents: number, ukCustomers: 'yes' | 'no', why: string]
}

const CLOSED: (Spec & {
	decision: 'accepted' | 'waitlisted' | 'rejected'
	reason: string | null
	scores: [manager: number[], mentor: number[]]
})[] = [
	{
		project: 'Opale Fibre Lab',
		contact: 'Karim Belkacem',
		email: 'karim@opalefibrelab.example',
		phone: '+33 3 21 97 10 10',
		locale: 'fr',
		origin: 'FR',
		sector: 'Fibre optique et numérique',
		stage: 'prototype',
		pitch:
			'Des capteurs posés sur les armoires de rue détectent les pannes du réseau fibre de la Côte d’Opale avant que les abonnés ne les remarquent.',
		ukFocus: false,
		founders: [
			{ name: 'Karim Belkacem', role: 'Président', email: 'karim@opalefibrelab.example' },
			{ name: 'Manon Deschamps', role: 'Ingénieure télécom', email: 'manon@opalefibrelab.example' },
		],
		answers: [0, 18_000_000, 'no', 'Être près des opérateurs du littoral et de la CCI.'],
		decision: 'accepted',
		reason: 'Une équipe complète, un prototype déjà posé à Marck : bienvenue à TEKTOS.',
		scores: [
			[4, 4, 4, 2, 5],
			[5, 4, 3, 2, 4],
		],
	},
	{
		project: 'Kent Cargo Analytics',
		contact: 'Oliver Hughes',
		email: 'oliver@kentcargo.example',
		phone: '+44 1227 555 010',
		locale: 'en',
		origin: 'GB',
		sector: 'Logistics data',
		stage: 'idea',
		pitch:
			'Predicts lorry queues at the Short Straits from port, weather and ferry data, for hauliers on both sides.',
		ukFocus: true,
		founders: [{ name: 'Oliver Hughes', role: 'Founder', email: 'oliver@kentcargo.example' }],
		answers: [
			3,
			9_000_000,
			'yes',
			'A French base next to the port, and French hauliers as first customers.',
		],
		decision: 'waitlisted',
		reason:
			'A strong idea; we would like to see the first pilot with a haulier before the next intake.',
		scores: [
			[3, 4, 4, 5, 3],
			[3, 3, 4, 5, 3],
		],
	},
	{
		project: 'Manche Hydrogène',
		contact: 'Julie Caron',
		email: 'julie@manchehydrogene.example',
		phone: '+33 3 21 97 20 20',
		locale: 'fr',
		origin: 'FR',
		sector: 'Énergie',
		stage: 'idea',
		pitch:
			'Des petites stations d’hydrogène pour les engins de manutention des ports de la Manche.',
		ukFocus: false,
		founders: [{ name: 'Julie Caron', role: 'Fondatrice', email: 'julie@manchehydrogene.example' }],
		answers: [3, 250_000_000, 'no', 'Le port de Calais comme premier site.'],
		decision: 'rejected',
		reason:
			'Le besoin de financement dépasse ce que la pépinière peut accompagner ; nous vous orientons vers le pôle énergie de la région.',
		scores: [
			[2, 3, 2, 1, 1],
			[3, 3, 2, 1, 2],
		],
	},
	{
		project: 'Ostend Port Systems',
		contact: 'Pieter Claes',
		email: 'pieter@ostendport.example',
		phone: '+32 59 55 30 30',
		locale: 'en',
		origin: 'other',
		sector: 'Port software',
		stage: 'launch',
		pitch: 'Berth planning software for small North Sea ports.',
		ukFocus: true,
		founders: [{ name: 'Pieter Claes', role: 'CEO', email: 'pieter@ostendport.example' }],
		answers: [3, 40_000_000, 'yes', 'Reaching Calais and Dover customers.'],
		decision: 'rejected',
		reason: 'The team would stay in Ostend: the nursery is for startups that settle in Calais.',
		scores: [
			[3, 2, 3, 3, 0],
			[4, 2, 3, 3, 1],
		],
	},
]

const OPEN: (Spec & { status: 'draft' | 'submitted'; managerScores?: number[] })[] = [
	{
		project: 'Calais Cold Chain',
		contact: 'Élodie Marchand',
		email: 'elodie@calaiscoldchain.example',
		phone: '+33 3 21 97 30 30',
		locale: 'fr',
		origin: 'FR',
		sector: 'Logistique du froid',
		stage: 'prototype',
		pitch:
			'Des conteneurs frigorifiques connectés qui prouvent la chaîne du froid aux douanes des deux côtés du Détroit.',
		ukFocus: true,
		founders: [
			{ name: 'Élodie Marchand', role: 'CEO', email: 'elodie@calaiscoldchain.example' },
			{ name: 'Bastien Wattez', role: 'CTO', email: 'bastien@calaiscoldchain.example' },
		],
		answers: [
			0,
			35_000_000,
			'yes',
			'Le port et le tunnel à deux pas, et les transporteurs du Calaisis.',
		],
		status: 'submitted',
		managerScores: [4, 4, 4, 5, 4],
	},
	{
		project: 'Folkestone Ferry Tickets',
		contact: 'Grace Bennett',
		email: 'grace@folkestoneferry.example',
		phone: '+44 1303 555 040',
		locale: 'en',
		origin: 'GB',
		sector: 'Travel',
		stage: 'launch',
		pitch:
			'One ticket for foot passengers from Folkestone to Calais town centre: ferry, bus and tram.',
		ukFocus: true,
		founders: [{ name: 'Grace Bennett', role: 'Founder', email: 'grace@folkestoneferry.example' }],
		answers: [2, 12_000_000, 'yes', 'A French entity to sell on the Calais side.'],
		status: 'submitted',
	},
	{
		project: 'Wimereux Surf Lab',
		contact: 'Lucas Fontaine',
		email: 'lucas@wimereuxsurf.example',
		phone: '+33 3 21 97 50 50',
		locale: 'fr',
		origin: 'FR',
		sector: 'Sport',
		stage: 'idea',
		pitch: 'Des planches de surf en lin cultivé dans le Boulonnais.',
		ukFocus: false,
		founders: [{ name: 'Lucas Fontaine', role: 'Fondateur', email: 'lucas@wimereuxsurf.example' }],
		answers: [3, 3_000_000, 'no', 'Le réseau de la pépinière.'],
		status: 'draft',
	},
]

function answersFor(questions: { id: number }[], spec: Spec) {
	const [legalForm, amount, uk, why] = spec.answers
	return {
		[questions[1]!.id]: String(legalForm),
		[questions[2]!.id]: String(amount),
		[questions[3]!.id]: uk,
		[questions[4]!.id]: why,
	}
}

function applicationValues(spec: Spec) {
	return {
		locale: spec.locale,
		contactName: spec.contact,
		contactEmail: spec.email,
		contactPhone: spec.phone,
		projectName: spec.project,
		origin: spec.origin,
		sector: spec.sector,
		stage: spec.stage,
		website: null,
		pitch: spec.pitch,
		ukFocus: spec.ukFocus,
		founders: spec.founders,
	}
}

/** The demo's two calls; returns how many calls and applications it made. */
export function seedCalls({
	opaleEntered,
	accelStart,
	today,
}: {
	opaleEntered: string
	accelStart: string
	today: string
}) {
	const db = getDb()
	// the migration tests seed the demo on the schema as it was before these tables existed
	const hasCalls = db.get<{ n: number }>(
		sql`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'calls'`,
	)
	if (!hasCalls?.n) return { calls: 0, applications: 0 }
	const userId = (email: string) =>
		db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id
	const manager = userId('manager@tektos.example')
	const mentor = userId('mentor@tektos.example')
	const partner = userId('partner@tektos.example')
	const opale = db
		.select({ id: startups.id, cohortId: startups.cohortId })
		.from(startups)
		.where(eq(startups.name, 'Opale Fibre Lab'))
		.get()!
	const accelCohort = db
		.select({ id: cohorts.id, name: cohorts.name })
		.from(cohorts)
		.where(and(eq(cohorts.programme, 'acceleration'), sql`${cohorts.startDate} = ${accelStart}`))
		.get()!
	const promotion = db
		.select({ name: cohorts.name })
		.from(cohorts)
		.where(eq(cohorts.id, opale.cohortId!))
		.get()!

	// the call that brought Opale Fibre Lab in: closed 75 days before it entered
	const closesOn = addDays(opaleEntered, -75)
	const opensOn = addDays(closesOn, -60)
	const decidedOn = addDays(closesOn, 21)
	const closed = fc.createCall({
		cohortId: opale.cohortId!,
		titleFr: `${promotion.name} — appel à candidatures`,
		titleEn: `${promotion.name.replace('Promotion', 'Intake')} — call for applications`,
		textFr:
			'TEKTOS accueille dans la pépinière de Cap Calaisis des startups tournées vers le Royaume-Uni et les marchés anglo-saxons : bureaux à loyer dégressif, mentors du Business Club, fonds d’appui à l’innovation.',
		textEn:
			'TEKTOS hosts startups looking to the UK and English-speaking markets in the Cap Calaisis business nursery: offices at a degressive rent, Business Club mentors, the innovation support fund.',
		opensOn,
		closesOn,
		published: true,
		createdBy: manager,
		questions: QUESTIONS,
		criteria: CRITERIA,
		committee: [manager, mentor],
	})
	CLOSED.forEach((spec, i) => {
		const submittedOn = addDays(closesOn, -20 + i * 4)
		const application = fc.createApplication({
			...applicationValues(spec),
			callId: closed.id,
			status: spec.decision,
			submittedAt: at(submittedOn),
			decidedAt: at(decidedOn, 14),
			decidedBy: manager,
			decisionReason: spec.reason,
			startupId: spec.decision === 'accepted' ? opale.id : null,
			tokenExpiresAt: at(closesOn, 22),
			answers: answersFor(closed.questions, spec),
		})
		spec.scores.forEach((scores, member) =>
			fc.createReview({
				applicationId: application.id,
				userId: member === 0 ? manager : mentor,
				scores: Object.fromEntries(closed.criteria.map((c, k) => [c.id, scores[k]!])),
			}),
		)
	})

	// the call open today, for the acceleration programme's second intake
	const open = fc.createCall({
		cohortId: accelCohort.id,
		titleFr: `${accelCohort.name} — deuxième vague`,
		titleEn: `${accelCohort.name.replace('Accélération', 'Acceleration')} — second intake`,
		textFr:
			'Six mois pour passer la Manche : un bureau dans la pépinière, un mentor du Business Club, des mises en relation avec des clients britanniques. Le comité réunit TEKTOS, la CCI Côte d’Opale et Cap Calaisis.',
		textEn:
			'Six months to cross the Channel: an office in the nursery, a Business Club mentor, introductions to British customers. The committee brings together TEKTOS, CCI Côte d’Opale and Cap Calaisis.',
		opensOn: addDays(today, -20),
		closesOn: addDays(today, 40),
		published: true,
		createdBy: manager,
		questions: QUESTIONS.map((q, i) => (i === 0 ? { ...q, required: true } : q)),
		criteria: CRITERIA,
		committee: [manager, mentor, partner],
	})
	OPEN.forEach((spec, i) => {
		const application = fc.createApplication({
			...applicationValues(spec),
			callId: open.id,
			status: spec.status,
			submittedAt: spec.status === 'submitted' ? at(addDays(today, -12 + i * 3)) : null,
			tokenExpiresAt: at(addDays(today, 25), 22),
			answers: answersFor(open.questions, spec),
		})
		if (spec.managerScores) {
			fc.createReview({
				applicationId: application.id,
				userId: manager,
				scores: Object.fromEntries(open.criteria.map((c, k) => [c.id, spec.managerScores![k]!])),
			})
		}
	})
	return { calls: 2, applications: CLOSED.length + OPEN.length }
}
