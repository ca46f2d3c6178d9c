/*
 * The TEKTOS demo: an incubator opened in June 2013 in Calais, Franco-British startups in
 * Cap Calaisis's pépinière, innovation-fund grants that unlock further money, contacts on
 * both sides of the Channel. Built only through tests/factories.ts, so the demo obeys the
 * same rules as test data, inside one write transaction.
 *
 * Dates before 2024 are fixed history; the startups incubated now are placed relative to
 * `today`, so the demo always shows a lease in its 13th+ month, a lease that started on the
 * 16th of a 30-day month, overdue milestones and a little arrears, whatever the day.
 *
 * `--scale N` repeats the whole story N times (names get " · k", unit codes "-Bk", emails
 * "+k") and adds a regional network around it (db/seed-scale.ts: ≈ 1,000 contacts and 5,000
 * interactions per unit of scale): a bigger base for performance checks, still only the four
 * demo users.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { count } from 'drizzle-orm'
import { users, type Role } from '#db/schema/index'
import * as f from '#tests/factories'
import {
	addDays,
	addMonthsToDate,
	daysInMonth,
	firstDayOf,
	monthOf,
	monthRange,
	quarterEnd,
	quarterOf,
	quarterRange,
	yearOf,
} from '~/utils/calendar'
import { now, today as calendarDay } from '~/utils/clock'
import { getDb, writeTransaction } from '~/utils/db.server'
import { hashPasswordSync } from '~/utils/password.server'
import { seedScaleOut } from './seed-scale'
import { computeStatement, DEFAULT_SCHEDULES, type SubsidyStep } from '~/utils/rent'
import { seedCalls } from './seed-calls'

export const DEMO_PASSWORD = 'tektos-demo'

export const DEMO_LOGINS = [
	{ email: 'manager@tektos.example', role: 'manager', name: 'Claire Delattre' },
	{ email: 'founder@tektos.example', role: 'founder', name: 'Sophie Lefebvre' },
	{ email: 'mentor@tektos.example', role: 'mentor', name: 'Marc Vasseur' },
	{ email: 'partner@tektos.example', role: 'partner', name: 'Antoine Carpentier' },
] as const satisfies readonly { email: string; role: Role; name: string }[]

const INNOVATION_FUND = "Cap Calaisis — fonds d'appui à l'innovation"

// ---------------------------------------------------------------- dates (ISO text: utils/calendar.ts)

function pad2(n: number) {
	return String(n).padStart(2, '0')
}

const firstOfMonth = (date: string) => firstDayOf(monthOf(date))
const minDate = (a: string, b: string) => (a < b ? a : b)

/** Promotions start on 1 September; the first one opened with the incubator in June 2013. */
function promotionYear(date: string) {
	if (date < '2014-09-01') return 2013
	return Number(date.slice(5, 7)) >= 9 ? yearOf(date) : yearOf(date) - 1
}

/** The most recent 16th of a 30-day month at least two months before today. */
function sixteenthOfA30DayMonth(today: string) {
	let month = addMonthsToDate(firstOfMonth(today), -2)
	while (daysInMonth(monthOf(month)) !== 30) {
		month = addMonthsToDate(month, -1)
	}
	return `${monthOf(month)}-16`
}

/** GBP→EUR in millionths, kept within 1.13–1.20 like the years after the referendum. */
function gbpRateMicros(month: string) {
	const anchors: Record<number, number> = {
		2014: 1_196_000,
		2015: 1_198_000,
		2016: 1_172_000,
		2017: 1_141_000,
		2018: 1_133_000,
		2019: 1_142_000,
		2020: 1_136_000,
		2021: 1_163_000,
		2022: 1_171_000,
		2023: 1_149_000,
		2024: 1_181_000,
		2025: 1_168_000,
		2026: 1_156_000,
	}
	const year = yearOf(month)
	const anchor = anchors[year] ?? 1_160_000
	const wiggle = (((Number(month.slice(5, 7)) * 37 + year) % 11) - 5) * 900
	return Math.min(1_200_000, Math.max(1_130_000, anchor + wiggle))
}

/** Rents of past leases were lower: 2 % a year below today's market rent, to the cent. */
function rentFor(marketRentCents: number, startDate: string) {
	const yearsAgo = Math.max(0, 2026 - yearOf(startDate))
	return Math.round((marketRentCents * (100 - 2 * yearsAgo)) / 100)
}

// ---------------------------------------------------------------- the story's cast

const percent = (fromMonth: number, toMonth: number | null, bp: number): SubsidyStep => ({
	fromMonth,
	toMonth,
	kind: 'percent',
	percentBasisPoints: bp,
	amountCents: null,
})
const fixed = (fromMonth: number, toMonth: number | null, amountCents: number): SubsidyStep => ({
	fromMonth,
	toMonth,
	kind: 'fixed',
	percentBasisPoints: null,
	amountCents,
})

const UNITS = [
	{ code: 'P0-01', floor: 0, kind: 'workshop', areaM2: 120, desks: 6, marketRentCents: 135_000 },
	{ code: 'P0-02', floor: 0, kind: 'workshop', areaM2: 80, desks: 4, marketRentCents: 95_000 },
	{ code: 'P1-01', floor: 1, kind: 'office', areaM2: 24, desks: 3, marketRentCents: 58_500 },
	{ code: 'P1-02', floor: 1, kind: 'office', areaM2: 18, desks: 2, marketRentCents: 45_000 },
	{ code: 'P1-03', floor: 1, kind: 'office', areaM2: 26, desks: 3, marketRentCents: 58_735 },
	{ code: 'P1-04', floor: 1, kind: 'office', areaM2: 32, desks: 4, marketRentCents: 76_000 },
	{ code: 'P2-01', floor: 2, kind: 'office', areaM2: 18, desks: 2, marketRentCents: 45_000 },
	{ code: 'P2-D1', floor: 2, kind: 'desk', areaM2: 6, desks: 1, marketRentCents: 14_500 },
	{ code: 'P2-D2', floor: 2, kind: 'desk', areaM2: 6, desks: 1, marketRentCents: 14_500 },
	{ code: 'P2-D3', floor: 2, kind: 'desk', areaM2: 6, desks: 1, marketRentCents: 14_500 },
	{ code: 'P2-D4', floor: 2, kind: 'desk', areaM2: 6, desks: 1, marketRentCents: 14_500 },
] as const

type UnitCode = (typeof UNITS)[number]['code']

type LeaseSpec = {
	unit: UnitCode
	start: string
	end: string | null
	steps: readonly SubsidyStep[]
}

type StartupSpec = {
	key: string
	name: string
	legalName: string
	/** a French company: gets a unique SIREN */
	siren: boolean
	/** a UK company: Companies House number (8 characters) */
	companiesHouse?: string
	sector: string
	stage: 'idea' | 'prototype' | 'launch' | 'growth' | 'scale'
	status: 'applicant' | 'incubated' | 'graduated' | 'left'
	cohort: string | null
	enteredOn: string | null
	leftOn: string | null
	website: string
	pitchFr: string
	pitchEn: string
	ukFocus: boolean
	targetMarkets: string
	team: [name: string, role: string][]
	leases: LeaseSpec[]
}

type Dates = ReturnType<typeof storyDates>

function storyDates(today: string) {
	const thisMonth = firstOfMonth(today)
	const fabEntered = addDays(addMonthsToDate(thisMonth, -3), 4)
	const littoralEntered = addMonthsToDate(thisMonth, -26)
	const grisNezEntered = addMonthsToDate(thisMonth, -38)
	return {
		today,
		thisMonth,
		fretEntered: addMonthsToDate(thisMonth, -14),
		blueEntered: addMonthsToDate(thisMonth, -5),
		opaleEntered: sixteenthOfA30DayMonth(today),
		fabEntered,
		fabLeaseEnd: addDays(addMonthsToDate(fabEntered, 12), -1),
		accelStart: firstOfMonth(fabEntered),
		littoralEntered,
		littoralLeft: addDays(addMonthsToDate(littoralEntered, 24), -1),
		grisNezEntered,
		grisNezLeft: addDays(addMonthsToDate(grisNezEntered, 24), -1),
	}
}

function cohortSpecs(d: Dates) {
	const specs: {
		key: string
		name: string
		programme: 'incubation' | 'acceleration'
		startDate: string
		endDate: string
	}[] = []
	for (let y = 2013; y <= promotionYear(d.today); y++) {
		specs.push({
			key: `promo-${y}`,
			name: `Promotion ${y}`,
			programme: 'incubation',
			startDate: y === 2013 ? '2013-06-03' : `${y}-09-01`,
			endDate: `${y + 2}-08-31`,
		})
	}
	const accel = [
		['2016', '2016-03-01', '2017-02-28'],
		['2019', '2019-03-04', '2020-02-28'],
		['2022', '2022-01-10', '2022-12-31'],
		[String(yearOf(d.accelStart)), d.accelStart, addDays(addMonthsToDate(d.accelStart, 12), -1)],
	] as const
	for (const [label, startDate, endDate] of accel) {
		specs.push({
			key: `accel-${label}`,
			name: `Accélération ${label}`,
			programme: 'acceleration',
			startDate,
			endDate,
		})
	}
	return specs
}

function startupSpecs(d: Dates): StartupSpec[] {
	const promo = (date: string) => `promo-${promotionYear(date)}`
	const incubation = DEFAULT_SCHEDULES.incubation
	const acceleration = DEFAULT_SCHEDULES.acceleration
	return [
		// ---- incubated now
		{
			key: 'fretmanche',
			name: 'Fretmanche',
			legalName: 'Fretmanche SAS',
			siren: true,
			sector: 'Logistique transmanche',
			stage: 'launch',
			status: 'incubated',
			cohort: promo(d.fretEntered),
			enteredOn: d.fretEntered,
			leftOn: null,
			website: 'https://fretmanche.example',
			pitchFr:
				'Fretmanche pré-dédouane les camions avant Calais : les transporteurs déclarent leur chargement une fois, la plateforme prépare les formalités françaises et britanniques et réserve le créneau de traversée.',
			pitchEn:
				'Fretmanche pre-clears lorries before they reach Calais: hauliers declare their load once, the platform prepares French and UK formalities and books the crossing slot.',
			ukFocus: true,
			targetMarkets: 'FR,GB,BE',
			team: [
				['Thomas Hennebert', 'CTO'],
				['Emily Clarke', 'Head of UK sales (Ashford)'],
			],
			leases: [{ unit: 'P1-01', start: d.fretEntered, end: null, steps: incubation }],
		},
		{
			key: 'opale-fibre',
			name: 'Opale Fibre Lab',
			legalName: 'Opale Fibre Lab SAS',
			siren: true,
			sector: 'Fibre optique et numérique',
			stage: 'prototype',
			status: 'incubated',
			cohort: promo(d.opaleEntered),
			enteredOn: d.opaleEntered,
			leftOn: null,
			website: 'https://opalefibrelab.example',
			pitchFr:
				'Des capteurs posés sur les armoires de rue détectent les pannes du réseau fibre de la Côte d’Opale avant que les abonnés ne les remarquent.',
			pitchEn:
				'Sensors fitted to street cabinets detect faults in the Opal Coast fibre network before subscribers notice them.',
			ukFocus: false,
			targetMarkets: 'FR',
			team: [
				['Karim Belkacem', 'Président'],
				['Manon Deschamps', 'Ingénieure télécom'],
			],
			leases: [{ unit: 'P2-01', start: d.opaleEntered, end: null, steps: incubation }],
		},
		{
			key: 'blue-strait',
			name: 'Blue Strait Robotics',
			legalName: 'Blue Strait Robotics Ltd',
			siren: false,
			companiesHouse: '14820375',
			sector: 'Maritime',
			stage: 'prototype',
			status: 'incubated',
			cohort: promo(d.blueEntered),
			enteredOn: d.blueEntered,
			leftOn: null,
			website: 'https://bluestrait.example',
			pitchFr:
				'Des drones sous-marins inspectent la coque des ferries pendant l’escale, sans cale sèche : moins d’immobilisation pour les compagnies du Détroit.',
			pitchEn:
				'Underwater drones inspect ferry hulls during the turnaround, no dry dock needed: less downtime for the Strait’s ferry operators.',
			ukFocus: true,
			targetMarkets: 'GB,FR,NL',
			team: [
				['Rebecca Moore', 'CEO'],
				['Lucas Vermeulen', 'Robotics engineer'],
				['Aïcha Diallo', 'Opérations Calais'],
			],
			leases: [{ unit: 'P0-02', start: d.blueEntered, end: null, steps: incubation }],
		},
		{
			key: 'fabopale',
			name: 'FabOpale',
			legalName: 'FabOpale SARL',
			siren: true,
			sector: 'Fabrication additive (FabLab)',
			stage: 'launch',
			status: 'incubated',
			cohort: `accel-${yearOf(d.accelStart)}`,
			enteredOn: d.fabEntered,
			leftOn: null,
			website: 'https://fabopale.example',
			pitchFr:
				'FabOpale imprime en 3D les pièces détachées introuvables des engins portuaires, à la demande, depuis le FabLab du Tektos Business Club.',
			pitchEn:
				'FabOpale 3D-prints hard-to-find spare parts for port machinery on demand, from the Tektos Business Club FabLab.',
			ukFocus: true,
			targetMarkets: 'FR,GB',
			team: [
				['Julien Caron', 'Gérant'],
				['Inès Boulanger', 'Technicienne FabLab'],
			],
			leases: [{ unit: 'P0-01', start: d.fabEntered, end: d.fabLeaseEnd, steps: acceleration }],
		},
		{
			key: 'maree-data',
			name: 'Marée Data',
			legalName: 'Marée Data (en création)',
			siren: false,
			sector: 'Données maritimes',
			stage: 'idea',
			status: 'applicant',
			cohort: null,
			enteredOn: null,
			leftOn: null,
			website: 'https://mareedata.example',
			pitchFr: 'Prévoir l’attente des ferries au port de Calais à partir des marées et du trafic.',
			pitchEn: 'Forecasting ferry waiting times at the port of Calais from tides and traffic.',
			ukFocus: true,
			targetMarkets: 'FR,GB',
			team: [['Hugo Lemaire', 'Porteur de projet']],
			leases: [],
		},
		// ---- history
		{
			key: 'calais-connect',
			name: 'Calais Connect',
			legalName: 'Calais Connect SAS',
			siren: true,
			sector: 'Tourisme numérique',
			stage: 'growth',
			status: 'graduated',
			cohort: 'promo-2013',
			enteredOn: '2013-06-03',
			leftOn: '2015-06-30',
			website: 'https://calaisconnect.example',
			pitchFr: 'Une application qui retient à Calais les voyageurs britanniques de passage.',
			pitchEn: 'An app that turns British travellers passing through Calais into visitors.',
			ukFocus: true,
			targetMarkets: 'FR,GB',
			team: [
				['Mathieu Dewaele', 'Fondateur'],
				['Sarah Lowe', 'UK partnerships'],
			],
			leases: [{ unit: 'P1-01', start: '2013-06-03', end: '2015-06-30', steps: incubation }],
		},
		{
			key: 'manche-mobility',
			name: 'Manche Mobility',
			legalName: 'Manche Mobility SAS',
			siren: true,
			sector: 'Mobilité',
			stage: 'growth',
			status: 'graduated',
			cohort: 'promo-2014',
			enteredOn: '2014-09-01',
			leftOn: '2016-08-31',
			website: 'https://manchemobility.example',
			pitchFr: 'Le covoiturage des salariés transfrontaliers entre le Calaisis et le Kent.',
			pitchEn: 'Car-sharing for cross-border commuters between Calais and Kent.',
			ukFocus: true,
			targetMarkets: 'FR,GB',
			team: [
				['Élodie Vasseur', 'Présidente'],
				['Nicolas Flament', 'Développeur'],
			],
			leases: [{ unit: 'P1-02', start: '2014-09-01', end: '2016-08-31', steps: incubation }],
		},
		{
			key: 'estran',
			name: 'Estran Packaging',
			legalName: 'Estran Packaging SAS',
			siren: true,
			sector: 'Emballage biosourcé',
			stage: 'scale',
			status: 'graduated',
			cohort: 'promo-2015',
			enteredOn: '2015-10-01',
			leftOn: '2017-09-30',
			website: 'https://estran-packaging.example',
			pitchFr: 'Des emballages alimentaires en algues du littoral, compostables.',
			pitchEn: 'Compostable food packaging made from Opal Coast seaweed.',
			ukFocus: false,
			targetMarkets: 'FR,BE',
			team: [
				['Anne Carpentier', 'Présidente'],
				['Yann Le Gall', 'R&D'],
			],
			leases: [{ unit: 'P1-03', start: '2015-10-01', end: '2017-09-30', steps: incubation }],
		},
		{
			key: 'kent-cote',
			name: 'Kent & Côte Foods',
			legalName: 'Kent & Cote Foods Ltd',
			siren: true,
			companiesHouse: '09934417',
			sector: 'Agroalimentaire',
			stage: 'growth',
			status: 'graduated',
			cohort: 'promo-2015',
			enteredOn: '2016-01-04',
			leftOn: '2018-02-28',
			website: 'https://kentcotefoods.example',
			pitchFr: 'Des produits de la mer de la Côte d’Opale livrés aux épiceries fines de Londres.',
			pitchEn: 'Opal Coast seafood delivered to London delicatessens.',
			ukFocus: true,
			targetMarkets: 'GB',
			team: [
				['George Pritchard', 'Managing director'],
				['Camille Bouvier', 'Directrice des achats'],
			],
			leases: [{ unit: 'P0-02', start: '2016-01-04', end: '2018-02-28', steps: incubation }],
		},
		{
			key: 'cross-channel-events',
			name: 'Cross-Channel Events',
			legalName: 'Cross-Channel Events Ltd',
			siren: false,
			companiesHouse: '10011626',
			sector: 'Événementiel',
			stage: 'growth',
			status: 'graduated',
			cohort: 'accel-2016',
			enteredOn: '2016-03-01',
			leftOn: '2017-02-28',
			website: 'https://crosschannelevents.example',
			pitchFr: 'Des séminaires d’entreprise d’une journée, Londres–Calais aller-retour.',
			pitchEn: 'One-day corporate away-days, London to Calais and back.',
			ukFocus: true,
			targetMarkets: 'GB',
			team: [['Hannah Doyle', 'Founder']],
			leases: [{ unit: 'P2-D3', start: '2016-03-01', end: '2017-02-28', steps: acceleration }],
		},
		{
			key: 'nordlink',
			name: 'NordLink Data',
			legalName: 'NordLink Data SAS',
			siren: true,
			sector: 'Données logistiques',
			stage: 'scale',
			status: 'graduated',
			cohort: 'promo-2016',
			enteredOn: '2016-11-02',
			leftOn: '2019-12-31',
			website: 'https://nordlinkdata.example',
			pitchFr: 'Le suivi en temps réel des conteneurs entre Calais, Dunkerque et Felixstowe.',
			pitchEn: 'Real-time container tracking between Calais, Dunkirk and Felixstowe.',
			ukFocus: true,
			targetMarkets: 'FR,GB,BE',
			team: [
				['Pauline Bernard', 'CEO'],
				['Rémi Dubois', 'CTO'],
				['Owen Price', 'Account manager UK'],
			],
			// from a desk to an office: the second schedule continues where the first left off
			leases: [
				{ unit: 'P2-D1', start: '2016-11-02', end: '2017-12-31', steps: incubation },
				{
					unit: 'P1-01',
					start: '2018-01-01',
					end: '2019-12-31',
					steps: [percent(1, 10, 3000), percent(11, null, 0)],
				},
			],
		},
		{
			key: 'tunnel-vision',
			name: 'Tunnel Vision AR',
			legalName: 'Tunnel Vision AR SAS',
			siren: true,
			sector: 'Réalité augmentée',
			stage: 'prototype',
			status: 'left',
			cohort: 'promo-2017',
			enteredOn: '2017-10-02',
			leftOn: '2019-03-31',
			website: 'https://tunnelvision.example',
			pitchFr: 'Des visites en réalité augmentée pour les passagers des navettes transmanche.',
			pitchEn: 'Augmented-reality tours for cross-Channel shuttle passengers.',
			ukFocus: true,
			targetMarkets: 'FR,GB',
			team: [['Bastien Morel', 'Fondateur']],
			leases: [{ unit: 'P2-D2', start: '2017-10-02', end: '2019-03-31', steps: incubation }],
		},
		{
			key: 'halio',
			name: 'Halio',
			legalName: 'Halio SAS',
			siren: true,
			sector: 'Pêche et traçabilité',
			stage: 'growth',
			status: 'graduated',
			cohort: 'promo-2018',
			enteredOn: '2018-09-03',
			leftOn: '2020-08-31',
			website: 'https://halio.example',
			pitchFr: 'La traçabilité du poisson frais, du bateau de Boulogne à l’étal londonien.',
			pitchEn: 'Fresh-fish traceability from the Boulogne trawler to the London fishmonger.',
			ukFocus: true,
			targetMarkets: 'FR,GB',
			team: [
				['Léa Fournier', 'Présidente'],
				['Samuel Cornu', 'Développeur'],
			],
			leases: [{ unit: 'P1-04', start: '2018-09-03', end: '2020-08-31', steps: incubation }],
		},
		{
			key: 'tidal-cast',
			name: 'Tidal Cast',
			legalName: 'Tidal Cast SAS',
			siren: true,
			sector: 'Météo marine',
			stage: 'launch',
			status: 'graduated',
			cohort: 'accel-2019',
			enteredOn: '2019-03-04',
			leftOn: '2020-02-28',
			website: 'https://tidalcast.example',
			pitchFr: 'Des prévisions de houle à l’heure pour les ports du Détroit.',
			pitchEn: 'Hour-by-hour swell forecasts for the ports of the Strait.',
			ukFocus: false,
			targetMarkets: 'FR',
			team: [['Victor Leclercq', 'Fondateur']],
			leases: [{ unit: 'P2-D4', start: '2019-03-04', end: '2020-02-28', steps: acceleration }],
		},
		{
			key: 'quai-62',
			name: 'Quai 62 Studio',
			legalName: 'Quai 62 Studio SAS',
			siren: true,
			sector: 'Jeu vidéo',
			stage: 'growth',
			status: 'graduated',
			cohort: 'promo-2019',
			enteredOn: '2019-09-02',
			leftOn: '2021-08-31',
			website: 'https://quai62.example',
			pitchFr: 'Un studio de jeux éducatifs sur l’histoire du Détroit.',
			pitchEn: 'An educational games studio about the history of the Strait.',
			ukFocus: false,
			targetMarkets: 'FR,GB',
			team: [
				['Chloé Ramet', 'Directrice artistique'],
				['Maxime Duhamel', 'Game designer'],
			],
			// spring 2020: Cap Calaisis took the whole rent for the lockdown months
			leases: [
				{
					unit: 'P1-03',
					start: '2019-09-02',
					end: '2021-08-31',
					steps: [
						percent(1, 6, 5000),
						percent(7, 9, 10_000),
						percent(10, 12, 5000),
						percent(13, 24, 3000),
						percent(25, null, 0),
					],
				},
			],
		},
		{
			key: 'detroit-analytics',
			name: 'Détroit Analytics',
			legalName: 'Détroit Analytics SAS',
			siren: true,
			sector: 'Data et IA',
			stage: 'growth',
			status: 'graduated',
			cohort: 'promo-2020',
			enteredOn: '2020-09-01',
			leftOn: '2022-08-31',
			website: 'https://detroit-analytics.example',
			pitchFr: 'Prévoir les files d’attente poids lourds sur l’A16 avec l’IA.',
			pitchEn: 'Forecasting lorry queues on the A16 motorway with machine learning.',
			ukFocus: true,
			targetMarkets: 'FR,GB',
			team: [
				['Olivia Marchand', 'CEO'],
				['Benoît Lefort', 'Data scientist'],
			],
			leases: [{ unit: 'P2-D1', start: '2020-09-01', end: '2022-08-31', steps: incubation }],
		},
		{
			key: 'dunes-energy',
			name: 'Dunes Energy',
			legalName: 'Dunes Energy SAS',
			siren: true,
			sector: 'Énergies marines',
			stage: 'scale',
			status: 'graduated',
			cohort: 'promo-2021',
			enteredOn: '2021-10-01',
			leftOn: '2023-09-30',
			website: 'https://dunesenergy.example',
			pitchFr: 'Des hydroliennes compactes pour les digues du littoral.',
			pitchEn: 'Compact tidal turbines for coastal sea walls.',
			ukFocus: true,
			targetMarkets: 'FR,GB',
			team: [
				['Arnaud Baheu', 'Président'],
				['Fiona McLeod', 'Business development UK'],
			],
			// a fixed monthly help rather than a percentage, voted case by case
			leases: [
				{
					unit: 'P1-04',
					start: '2021-10-01',
					end: '2023-09-30',
					steps: [fixed(1, 12, 30_000), fixed(13, 24, 15_000), percent(25, null, 0)],
				},
			],
		},
		{
			key: 'opale-drone',
			name: 'Opale Drone Services',
			legalName: 'Opale Drone Services SARL',
			siren: true,
			sector: 'Drones',
			stage: 'launch',
			status: 'graduated',
			cohort: 'accel-2022',
			enteredOn: '2022-01-10',
			leftOn: '2022-12-31',
			website: 'https://opaledrone.example',
			pitchFr: 'Inspection par drone des falaises et des ouvrages portuaires.',
			pitchEn: 'Drone inspection of cliffs and harbour structures.',
			ukFocus: false,
			targetMarkets: 'FR',
			team: [['Kevin Lheureux', 'Gérant']],
			leases: [{ unit: 'P2-D3', start: '2022-01-10', end: '2022-12-31', steps: acceleration }],
		},
		{
			key: 'velo-fret',
			name: 'Vélo Fret Calais',
			legalName: 'Vélo Fret Calais SCOP',
			siren: true,
			sector: 'Logistique du dernier kilomètre',
			stage: 'growth',
			status: 'graduated',
			cohort: 'promo-2022',
			enteredOn: '2022-09-05',
			leftOn: '2024-08-31',
			website: 'https://velofret.example',
			pitchFr: 'Des vélos cargos pour livrer le centre de Calais depuis le port.',
			pitchEn: 'Cargo bikes delivering central Calais from the port.',
			ukFocus: false,
			targetMarkets: 'FR',
			team: [
				['Margaux Lefebvre', 'Cogérante'],
				['Dylan Hochart', 'Cogérant'],
			],
			leases: [{ unit: 'P1-03', start: '2022-09-05', end: '2024-08-31', steps: incubation }],
		},
		{
			key: 'gris-nez',
			name: 'Gris-Nez Games',
			legalName: 'Gris-Nez Games SAS',
			siren: true,
			sector: 'Jeu vidéo',
			stage: 'launch',
			status: 'graduated',
			cohort: promo(d.grisNezEntered),
			enteredOn: d.grisNezEntered,
			leftOn: d.grisNezLeft,
			website: 'https://grisnezgames.example',
			// incubated "hors les murs": no office in the pépinière
			pitchFr: 'Des jeux mobiles bilingues pour apprendre l’anglais en s’amusant.',
			pitchEn: 'Bilingual mobile games for French children learning English.',
			ukFocus: true,
			targetMarkets: 'FR,GB',
			team: [['Romain Delpierre', 'Fondateur']],
			leases: [],
		},
		{
			key: 'littoral-pay',
			name: 'Littoral Pay',
			legalName: 'Littoral Pay SAS',
			siren: true,
			sector: 'Fintech',
			stage: 'growth',
			status: 'graduated',
			cohort: promo(d.littoralEntered),
			enteredOn: d.littoralEntered,
			leftOn: d.littoralLeft,
			website: 'https://littoralpay.example',
			pitchFr: 'Le paiement en euros et en livres pour les commerçants du Calaisis.',
			pitchEn: 'Euro and sterling payments for Calais shopkeepers.',
			ukFocus: true,
			targetMarkets: 'FR,GB',
			team: [
				['Jérémy Sergeant', 'CEO'],
				['Laetitia Crépin', 'Compliance'],
			],
			leases: [{ unit: 'P1-02', start: d.littoralEntered, end: d.littoralLeft, steps: incubation }],
		},
	]
}

// ---------------------------------------------------------------- seeding

type Replica = {
	k: number
	d: Dates
	managerId: number
	passwordHash: string
	/** what Cap Calaisis's subsidy costs each year, to size the budgets it votes */
	subsidyByYear: Map<number, number>
	/** the rest of the current year, per the schedules of the running leases */
	projectedSubsidy: { cents: number }
	counts: Record<string, number>
}

function bump(r: Replica, key: string, n = 1) {
	r.counts[key] = (r.counts[key] ?? 0) + n
}

function seedReplica(r: Replica) {
	const { k, d } = r
	const name = (s: string) => (k === 1 ? s : `${s} · ${k}`)
	const code = (s: string) => (k === 1 ? s : `${s}-B${k}`)
	const email = (s: string) => (k === 1 ? s : s.replace('@', `+${k}@`))
	const companiesHouse = (base: string) =>
		String((Number(base) + (k - 1) * 7919) % 100_000_000).padStart(8, '0')

	// ---- cohorts and units
	const cohortIds = new Map<string, number>()
	for (const c of cohortSpecs(d)) {
		const { key, ...values } = c
		cohortIds.set(key, f.createCohort({ ...values, name: name(values.name) }).id)
	}
	const unitIds = new Map<string, number>()
	const marketRent = new Map<string, number>()
	for (const u of UNITS) {
		unitIds.set(u.code, f.createUnit({ ...u, code: code(u.code) }).id)
		marketRent.set(u.code, u.marketRentCents)
	}
	bump(r, 'units', UNITS.length)

	// ---- mentors (the mentor user signs in as Marc Vasseur)
	const mentorSpecs = [
		{
			key: 'vasseur',
			name: 'Marc Vasseur',
			organisation: 'SNCF Développement',
			expertise: 'logistics,rail-freight,fundraising,uk-market',
			languages: 'fr,en',
			capacityHoursPerMonth: 6,
			bio: 'Vingt ans de fret ferroviaire, dont dix sur le tunnel sous la Manche ; accompagne les startups logistiques du Calaisis.',
		},
		{
			key: 'roussel',
			name: 'Isabelle Roussel',
			organisation: 'Vivendi',
			expertise: 'digital-media,marketing,brand,recruitment,management',
			languages: 'fr,en',
			capacityHoursPerMonth: 4,
			bio: 'Directrice marketing dans les médias, membre fondatrice du Tektos Business Club.',
		},
		{
			key: 'dufour',
			name: 'Thierry Dufour',
			organisation: "CCI Côte d'Opale",
			expertise: 'export,customs,uk-market',
			languages: 'fr,en',
			capacityHoursPerMonth: 8,
			bio: 'Conseiller export de la CCICO, spécialiste des formalités douanières post-Brexit.',
		},
		{
			key: 'benali',
			name: 'Nadia Benali',
			organisation: "ULCO — Université du Littoral Côte d'Opale",
			expertise: 'maritime-engineering,research-partnerships,iot',
			languages: 'fr,en,ar',
			capacityHoursPerMonth: 3,
			bio: 'Maîtresse de conférences en génie maritime, fait le lien avec les laboratoires de l’ULCO.',
		},
		{
			key: 'lemaire',
			name: 'Olivier Lemaire',
			organisation: 'Cap Calaisis',
			expertise: 'public-funding,real-estate',
			languages: 'fr',
			capacityHoursPerMonth: 2,
			bio: 'Chargé du développement économique à l’agglomération.',
		},
		{
			key: 'whitfield',
			name: 'James Whitfield',
			organisation: 'Whitfield & Partners LLP (Folkestone)',
			expertise: 'uk-law,company-formation,fundraising',
			languages: 'en,fr',
			capacityHoursPerMonth: 4,
			bio: 'Solicitor in Folkestone; helps French founders set up and run a UK company.',
		},
		{
			key: 'caron',
			name: 'Sandrine Caron',
			organisation: 'Opale Ingénierie',
			expertise: 'hardware,manufacturing,fablab',
			languages: 'fr',
			capacityHoursPerMonth: 4,
			bio: 'Dirige un bureau d’études industriel ; anime le FabLab du Tektos Business Club.',
		},
		{
			key: 'leroy',
			name: 'Bernard Leroy',
			organisation: "CCI Côte d'Opale",
			expertise: 'finance,accounting',
			languages: 'fr',
			capacityHoursPerMonth: 0,
			bio: 'Ancien expert-comptable, mentor des premières promotions, retraité depuis 2017.',
			active: false,
		},
	]
	const mentorIds = new Map<string, number>()
	let mentorUserId: number | null = null
	for (const { key, ...m } of mentorSpecs) {
		const mentor = f.createMentor({
			...m,
			name: name(m.name),
			email: email(`${key}@mentors.tektos.example`),
		})
		mentorIds.set(key, mentor.id)
		if (k === 1 && key === 'vasseur') {
			const login = DEMO_LOGINS[2]
			mentorUserId = f.createUser({
				email: login.email,
				name: login.name,
				role: 'mentor',
				mentorId: mentor.id,
				organisation: m.organisation,
				locale: 'fr',
				passwordHash: r.passwordHash,
				password: DEMO_PASSWORD,
			}).id
		}
	}
	bump(r, 'mentors', mentorSpecs.length)

	// ---- startups, teams, leases, statements, payments
	const startupIds = new Map<string, number>()
	const specs = startupSpecs(d)
	for (const s of specs) {
		const startup = f.createStartup({
			name: name(s.name),
			legalName: name(s.legalName),
			// factories hand out unique, check-digit-valid SIRENs
			...(s.siren ? {} : { siren: null }),
			companiesHouseNumber: s.companiesHouse ? companiesHouse(s.companiesHouse) : null,
			sector: s.sector,
			stage: s.stage,
			status: s.status,
			cohortId: s.cohort ? (cohortIds.get(s.cohort) ?? null) : null,
			enteredOn: s.enteredOn,
			leftOn: s.leftOn,
			website: s.website,
			pitchFr: s.pitchFr,
			pitchEn: s.pitchEn,
			ukFocus: s.ukFocus,
			targetMarkets: s.targetMarkets,
		})
		startupIds.set(s.key, startup.id)
		bump(r, 'startups')

		const domain = new URL(s.website).hostname
		if (k === 1 && s.key === 'fretmanche') {
			const login = DEMO_LOGINS[1]
			const founder = f.createUser({
				email: login.email,
				name: login.name,
				role: 'founder',
				startupId: startup.id,
				organisation: s.name,
				locale: 'fr',
				passwordHash: r.passwordHash,
				password: DEMO_PASSWORD,
			})
			f.createTeamMember({
				startupId: startup.id,
				name: login.name,
				role: 'CEO, cofondatrice',
				email: login.email,
				userId: founder.id,
			})
		} else if (s.key === 'fretmanche') {
			f.createTeamMember({
				startupId: startup.id,
				name: DEMO_LOGINS[1].name,
				role: 'CEO, cofondatrice',
				email: email(`sophie@${domain}`),
			})
		}
		for (const [memberName, role] of s.team) {
			const first = memberName
				.split(' ')[0]!
				.normalize('NFD')
				.replace(/[^a-zA-Z]/g, '')
			f.createTeamMember({
				startupId: startup.id,
				name: memberName,
				role,
				email: email(`${first.toLowerCase()}@${domain}`),
			})
		}

		for (const l of s.leases) seedLease(r, startup.id, s.key, l, unitIds, marketRent)
	}

	seedMentoring(r, mentorIds, startupIds)
	seedFunding(r, startupIds)
	seedMilestonesAndKpis(r, startupIds, specs)
	seedContacts(r, startupIds, email, name)
	return { mentorUserId, startupIds }
}

function seedLease(
	r: Replica,
	startupId: number,
	key: string,
	l: LeaseSpec,
	unitIds: Map<string, number>,
	marketRent: Map<string, number>,
) {
	const { d, managerId } = r
	const monthlyRentCents = rentFor(marketRent.get(l.unit)!, l.start)
	const lease = f.createLease({
		startupId,
		unitId: unitIds.get(l.unit)!,
		startDate: l.start,
		endDate: l.end,
		monthlyRentCents,
		steps: l.steps,
	})
	bump(r, 'leases')

	const lastMonth = monthOf(l.end ? minDate(l.end, d.today) : d.today)
	const statements = monthRange(monthOf(l.start), lastMonth).map((month) =>
		f.createStatement({ leaseId: lease.id, month, issuedBy: managerId }),
	)
	bump(r, 'statements', statements.length)
	for (const s of statements) {
		const year = yearOf(s.month)
		r.subsidyByYear.set(year, (r.subsidyByYear.get(year) ?? 0) + s.subsidyCents)
	}
	// what the running schedules will still cost Cap Calaisis this year
	for (const month of monthRange(
		monthOf(addMonthsToDate(d.thisMonth, 1)),
		`${yearOf(d.today)}-12`,
	)) {
		const projected = computeStatement({
			monthlyRentCents,
			leaseStartDate: l.start,
			leaseEndDate: l.end,
			month,
			steps: l.steps,
		})
		r.projectedSubsidy.cents += projected?.subsidyCents ?? 0
	}

	// Payments: Cap Calaisis pays its share on the due date, startups two days before it.
	// A little arrears: Opale Fibre Lab has not paid its last two statements, Blue Strait paid
	// half of one, Tunnel Vision AR left owing its last two months.
	const due = statements.filter((s) => s.dueOn < d.today)
	const unpaid = new Set<number>()
	const halfPaid = new Set<number>()
	if (key === 'opale-fibre' || key === 'tunnel-vision') {
		for (const s of due.slice(-2)) unpaid.add(s.id)
	}
	if (key === 'blue-strait' && due.length >= 2) halfPaid.add(due[due.length - 2]!.id)
	for (const s of statements) {
		if (s.subsidyCents > 0 && s.dueOn <= d.today) {
			f.createPayment({
				statementId: s.id,
				payer: 'cap_calaisis',
				amountCents: s.subsidyCents,
				paidOn: s.dueOn,
				reference: `MANDAT-CAP-${s.month}-${s.id}`,
				recordedBy: managerId,
			})
			bump(r, 'payments')
		}
		const paidOn = addDays(s.dueOn, -2) < s.issuedOn ? s.issuedOn : addDays(s.dueOn, -2)
		if (s.startupShareCents === 0 || paidOn > d.today || unpaid.has(s.id)) continue
		const reference = `VIR-${s.month}-${s.id}`
		if (halfPaid.has(s.id)) {
			const half = Math.floor(s.startupShareCents / 2)
			f.createPayment({
				statementId: s.id,
				amountCents: half,
				paidOn,
				reference,
				recordedBy: managerId,
			})
			bump(r, 'payments')
			continue
		}
		// Détroit Analytics spread its rent over two transfers during the second lockdown
		const lockdown = key === 'detroit-analytics' && s.month >= '2020-11' && s.month <= '2021-01'
		if (lockdown && s.startupShareCents > 1) {
			const first = Math.floor(s.startupShareCents / 2)
			f.createPayment({
				statementId: s.id,
				amountCents: first,
				paidOn,
				reference,
				recordedBy: managerId,
			})
			f.createPayment({
				statementId: s.id,
				amountCents: s.startupShareCents - first,
				paidOn: addDays(s.dueOn, 20),
				reference: `${reference}-2`,
				recordedBy: managerId,
			})
			bump(r, 'payments', 2)
			continue
		}
		f.createPayment({
			statementId: s.id,
			amountCents: s.startupShareCents,
			paidOn,
			reference,
			recordedBy: managerId,
		})
		bump(r, 'payments')
	}
}

function seedMentoring(
	r: Replica,
	mentorIds: Map<string, number>,
	startupIds: Map<string, number>,
) {
	const { d } = r
	const topics: Record<string, string[]> = {
		logistics: [
			'Tarification des traversées pour les transporteurs',
			'Préparer le pitch pour Thames Bridge Ventures',
			'Partenariat avec un opérateur ferroviaire',
			'Indicateurs de rotation des camions',
		],
		uk: [
			'Ouvrir une Ltd : statuts, comptes, TVA britannique',
			'Contrats de droit anglais avec Port of Dover',
			'Recruter au Royaume-Uni',
		],
		export: [
			'Formalités douanières post-Brexit (EORI, T1)',
			'Salon Multimodal de Birmingham',
			'Trouver un distributeur dans le Kent',
		],
		digital: ['Positionnement de marque', 'Campagne de lancement', 'Relations presse'],
		hardware: ['Industrialiser une petite série', 'Marquage CE', 'Chiffrer une pièce imprimée'],
		public: ['Dossier pour le fonds d’appui à l’innovation', 'Aides régionales à l’export'],
		research: ['Thèse CIFRE avec un laboratoire de l’ULCO', 'Essais en bassin'],
		finance: ['Plan de trésorerie', 'Préparer le rendez-vous bancaire'],
	}
	const assignments: {
		mentor: string
		startup: string
		focus: string
		topics: keyof typeof topics
		start: string
		end: string | null
		everyDays: number
	}[] = [
		// the mentor user's two incubated startups
		{
			mentor: 'vasseur',
			startup: 'fretmanche',
			focus: 'Fret transmanche et levée de fonds',
			topics: 'logistics',
			start: addDays(d.fretEntered, 14),
			end: null,
			everyDays: 28,
		},
		{
			mentor: 'vasseur',
			startup: 'opale-fibre',
			focus: 'Relations avec les opérateurs de réseaux',
			topics: 'logistics',
			start: addDays(d.opaleEntered, 7),
			end: null,
			everyDays: 21,
		},
		{
			mentor: 'vasseur',
			startup: 'nordlink',
			focus: 'Données ferroviaires',
			topics: 'logistics',
			start: '2017-01-09',
			end: '2019-06-28',
			everyDays: 45,
		},
		{
			mentor: 'dufour',
			startup: 'blue-strait',
			focus: 'Export et douane post-Brexit',
			topics: 'export',
			start: addDays(d.blueEntered, 7),
			end: null,
			everyDays: 21,
		},
		{
			mentor: 'whitfield',
			startup: 'blue-strait',
			focus: 'UK company law',
			topics: 'uk',
			start: addDays(d.blueEntered, 14),
			end: null,
			everyDays: 30,
		},
		{
			mentor: 'whitfield',
			startup: 'fretmanche',
			focus: 'Création de la filiale britannique',
			topics: 'uk',
			start: addMonthsToDate(d.fretEntered, 5),
			end: addMonthsToDate(d.fretEntered, 9),
			everyDays: 30,
		},
		{
			mentor: 'caron',
			startup: 'fabopale',
			focus: 'Industrialisation et marquage CE',
			topics: 'hardware',
			start: addDays(d.fabEntered, 5),
			end: null,
			everyDays: 14,
		},
		{
			mentor: 'lemaire',
			startup: 'littoral-pay',
			focus: 'Financements publics',
			topics: 'public',
			start: addDays(d.littoralEntered, 30),
			end: d.littoralLeft,
			everyDays: 60,
		},
		{
			mentor: 'roussel',
			startup: 'calais-connect',
			focus: 'Marketing auprès des touristes britanniques',
			topics: 'digital',
			start: '2013-09-02',
			end: '2015-06-30',
			everyDays: 45,
		},
		{
			mentor: 'roussel',
			startup: 'quai-62',
			focus: 'Marque et lancement',
			topics: 'digital',
			start: '2019-10-07',
			end: '2021-06-30',
			everyDays: 45,
		},
		{
			mentor: 'leroy',
			startup: 'manche-mobility',
			focus: 'Finance et comptabilité',
			topics: 'finance',
			start: '2014-10-06',
			end: '2016-06-30',
			everyDays: 60,
		},
		{
			mentor: 'dufour',
			startup: 'kent-cote',
			focus: 'Export alimentaire vers Londres',
			topics: 'export',
			start: '2016-02-01',
			end: '2017-12-15',
			everyDays: 45,
		},
		{
			mentor: 'benali',
			startup: 'halio',
			focus: 'Partenariat de recherche',
			topics: 'research',
			start: '2018-10-01',
			end: '2020-06-30',
			everyDays: 60,
		},
		{
			mentor: 'vasseur',
			startup: 'dunes-energy',
			focus: 'Logistique des chantiers',
			topics: 'logistics',
			start: '2021-11-02',
			end: '2023-06-30',
			everyDays: 45,
		},
	]
	const minutes = [60, 90, 45, 120, 75, 60]
	for (const a of assignments) {
		const assignment = f.createAssignment({
			mentorId: mentorIds.get(a.mentor)!,
			startupId: startupIds.get(a.startup)!,
			focus: a.focus,
			startDate: a.start,
			endDate: a.end,
		})
		bump(r, 'assignments')
		const last = a.end ? minDate(a.end, d.today) : d.today
		const list = topics[a.topics]!
		let i = 0
		// sessions lie within the assignment and never after today
		for (let date = a.start; date <= last; date = addDays(date, a.everyDays), i++) {
			f.createMentoringSession({
				assignmentId: assignment.id,
				date,
				minutes: minutes[i % minutes.length]!,
				topic: list[i % list.length]!,
				notes:
					i % 3 === 0
						? 'Point d’avancement ; le fondateur a besoin d’introductions côté britannique.'
						: 'Séance de travail sur le sujet du jour.',
				notesPrivate: i % 5 === 4,
				nextSteps: i % 2 === 0 ? 'Envoyer le support révisé avant la prochaine séance.' : null,
			})
			bump(r, 'sessions')
		}
	}
}

type FundingSpec = {
	ref?: string
	triggeredBy?: string
	kind: f.NewFundingEvent['kind']
	source: string
	isPublic: boolean
	amountCents: number
	currency?: 'EUR' | 'GBP'
	status: f.NewFundingEvent['status']
	/** planned, applied, secured, received (or declined) — as far as the status goes */
	dates: string[]
	note?: string
}

/**
 * The innovation fund's record: "over €1 million granted in 4 years", each grant triggering
 * bank and private money. These graduates' whole funding stories are scaled up together, so
 * each chain keeps its leverage: 2015 €250k, 2016 €290k, 2017 €280k, 2018 €280k granted,
 * every year within the fund's €300k envelope (INNOVATION_FUND_YEARLY_ENVELOPE_CENTS).
 */
const FUND_YEARS_SCALE: Record<string, number> = {
	'manche-mobility': 12.5,
	estran: 5.2,
	'kent-cote': 6.4,
	nordlink: 28 / 3,
	'tunnel-vision': 5,
	halio: 6,
}

function seedFunding(r: Replica, startupIds: Map<string, number>) {
	const { d } = r
	const m = (date: string, months: number) => addMonthsToDate(date, months)
	const grant = (amountEuros: number, dates: string[], ref: string): FundingSpec => ({
		ref,
		kind: 'innovation_fund_grant',
		source: INNOVATION_FUND,
		isPublic: true,
		amountCents: amountEuros * 100,
		status: 'received',
		dates,
	})
	const byStartup: Record<string, FundingSpec[]> = {
		'calais-connect': [
			grant(15_000, ['2013-09-02', '2013-10-07', '2013-12-12', '2014-01-20'], 'cc-grant'),
			{
				triggeredBy: 'cc-grant',
				kind: 'bank_loan',
				source: 'Crédit Agricole Nord de France',
				isPublic: false,
				amountCents: 4_000_000,
				status: 'received',
				dates: ['2014-01-06', '2014-02-03', '2014-03-14', '2014-04-01'],
			},
		],
		'manche-mobility': [
			grant(20_000, ['2014-10-01', '2014-11-03', '2015-01-15', '2015-02-16'], 'mm-grant'),
			{
				triggeredBy: 'mm-grant',
				kind: 'honour_loan',
				source: 'Initiative Calaisis',
				isPublic: false,
				amountCents: 1_500_000,
				status: 'received',
				dates: ['2015-01-20', '2015-02-10', '2015-03-12', '2015-04-01'],
				note: 'Prêt d’honneur à la présidente, à taux zéro',
			},
		],
		estran: [
			grant(25_000, ['2015-11-02', '2015-12-01', '2016-02-11', '2016-03-01'], 'es-grant'),
			{
				ref: 'es-region',
				triggeredBy: 'es-grant',
				kind: 'regional_fund',
				source: 'Région Hauts-de-France',
				isPublic: true,
				amountCents: 4_000_000,
				status: 'received',
				dates: ['2016-03-01', '2016-04-04', '2016-06-23', '2016-07-15'],
			},
			{
				triggeredBy: 'es-region',
				kind: 'bank_loan',
				source: "Caisse d'Épargne Hauts de France",
				isPublic: false,
				amountCents: 10_000_000,
				status: 'received',
				dates: ['2016-07-18', '2016-09-05', '2016-10-20', '2016-11-02'],
			},
		],
		// the longest chain: grant → honour loan → bank loan → London round in sterling
		'kent-cote': [
			grant(25_000, ['2016-01-11', '2016-03-01', '2016-05-12', '2016-06-20'], 'kc-grant'),
			{
				ref: 'kc-honour',
				triggeredBy: 'kc-grant',
				kind: 'honour_loan',
				source: 'Initiative Calaisis',
				isPublic: false,
				amountCents: 2_000_000,
				status: 'received',
				dates: ['2016-06-01', '2016-07-04', '2016-09-15', '2016-10-03'],
			},
			{
				ref: 'kc-bank',
				triggeredBy: 'kc-honour',
				kind: 'bank_loan',
				source: 'Crédit Agricole Nord de France',
				isPublic: false,
				amountCents: 6_000_000,
				status: 'received',
				dates: ['2016-09-20', '2016-10-10', '2016-11-18', '2016-12-01'],
			},
			{
				triggeredBy: 'kc-bank',
				kind: 'equity_round',
				source: 'Thames Bridge Ventures',
				isPublic: false,
				amountCents: 15_000_000,
				currency: 'GBP',
				status: 'received',
				dates: ['2017-01-09', '2017-03-06', '2017-05-22', '2017-06-12'],
				note: 'Seed round, London',
			},
		],
		'cross-channel-events': [
			{
				kind: 'grant',
				source: 'Kent County Council — Expansion East Kent',
				isPublic: true,
				amountCents: 3_000_000,
				currency: 'GBP',
				status: 'received',
				dates: ['2016-03-14', '2016-04-11', '2016-06-30', '2016-07-22'],
			},
		],
		nordlink: [
			grant(30_000, ['2016-11-14', '2017-01-09', '2017-03-16', '2017-04-03'], 'nl-grant'),
			{
				ref: 'nl-bpi',
				triggeredBy: 'nl-grant',
				kind: 'bank_loan',
				source: 'Bpifrance — prêt d’amorçage',
				isPublic: true,
				amountCents: 10_000_000,
				status: 'received',
				dates: ['2017-04-03', '2017-05-02', '2017-07-06', '2017-07-28'],
			},
			{
				triggeredBy: 'nl-bpi',
				kind: 'equity_round',
				source: 'Nord Capital Partenaires',
				isPublic: false,
				amountCents: 35_000_000,
				status: 'received',
				dates: ['2018-02-01', '2018-04-09', '2018-09-27', '2018-10-15'],
			},
		],
		'tunnel-vision': [
			grant(20_000, ['2017-10-16', '2017-11-13', '2018-01-18', '2018-02-05'], 'tv-grant'),
			{
				triggeredBy: 'tv-grant',
				kind: 'equity_round',
				source: "Business Angels Côte d'Opale",
				isPublic: false,
				amountCents: 10_000_000,
				status: 'declined',
				dates: ['2018-05-02', '2018-06-11', '2018-10-15'],
				note: 'Marché jugé trop étroit',
			},
		],
		halio: [
			grant(30_000, ['2018-09-17', '2018-10-15', '2018-12-13', '2019-01-07'], 'ha-grant'),
			{
				triggeredBy: 'ha-grant',
				kind: 'crowdfunding',
				source: 'Miimosa',
				isPublic: false,
				amountCents: 4_500_000,
				status: 'received',
				dates: ['2019-02-04', '2019-03-01', '2019-04-30', '2019-05-20'],
			},
		],
		'tidal-cast': [
			grant(20_000, ['2019-03-18', '2019-04-15', '2019-06-20', '2019-07-08'], 'tc-grant'),
		],
		'quai-62': [
			{
				kind: 'grant',
				source: 'Pictanovo — fonds d’aide au jeu vidéo',
				isPublic: true,
				amountCents: 2_000_000,
				status: 'received',
				dates: ['2019-10-01', '2019-11-04', '2020-01-23', '2020-02-10'],
			},
			grant(15_000, ['2019-10-14', '2019-11-12', '2020-01-16', '2020-02-03'], 'q62-grant'),
			{
				triggeredBy: 'q62-grant',
				kind: 'crowdfunding',
				source: 'KissKissBankBank',
				isPublic: false,
				amountCents: 1_850_000,
				status: 'received',
				dates: ['2020-06-01', '2020-09-14', '2020-10-26', '2020-11-09'],
			},
		],
		'detroit-analytics': [
			grant(25_000, ['2020-09-14', '2020-10-12', '2020-12-10', '2021-01-11'], 'da-grant'),
			{
				ref: 'da-honour',
				triggeredBy: 'da-grant',
				kind: 'honour_loan',
				source: "Réseau Entreprendre Côte d'Opale",
				isPublic: false,
				amountCents: 3_000_000,
				status: 'received',
				dates: ['2020-12-01', '2021-01-11', '2021-03-04', '2021-03-22'],
			},
			{
				triggeredBy: 'da-honour',
				kind: 'bank_loan',
				source: 'CIC Nord Ouest',
				isPublic: false,
				amountCents: 7_500_000,
				status: 'received',
				dates: ['2021-03-29', '2021-04-19', '2021-06-03', '2021-06-21'],
			},
		],
		'dunes-energy': [
			grant(40_000, ['2021-10-11', '2021-11-08', '2022-01-20', '2022-02-07'], 'de-grant'),
			{
				ref: 'de-round',
				triggeredBy: 'de-grant',
				kind: 'equity_round',
				source: 'Nord Capital Partenaires',
				isPublic: false,
				amountCents: 40_000_000,
				status: 'received',
				dates: ['2022-03-01', '2022-05-09', '2022-09-29', '2022-10-17'],
			},
			{
				triggeredBy: 'de-round',
				kind: 'regional_fund',
				source: 'Région Hauts-de-France — rev3',
				isPublic: true,
				amountCents: 15_000_000,
				status: 'received',
				dates: ['2022-11-02', '2022-12-05', '2023-03-16', '2023-04-03'],
			},
		],
		'opale-drone': [
			{
				kind: 'honour_loan',
				source: 'Initiative Calaisis',
				isPublic: false,
				amountCents: 2_000_000,
				status: 'received',
				dates: ['2022-01-17', '2022-02-07', '2022-03-10', '2022-03-28'],
			},
		],
		'velo-fret': [
			grant(20_000, ['2022-09-19', '2022-10-17', '2022-12-15', '2023-01-09'], 'vf-grant'),
			{
				triggeredBy: 'vf-grant',
				kind: 'bank_loan',
				source: 'Crédit Coopératif',
				isPublic: false,
				amountCents: 6_000_000,
				status: 'received',
				dates: ['2023-01-16', '2023-02-13', '2023-04-06', '2023-04-24'],
			},
		],
		'littoral-pay': [
			grant(
				30_000,
				[
					m(d.littoralEntered, 0),
					m(d.littoralEntered, 1),
					m(d.littoralEntered, 3),
					m(d.littoralEntered, 4),
				],
				'lp-grant',
			),
			{
				ref: 'lp-bank',
				triggeredBy: 'lp-grant',
				kind: 'bank_loan',
				source: 'Crédit Agricole Nord de France',
				isPublic: false,
				amountCents: 8_000_000,
				status: 'received',
				dates: [
					m(d.littoralEntered, 4),
					m(d.littoralEntered, 5),
					m(d.littoralEntered, 7),
					m(d.littoralEntered, 8),
				],
			},
			{
				triggeredBy: 'lp-bank',
				kind: 'equity_round',
				source: 'Thames Bridge Ventures',
				isPublic: false,
				amountCents: 20_000_000,
				currency: 'GBP',
				status: 'received',
				dates: [
					m(d.littoralEntered, 10),
					m(d.littoralEntered, 13),
					m(d.littoralEntered, 17),
					m(d.littoralEntered, 18),
				],
			},
		],
		// ---- the startups incubated now
		fretmanche: [
			grant(
				35_000,
				[m(d.fretEntered, 0), m(d.fretEntered, 1), m(d.fretEntered, 3), m(d.fretEntered, 4)],
				'fm-grant',
			),
			{
				ref: 'fm-honour',
				triggeredBy: 'fm-grant',
				kind: 'honour_loan',
				source: 'Initiative Calaisis',
				isPublic: false,
				amountCents: 2_500_000,
				status: 'received',
				dates: [m(d.fretEntered, 3), m(d.fretEntered, 4), m(d.fretEntered, 5), m(d.fretEntered, 6)],
				note: 'Prêt d’honneur à Sophie Lefebvre',
			},
			{
				ref: 'fm-bank',
				triggeredBy: 'fm-honour',
				kind: 'bank_loan',
				source: 'CIC Nord Ouest',
				isPublic: false,
				amountCents: 9_000_000,
				status: 'secured',
				dates: [m(d.fretEntered, 6), m(d.fretEntered, 8), m(d.fretEntered, 10)],
			},
			{
				triggeredBy: 'fm-bank',
				kind: 'equity_round',
				source: 'Thames Bridge Ventures',
				isPublic: false,
				amountCents: 40_000_000,
				currency: 'GBP',
				status: 'planned',
				dates: [m(d.fretEntered, 12)],
				note: 'Seed round led from London',
			},
		],
		'blue-strait': [
			{
				ref: 'bs-innovate',
				kind: 'grant',
				source: 'Innovate UK — Smart grant',
				isPublic: true,
				amountCents: 6_000_000,
				currency: 'GBP',
				status: 'received',
				dates: [
					m(d.blueEntered, -6),
					m(d.blueEntered, -5),
					m(d.blueEntered, -2),
					m(d.blueEntered, 1),
				],
			},
			{
				triggeredBy: 'bs-innovate',
				kind: 'equity_round',
				source: 'Kent Angel Network',
				isPublic: false,
				amountCents: 12_000_000,
				currency: 'GBP',
				status: 'secured',
				dates: [m(d.blueEntered, 1), m(d.blueEntered, 2), m(d.blueEntered, 4)],
			},
			{
				kind: 'regional_fund',
				source: 'Région Hauts-de-France — Pass Export',
				isPublic: true,
				amountCents: 1_500_000,
				status: 'declined',
				dates: [m(d.blueEntered, 0), m(d.blueEntered, 1), m(d.blueEntered, 3)],
				note: 'Refusé : entreprise sans établissement français',
			},
			{
				kind: 'innovation_fund_grant',
				source: INNOVATION_FUND,
				isPublic: true,
				amountCents: 2_500_000,
				status: 'applied',
				dates: [m(d.blueEntered, 2), m(d.blueEntered, 3)],
			},
		],
		'opale-fibre': [
			{
				kind: 'innovation_fund_grant',
				source: INNOVATION_FUND,
				isPublic: true,
				amountCents: 3_000_000,
				status: 'applied',
				dates: [d.opaleEntered, m(d.opaleEntered, 1)],
			},
		],
		fabopale: [
			{
				kind: 'crowdfunding',
				source: 'Ulule',
				isPublic: false,
				amountCents: 1_200_000,
				status: 'received',
				dates: [m(d.fabEntered, -8), m(d.fabEntered, -6), m(d.fabEntered, -5), m(d.fabEntered, -4)],
			},
			{
				kind: 'honour_loan',
				source: "Réseau Entreprendre Côte d'Opale",
				isPublic: false,
				amountCents: 3_000_000,
				status: 'secured',
				dates: [m(d.fabEntered, -1), d.fabEntered, m(d.fabEntered, 2)],
			},
		],
	}
	for (const [key, events] of Object.entries(byStartup)) {
		const refs = new Map<string, number>()
		// the fund's big years: over €1 million granted from 2015 to 2018 (see FUND_YEARS_SCALE)
		const scale = FUND_YEARS_SCALE[key] ?? 1
		for (const spec of events) {
			const e = { ...spec, amountCents: Math.round((spec.amountCents * scale) / 100_000) * 100_000 }
			const [plannedOn, appliedOn, third, receivedOn] = e.dates
			const declined = e.status === 'declined'
			const event = f.createFundingEvent({
				startupId: startupIds.get(key)!,
				kind: e.kind,
				source: e.source,
				isPublic: e.isPublic,
				amountCents: e.amountCents,
				currency: e.currency ?? 'EUR',
				status: e.status,
				plannedOn: plannedOn ?? null,
				appliedOn: appliedOn ?? null,
				securedOn: declined ? null : (third ?? null),
				receivedOn: receivedOn ?? null,
				declinedOn: declined ? (third ?? null) : null,
				triggeredById: e.triggeredBy ? refs.get(e.triggeredBy)! : null,
				note: e.note ?? null,
			})
			if (e.ref) refs.set(e.ref, event.id)
			bump(r, 'fundingEvents')
		}
	}
}

function seedMilestonesAndKpis(r: Replica, startupIds: Map<string, number>, specs: StartupSpec[]) {
	const { d } = r
	const m = addMonthsToDate
	const list: Record<string, Omit<f.NewMilestone, 'startupId'>[]> = {
		fretmanche: [
			{
				kind: 'product',
				title: 'Lancement de la plateforme de pré-dédouanement',
				dueOn: m(d.fretEntered, 4),
				status: 'done',
				doneOn: addDays(m(d.fretEntered, 4), -3),
			},
			{
				kind: 'legal',
				title: 'Création de Fretmanche Ltd (Kent)',
				dueOn: m(d.fretEntered, 8),
				status: 'done',
				doneOn: m(d.fretEntered, 7),
			},
			{
				kind: 'uk_market_entry',
				title: 'Premier client britannique : Channel Link Freight',
				dueOn: m(d.fretEntered, 9),
				status: 'done',
				doneOn: addDays(m(d.fretEntered, 9), 12),
				note: 'Contrat annuel signé à Folkestone',
			},
			{
				kind: 'team',
				title: 'Recruter un·e commercial·e basé·e à Ashford',
				dueOn: m(d.thisMonth, 2),
				status: 'in_progress',
			},
			{
				kind: 'funding',
				title: 'Seed round with Thames Bridge Ventures',
				dueOn: m(d.thisMonth, 4),
				status: 'planned',
			},
		],
		'opale-fibre': [
			{
				kind: 'product',
				title: 'Prototype du capteur pour armoire de rue',
				dueOn: m(d.opaleEntered, 1),
				status: 'done',
				doneOn: m(d.opaleEntered, 1),
			},
			{
				kind: 'market',
				title: 'Pilote avec un opérateur du Calaisis',
				dueOn: addDays(d.today, -10),
				status: 'in_progress',
				note: 'En retard : attente de l’accord de l’opérateur',
			},
		],
		'blue-strait': [
			{
				kind: 'product',
				title: 'Sea trials in Dover harbour',
				dueOn: m(d.blueEntered, 2),
				status: 'done',
				doneOn: addDays(m(d.blueEntered, 2), 5),
			},
			{
				kind: 'uk_market_entry',
				title: 'Pilot contract with Port of Dover',
				dueOn: m(d.thisMonth, 3),
				status: 'in_progress',
			},
			{
				kind: 'legal',
				title: 'Établissement français immatriculé (SIREN)',
				dueOn: m(d.thisMonth, -1),
				status: 'planned',
			},
		],
		fabopale: [
			{
				kind: 'product',
				title: 'Première série de pièces pour les portiques du port',
				dueOn: m(d.fabEntered, 1),
				status: 'done',
				doneOn: m(d.fabEntered, 1),
			},
			{
				kind: 'legal',
				title: 'Marquage CE du bras d’impression',
				dueOn: addDays(d.today, -20),
				status: 'planned',
			},
			{
				kind: 'uk_market_entry',
				title: 'Premier client au port de Douvres',
				dueOn: m(d.thisMonth, 6),
				status: 'planned',
			},
		],
		'kent-cote': [
			{
				kind: 'uk_market_entry',
				title: 'Premier distributeur à Londres',
				dueOn: '2017-03-31',
				status: 'done',
				doneOn: '2017-03-15',
			},
		],
		nordlink: [
			{
				kind: 'market',
				title: 'Contrat avec le port de Felixstowe',
				dueOn: '2018-06-30',
				status: 'done',
				doneOn: '2018-09-12',
			},
		],
		'tunnel-vision': [
			{
				kind: 'product',
				title: 'Application à bord des navettes',
				dueOn: '2018-09-30',
				status: 'dropped',
				note: 'Abandonné faute de partenaire opérateur',
			},
		],
		'littoral-pay': [
			{
				kind: 'legal',
				title: 'Agrément d’agent de prestataire de paiement',
				dueOn: m(d.littoralEntered, 9),
				status: 'done',
				doneOn: m(d.littoralEntered, 10),
			},
		],
	}
	for (const [key, milestones] of Object.entries(list)) {
		for (const ms of milestones) {
			f.createMilestone({ ...ms, startupId: startupIds.get(key)! })
			bump(r, 'milestones')
		}
	}

	// Quarterly KPI reports, sent two weeks after the quarter ends. Blue Strait has not sent
	// its latest one yet.
	for (const s of specs) {
		if (!s.enteredOn) continue
		const until = s.leftOn ?? d.today
		const quarters = quarterRange(quarterOf(s.enteredOn), quarterOf(until)).filter(
			(q) => addDays(quarterEnd(q), 14) <= d.today,
		)
		if (s.key === 'blue-strait') quarters.pop()
		const baseTeam = s.team.length + 1
		quarters.forEach((quarter, i) => {
			f.createKpiReport({
				startupId: startupIds.get(s.key)!,
				quarter,
				employees: baseTeam + Math.floor(i / 2),
				revenueCents: i === 0 ? 0 : 1_200_000 * i * i + 350_000 * (s.key.length % 5),
				ukCustomers: s.ukFocus ? Math.floor(i / 2) : 0,
				comment: i === 0 ? 'Premier trimestre dans la pépinière' : null,
				submittedOn: addDays(quarterEnd(quarter), 14),
			})
			bump(r, 'kpiReports')
		})
	}
}

type OrgKey =
	| 'ports-detroit'
	| 'transmanche'
	| 'credit-maritime'
	| 'region'
	| 'ulco'
	| 'initiative'
	| 'idf-incubator'
	| 'dover'
	| 'kent-cc'
	| 'kent-uni'
	| 'thames-bridge'
	| 'channel-link'
	| 'kent-angels'
	| 'ashford-foods'

function seedContacts(
	r: Replica,
	startupIds: Map<string, number>,
	email: (s: string) => string,
	name: (s: string) => string,
) {
	const { d, k, managerId } = r
	const orgs: Record<OrgKey, Omit<f.NewOrganisation, 'id'>> = {
		'ports-detroit': {
			name: 'Ports du Détroit',
			country: 'FR',
			kind: 'customer',
			sector: 'Exploitation portuaire',
			website: 'https://portsdudetroit.example',
		},
		transmanche: {
			name: 'Transmanche Logistique SA',
			country: 'FR',
			kind: 'customer',
			sector: 'Fret transmanche',
			website: 'https://transmanche-logistique.example',
		},
		'credit-maritime': {
			name: 'Crédit Maritime Opale',
			country: 'FR',
			kind: 'investor',
			sector: 'Banque',
			website: 'https://creditmaritime-opale.example',
		},
		region: {
			name: 'Région Hauts-de-France',
			country: 'FR',
			kind: 'public_body',
			sector: 'Collectivité',
			website: 'https://hautsdefrance.example',
		},
		ulco: {
			name: "ULCO — Université du Littoral Côte d'Opale",
			country: 'FR',
			kind: 'university',
			sector: 'Recherche',
			website: 'https://ulco.example',
		},
		initiative: {
			name: 'Initiative Calaisis',
			country: 'FR',
			kind: 'investor',
			sector: "Prêts d'honneur",
			website: 'https://initiative-calaisis.example',
		},
		'idf-incubator': {
			name: 'Incubateur Seine Numérique',
			country: 'FR',
			kind: 'incubator',
			sector: 'Incubateur partenaire (Île-de-France)',
			website: 'https://seine-numerique.example',
		},
		dover: {
			name: 'Port of Dover',
			country: 'GB',
			kind: 'customer',
			sector: 'Port authority',
			website: 'https://portofdover.example',
		},
		'kent-cc': {
			name: 'Kent County Council',
			country: 'GB',
			kind: 'public_body',
			sector: 'Local government',
			website: 'https://kent-cc.example',
		},
		'kent-uni': {
			name: 'University of Kent',
			country: 'GB',
			kind: 'university',
			sector: 'Research',
			website: 'https://kent-uni.example',
		},
		'thames-bridge': {
			name: 'Thames Bridge Ventures',
			country: 'GB',
			kind: 'investor',
			sector: 'Venture capital (London)',
			website: 'https://thamesbridge.example',
		},
		'channel-link': {
			name: 'Channel Link Freight Ltd',
			country: 'GB',
			kind: 'customer',
			sector: 'Cross-Channel logistics',
			website: 'https://channellinkfreight.example',
		},
		'kent-angels': {
			name: 'Kent Angel Network',
			country: 'GB',
			kind: 'investor',
			sector: 'Business angels',
			website: 'https://kentangels.example',
		},
		'ashford-foods': {
			name: 'Ashford Foods Wholesale',
			country: 'GB',
			kind: 'distributor',
			sector: 'Food wholesale',
			website: 'https://ashfordfoods.example',
		},
	}
	const orgIds = new Map<OrgKey, number>()
	for (const [key, o] of Object.entries(orgs) as [OrgKey, (typeof orgs)[OrgKey]][]) {
		orgIds.set(key, f.createOrganisation({ ...o, name: name(o.name) }).id)
		bump(r, 'organisations')
	}

	type Touch = {
		kind: f.NewInteraction['kind']
		date: string
		summary: string
		startups?: string[]
	}
	type Intro = {
		startup: string
		purpose: f.NewIntroduction['purpose']
		status: f.NewIntroduction['status']
		introducedOn: string
		statusOn: string
		dealValueCents?: number
		dealCurrency?: 'EUR' | 'GBP'
		note?: string
	}
	type ContactSpec = {
		first: string
		last: string
		org: OrgKey
		country: 'FR' | 'GB'
		languages: string
		jobTitle: string
		lawfulBasis: 'consent' | 'legitimate_interest' | 'contract'
		consentOn?: string
		consentSource?: string
		optedOutOn?: string
		tags?: string
		touches: Touch[]
		intros?: Intro[]
	}
	const ago = (months: number) => addMonthsToDate(d.today, -months)
	const contacts: ContactSpec[] = [
		{
			first: 'Harriet',
			last: 'Collins',
			org: 'dover',
			country: 'GB',
			languages: 'en',
			jobTitle: 'Head of Innovation',
			lawfulBasis: 'legitimate_interest',
			tags: 'port,maritime',
			touches: [
				{
					kind: 'meeting',
					date: addDays(d.today, -40),
					summary: 'Visite du port de Douvres avec deux startups',
					startups: ['blue-strait', 'fretmanche'],
				},
				{
					kind: 'call',
					date: addDays(d.today, -12),
					summary: 'Point sur le pilote d’inspection de coques',
					startups: ['blue-strait'],
				},
			],
			intros: [
				{
					startup: 'blue-strait',
					purpose: 'customer',
					status: 'made',
					introducedOn: addDays(d.today, -40),
					statusOn: addDays(d.today, -40),
				},
			],
		},
		{
			first: 'Oliver',
			last: 'Grant',
			org: 'thames-bridge',
			country: 'GB',
			languages: 'en,fr',
			jobTitle: 'Partner',
			lawfulBasis: 'legitimate_interest',
			tags: 'investor,seed',
			touches: [
				{
					kind: 'trade_mission',
					date: ago(6),
					summary: 'Mission French Tech à Londres : pitchs devant des investisseurs',
					startups: ['fretmanche', 'blue-strait'],
				},
				{
					kind: 'call',
					date: ago(2),
					summary: 'Suivi du dossier de levée de Fretmanche',
					startups: ['fretmanche'],
				},
			],
			intros: [
				{
					startup: 'fretmanche',
					purpose: 'investor',
					status: 'meeting_held',
					introducedOn: ago(6),
					statusOn: ago(2),
				},
			],
		},
		{
			first: 'Priya',
			last: 'Shah',
			org: 'kent-cc',
			country: 'GB',
			languages: 'en',
			jobTitle: 'Economic Development Officer',
			lawfulBasis: 'consent',
			consentOn: ago(14),
			consentSource: 'Inscription au Business Club franco-britannique, Folkestone',
			tags: 'public,kent',
			touches: [
				{ kind: 'event', date: ago(14), summary: 'Business Club franco-britannique à Folkestone' },
				{
					kind: 'email',
					date: ago(3),
					summary: 'Programme de soutien aux entreprises françaises dans le Kent',
				},
			],
		},
		{
			first: 'Daniel',
			last: 'Hughes',
			org: 'kent-uni',
			country: 'GB',
			languages: 'en,fr',
			jobTitle: 'Knowledge Exchange Manager',
			lawfulBasis: 'legitimate_interest',
			tags: 'research',
			touches: [
				{
					kind: 'meeting',
					date: ago(1),
					summary: 'Laboratoire réseaux : tests des capteurs fibre',
					startups: ['opale-fibre'],
				},
			],
			intros: [
				{
					startup: 'opale-fibre',
					purpose: 'adviser',
					status: 'proposed',
					introducedOn: ago(1),
					statusOn: ago(1),
				},
			],
		},
		{
			first: 'Mark',
			last: 'Ellison',
			org: 'channel-link',
			country: 'GB',
			languages: 'en',
			jobTitle: 'Operations Director',
			lawfulBasis: 'contract',
			tags: 'logistics,customer',
			touches: [
				{
					kind: 'meeting',
					date: addMonthsToDate(d.fretEntered, 5),
					summary: 'Démonstration de la plateforme Fretmanche à Folkestone',
					startups: ['fretmanche'],
				},
				{
					kind: 'call',
					date: ago(1),
					summary: 'Renouvellement du contrat de pré-dédouanement',
					startups: ['fretmanche'],
				},
			],
			intros: [
				{
					startup: 'fretmanche',
					purpose: 'customer',
					status: 'deal',
					introducedOn: addMonthsToDate(d.fretEntered, 5),
					statusOn: addDays(addMonthsToDate(d.fretEntered, 9), 12),
					dealValueCents: 4_800_000,
					dealCurrency: 'GBP',
					note: 'Contrat annuel : pré-dédouanement de 120 camions par jour',
				},
			],
		},
		{
			first: 'Sarah',
			last: 'Whitmore',
			org: 'kent-angels',
			country: 'GB',
			languages: 'en',
			jobTitle: 'Investment Manager',
			lawfulBasis: 'consent',
			consentOn: ago(8),
			consentSource: 'Formulaire de la soirée de pitchs Kent Angel Network × TEKTOS',
			tags: 'investor',
			touches: [
				{
					kind: 'event',
					date: ago(8),
					summary: 'Soirée de pitchs à Canterbury',
					startups: ['blue-strait'],
				},
			],
		},
		{
			first: 'Nathalie',
			last: 'Fournier',
			org: 'ports-detroit',
			country: 'FR',
			languages: 'fr,en',
			jobTitle: 'Directrice de l’innovation',
			lawfulBasis: 'legitimate_interest',
			tags: 'port,maritime',
			touches: [
				{
					kind: 'meeting',
					date: ago(2),
					summary: 'Besoins du port en maintenance et en connectivité',
					startups: ['opale-fibre', 'fabopale'],
				},
			],
			intros: [
				{
					startup: 'opale-fibre',
					purpose: 'partner',
					status: 'meeting_held',
					introducedOn: ago(2),
					statusOn: addDays(ago(2), 15),
				},
				{
					startup: 'fabopale',
					purpose: 'customer',
					status: 'made',
					introducedOn: ago(2),
					statusOn: ago(2),
				},
			],
		},
		{
			first: 'Hervé',
			last: 'Lambert',
			org: 'transmanche',
			country: 'FR',
			languages: 'fr,en',
			jobTitle: 'Responsable achats',
			lawfulBasis: 'legitimate_interest',
			tags: 'logistics',
			touches: [
				{
					kind: 'meeting',
					date: addMonthsToDate(d.fretEntered, 7),
					summary: 'Présentation de Fretmanche aux achats',
					startups: ['fretmanche'],
				},
			],
			intros: [
				{
					startup: 'fretmanche',
					purpose: 'customer',
					status: 'no_fit',
					introducedOn: addMonthsToDate(d.fretEntered, 7),
					statusOn: addMonthsToDate(d.fretEntered, 9),
					note: 'Déjà équipé d’un outil maison',
				},
			],
		},
		{
			first: 'Céline',
			last: 'Dumont',
			org: 'credit-maritime',
			country: 'FR',
			languages: 'fr',
			jobTitle: 'Chargée d’affaires entreprises',
			lawfulBasis: 'legitimate_interest',
			tags: 'bank',
			touches: [
				{
					kind: 'call',
					date: addDays(d.today, -10),
					summary: 'Financement d’une imprimante 3D industrielle',
					startups: ['fabopale'],
				},
			],
			intros: [
				{
					startup: 'fabopale',
					purpose: 'investor',
					status: 'proposed',
					introducedOn: addDays(d.today, -10),
					statusOn: addDays(d.today, -10),
				},
			],
		},
		{
			first: 'Julie',
			last: 'Masson',
			org: 'region',
			country: 'FR',
			languages: 'fr,en',
			jobTitle: 'Chargée de mission international',
			lawfulBasis: 'legitimate_interest',
			tags: 'public',
			touches: [
				{
					kind: 'meeting',
					date: ago(4),
					summary: 'Pass Export : critères pour les sociétés britanniques',
					startups: ['blue-strait'],
				},
			],
		},
		{
			first: 'Marie',
			last: 'Vandamme',
			org: 'ulco',
			country: 'FR',
			languages: 'fr,en',
			jobTitle: 'Chargée de valorisation',
			lawfulBasis: 'legitimate_interest',
			tags: 'research',
			touches: [
				{
					kind: 'meeting',
					date: ago(1),
					summary: 'Thèse CIFRE sur la détection de pannes',
					startups: ['opale-fibre'],
				},
			],
		},
		{
			first: 'Karim',
			last: 'Haddad',
			org: 'idf-incubator',
			country: 'FR',
			languages: 'fr,en',
			jobTitle: 'Directeur',
			lawfulBasis: 'legitimate_interest',
			tags: 'incubator',
			touches: [
				{
					kind: 'call',
					date: addDays(d.today, -15),
					summary: 'Échange de dossiers entre incubateurs partenaires',
				},
			],
		},
		// not touched for more than three years: due for review or erasure
		{
			first: 'Pierre',
			last: 'Delcroix',
			org: 'initiative',
			country: 'FR',
			languages: 'fr',
			jobTitle: 'Chargé d’accompagnement',
			lawfulBasis: 'legitimate_interest',
			tags: 'honour-loan',
			touches: [
				{
					kind: 'meeting',
					date: '2020-10-05',
					summary: 'Comité prêt d’honneur Détroit Analytics',
					startups: ['detroit-analytics'],
				},
				{ kind: 'call', date: addMonthsToDate(d.today, -38), summary: 'Bilan des prêts d’honneur' },
			],
			intros: [
				{
					startup: 'detroit-analytics',
					purpose: 'investor',
					status: 'deal',
					introducedOn: '2020-10-05',
					statusOn: '2021-03-04',
					dealValueCents: 3_000_000,
					dealCurrency: 'EUR',
					note: 'Prêt d’honneur accordé',
				},
			],
		},
		// consented at a trade show, then opted out: nothing was sent afterwards
		{
			first: 'Laura',
			last: 'Bennett',
			org: 'ashford-foods',
			country: 'GB',
			languages: 'en',
			jobTitle: 'Category Buyer',
			lawfulBasis: 'consent',
			consentOn: '2021-05-10',
			consentSource: 'Salon Food Matters Live, Londres — formulaire de contact',
			optedOutOn: ago(10),
			tags: 'food,distributor',
			touches: [
				{ kind: 'event', date: '2021-05-10', summary: 'Rencontre sur le stand Hauts-de-France' },
				{
					kind: 'email',
					date: ago(11),
					summary: 'Invitation à la dégustation des produits de la mer',
				},
			],
		},
	]
	for (const [i, c] of contacts.entries()) {
		const slug = `${c.first[0]}.${c.last}`
			.toLowerCase()
			.normalize('NFD')
			.replace(/[^a-z.]/g, '')
		const domain = new URL(orgs[c.org].website ?? 'https://example.example').hostname
		const lastContactOn = c.touches.map((t) => t.date).reduce((a, b) => (a > b ? a : b))
		const contact = f.createContact({
			organisationId: orgIds.get(c.org)!,
			firstName: c.first,
			lastName: c.last,
			email: email(`${slug}@${domain}`),
			phone:
				c.country === 'GB'
					? `+44 1304 24${pad2(i)} ${pad2(k)}`
					: `+33 3 21 46 ${pad2(i)} ${pad2(k)}`,
			jobTitle: c.jobTitle,
			country: c.country,
			languages: c.languages,
			tags: c.tags ?? '',
			lawfulBasis: c.lawfulBasis,
			consentOn: c.consentOn ?? null,
			consentSource: c.consentSource ?? null,
			optedOutOn: c.optedOutOn ?? null,
			lastContactOn,
			ownerId: managerId,
		})
		bump(r, 'contacts')
		for (const t of c.touches) {
			f.createInteraction({
				contactId: contact.id,
				kind: t.kind,
				date: t.date,
				summary: t.summary,
				userId: managerId,
				startupIds: (t.startups ?? []).map((key) => startupIds.get(key)!),
			})
			bump(r, 'interactions')
		}
		for (const intro of c.intros ?? []) {
			f.createIntroduction({
				contactId: contact.id,
				startupId: startupIds.get(intro.startup)!,
				purpose: intro.purpose,
				status: intro.status,
				introducedOn: intro.introducedOn,
				statusOn: intro.statusOn,
				dealValueCents: intro.dealValueCents ?? null,
				dealCurrency: intro.dealCurrency ?? null,
				note: intro.note ?? null,
			})
			bump(r, 'introductions')
		}
	}
}

export type SeedSummary = {
	scale: number
	today: string
	counts: Record<string, number>
}

/**
 * Seeds the TEKTOS demo into the (migrated, empty) database of getDb(). `today` places the
 * startups incubated now; it must be 2025 or later, the fixed history ending in 2024.
 */
export function seedDemo({ scale = 1, today = now() }: { scale?: number; today?: Date } = {}) {
	if (!Number.isInteger(scale) || scale < 1)
		throw new Error(`scale must be a positive integer: ${scale}`)
	// the incubator's "today" is the one on the wall in Calais
	const todayIso = calendarDay(today)
	if (todayIso < '2025-01-01')
		throw new Error(`The demo story needs today >= 2025-01-01, not ${todayIso}`)
	const d = storyDates(todayIso)
	// hashed once (argon2id, before any request is served): every demo user shares the hash,
	// so a big scale stays fast
	const passwordHash = hashPasswordSync(DEMO_PASSWORD)

	return writeTransaction((): SeedSummary => {
		const counts: Record<string, number> = {}
		const subsidyByYear = new Map<number, number>()
		const projectedSubsidy = { cents: 0 }
		const [managerLogin, , , partnerLogin] = DEMO_LOGINS
		const manager = f.createUser({
			email: managerLogin.email,
			name: managerLogin.name,
			role: 'manager',
			organisation: 'TEKTOS',
			locale: 'fr',
			passwordHash,
			password: DEMO_PASSWORD,
		})
		f.createUser({
			email: partnerLogin.email,
			name: partnerLogin.name,
			role: 'partner',
			organisation: 'Cap Calaisis',
			locale: 'fr',
			passwordHash,
			password: DEMO_PASSWORD,
		})

		// GBP→EUR on the first of each month since the first sterling money came in
		for (const month of monthRange('2014-01', monthOf(todayIso))) {
			f.createExchangeRate({
				date: `${month}-01`,
				fromCurrency: 'GBP',
				toCurrency: 'EUR',
				rateMicros: gbpRateMicros(month),
			})
			counts.exchangeRates = (counts.exchangeRates ?? 0) + 1
		}

		for (let k = 1; k <= scale; k++) {
			seedReplica({
				k,
				d,
				managerId: manager.id,
				passwordHash,
				subsidyByYear,
				projectedSubsidy,
				counts,
			})
		}
		// a regional network around the replicas: thousands of contacts, busy funding histories
		if (scale > 1) seedScaleOut({ scale, today: todayIso, managerId: manager.id, counts })

		// Cap Calaisis votes the pépinière's subsidy budget each December for the next year:
		// a 10 % margin over what the schedules cost, except this year, voted too tight.
		const thisYear = yearOf(todayIso)
		for (let year = 2013; year <= thisYear; year++) {
			const committed = subsidyByYear.get(year) ?? 0
			// no lease, no subsidy to vote (only when `today` lies years after the fixed history)
			if (committed === 0 && year !== thisYear) continue
			const amountCents =
				year === thisYear
					? Math.floor(((committed + projectedSubsidy.cents) * 97) / 100 / 100_000) * 100_000
					: Math.ceil((committed * 11) / 10 / 100_000) * 100_000
			f.createSubsidyBudget({
				year,
				amountCents,
				votedOn: year === 2013 ? '2013-05-21' : `${year - 1}-12-${year % 2 === 0 ? '12' : '16'}`,
				note:
					year === thisYear
						? 'Voté au plus juste : à surveiller'
						: `Délibération du conseil communautaire pour ${year}`,
			})
			counts.subsidyBudgets = (counts.subsidyBudgets ?? 0) + 1
		}
		// calls for applications: one closed (scored, decided), one open today
		Object.assign(
			counts,
			seedCalls({ opaleEntered: d.opaleEntered, accelStart: d.accelStart, today: todayIso }),
		)
		counts.users = 4
		return { scale, today: todayIso, counts }
	})
}

/** True while nobody can sign in: the server seeds the demo into such a database. */
export function isDatabaseEmpty() {
	const row = getDb().select({ n: count() }).from(users).get()
	return (row?.n ?? 0) === 0
}

export function formatDemoLogins() {
	return [
		`Demo logins (password "${DEMO_PASSWORD}"):`,
		...DEMO_LOGINS.map((l) => `  ${l.role.padEnd(8)} ${l.email.padEnd(26)} ${l.name}`),
	].join('\n')
}

/** `--scale N` or `--scale=N`; 1 when absent. */
export function parseScaleArg(argv: readonly string[]) {
	const i = argv.findIndex((a) => a === '--scale' || a.startsWith('--scale='))
	if (i === -1) return 1
	const raw = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1]
	const scale = Number(raw)
	if (!Number.isInteger(scale) || scale < 1 || scale > 1000) {
		throw new Error(`--scale expects a whole number from 1 to 1000, got ${raw ?? 'nothing'}`)
	}
	return scale
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const { migrateDatabase } = await import('#db/migrate')
	const { getDatabasePath, isProduction } = await import('~/utils/env.server')
	if (isProduction()) {
		console.error('Refusing to seed demo data with NODE_ENV=production.')
		process.exit(1)
	}
	let scale: number
	try {
		scale = parseScaleArg(process.argv.slice(2))
	} catch (error) {
		console.error((error as Error).message)
		process.exit(1)
	}
	migrateDatabase(getDb())
	if (!isDatabaseEmpty()) {
		console.error(
			`${getDatabasePath()} already has users: the demo only goes into an empty database.\n` +
				'Run `npm run db:reset` to start again from scratch (this deletes every row).',
		)
		process.exit(1)
	}
	const started = performance.now()
	const summary = seedDemo({ scale })
	const seconds = ((performance.now() - started) / 1000).toFixed(1)
	console.log(`Seeded ${getDatabasePath()} (scale ${scale}) in ${seconds} s:`, summary.counts)
	console.log(formatDemoLogins())
}
