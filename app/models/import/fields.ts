import {
	CURRENCIES,
	FUNDING_KINDS,
	FUNDING_STATUSES,
	LAWFUL_BASES,
	ORGANISATION_KINDS,
	STARTUP_STAGES,
	STARTUP_STATUSES,
} from '#db/schema/enums'
import { normaliseLabel } from '~/schemas/contact'

/*
 * What each importer can fill, and the column headers that name each field: French, English
 * and German words, and the documented headers of the exports people bring (LinkedIn, Google,
 * Outlook, HubSpot, Pipedrive, Salesforce, Companies House, SIRENE). Within a field the
 * headers are in order of preference: Outlook's "E-mail Address" before "E-mail 2 Address",
 * "Business Phone" before "Home Phone". Shared by the page (labels) and the server.
 */

export const IMPORT_KINDS = ['contacts', 'startups', 'funding', 'kpis'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export type FieldType =
	| 'text'
	| 'email'
	| 'phone'
	| 'date'
	| 'country'
	| 'amount'
	| 'boolean'
	| 'choice'
	| 'whole'
	| 'quarter'
	| 'list'
	| 'startup'
	| 'trigger'

export type FieldDef = {
	key: string
	type: FieldType
	/** Rows cannot be stored without it: a column, or one value for every row. */
	required?: boolean
	/** The values of a choice field, each with the labels people write for it. */
	choices?: Record<string, string[]>
	headers: string[]
}

/** "E-mail Address", "e_mail_address", " EmailAddress " → "emailaddress". */
export function headerKey(header: string) {
	return normaliseLabel(header).replace(/[^a-z0-9]/g, '')
}

const choices = <T extends string>(values: readonly T[], labels: Partial<Record<T, string[]>>) =>
	Object.fromEntries(values.map((v) => [v, labels[v] ?? []])) as Record<string, string[]>

// ---------------------------------------------------------------- contacts

const CONTACT_FIELDS: FieldDef[] = [
	{
		key: 'firstName',
		type: 'text',
		headers: [
			'first_name',
			'First Name',
			'Given Name',
			'FirstName',
			'Prénom',
			'Prenom',
			'Vorname',
			'Person - First name',
			'firstname',
		],
	},
	{
		key: 'lastName',
		type: 'text',
		headers: [
			'last_name',
			'Last Name',
			'Family Name',
			'Surname',
			'LastName',
			'Nom',
			'Nom de famille',
			'Nachname',
			'Familienname',
			'Person - Last name',
		],
	},
	{
		key: 'fullName',
		type: 'text',
		headers: [
			'Name',
			'Full Name',
			'Nom complet',
			'Person - Name',
			'Contact Name',
			'Contact',
			'Vollständiger Name',
		],
	},
	{
		key: 'email',
		type: 'email',
		headers: [
			'email',
			'Email Address',
			'E-mail Address',
			'E-mail 1 - Value',
			'Email',
			'E-mail',
			'Courriel',
			'Adresse e-mail',
			'Adresse électronique',
			'Mail',
			'E-Mail-Adresse',
			'Person - Email - Work',
			'Person - Email',
			'Work Email',
			'Email 1',
			'E-mail 2 Address',
			'Person - Email - Home',
			'Person - Email - Other',
		],
	},
	{
		key: 'phone',
		type: 'phone',
		headers: [
			'phone',
			'Phone',
			'Phone Number',
			'Business Phone',
			'Phone 1 - Value',
			'Primary Phone',
			'Téléphone',
			'Telephone',
			'Tél',
			'Tel',
			'Telefon',
			'Telefonnummer',
			'Person - Phone - Work',
			'Person - Phone',
			'Work Phone',
			'Mobile Phone',
			'Mobile',
			'Mobile Phone Number',
			'Portable',
			'Mobile',
			'Handy',
			'Person - Phone - Mobile',
			'Home Phone',
			'Company Main Phone',
		],
	},
	{
		key: 'jobTitle',
		type: 'text',
		headers: [
			'job_title',
			'Job Title',
			'Position',
			'Title',
			'Organization Title',
			'Organization 1 - Title',
			'Fonction',
			'Poste',
			'Intitulé du poste',
			'Titre',
			'Position (Job Title)',
			'Berufsbezeichnung',
			'Position',
			'Person - Job title',
		],
	},
	{
		key: 'organisation',
		type: 'text',
		headers: [
			'organisation',
			'Company',
			'Company Name',
			'Organization',
			'Organization Name',
			'Organization 1 - Name',
			'Account Name',
			'Account.Name',
			'Organisation',
			'Société',
			'Societe',
			'Entreprise',
			'Firma',
			'Unternehmen',
			'Person - Organization',
			'Associated Company',
		],
	},
	{
		key: 'organisationKind',
		type: 'choice',
		choices: choices(ORGANISATION_KINDS, {
			customer: ['client', 'kunde'],
			distributor: ['distributeur', 'händler'],
			investor: ['investisseur', 'investor'],
			public_body: ['public body', 'organisme public', 'collectivité', 'behörde'],
			university: ['université', 'école', 'universität', 'hochschule'],
			incubator: ['incubateur', 'inkubator'],
			service_provider: [
				'service provider',
				'prestataire',
				'prestataire de services',
				'dienstleister',
			],
			other: ['autre', 'andere', 'sonstige'],
		}),
		headers: [
			'organisation_kind',
			'Organisation Type',
			'Type d’organisation',
			'Type de structure',
			'Organisationstyp',
		],
	},
	{
		key: 'country',
		type: 'country',
		required: true,
		headers: [
			'country',
			'Country',
			'Pays',
			'Land',
			'Country/Region',
			'Business Country/Region',
			'Mailing Country',
			'MailingCountry',
			'Address 1 - Country',
			'Person - Postal address - Country',
			'Country Code',
			'Code pays',
			'Home Country/Region',
			'Other Country/Region',
		],
	},
	{
		key: 'languages',
		type: 'text',
		headers: ['languages', 'Languages', 'Language', 'Langues', 'Langue', 'Sprachen', 'Sprache'],
	},
	{
		key: 'tags',
		type: 'text',
		headers: [
			'tags',
			'Tags',
			'Labels',
			'Categories',
			'Étiquettes',
			'Etiquettes',
			'Person - Label',
			'Group Membership',
			'Schlagwörter',
		],
	},
	{
		key: 'notes',
		type: 'text',
		headers: [
			'notes',
			'Notes',
			'Note',
			'Description',
			'Commentaire',
			'Remarques',
			'Notizen',
			'Person - Notes',
		],
	},
	{
		key: 'lawfulBasis',
		type: 'choice',
		choices: choices(LAWFUL_BASES, {
			consent: ['consentement', 'einwilligung'],
			legitimate_interest: ['legitimate interest', 'intérêt légitime', 'berechtigtes interesse'],
			contract: ['contrat', 'vertrag'],
		}),
		headers: ['lawful_basis', 'Lawful Basis', 'Base légale', 'Base legale', 'Rechtsgrundlage'],
	},
	{
		key: 'consentOn',
		type: 'date',
		headers: ['consent_on', 'Consent Date', 'Date du consentement', 'Einwilligungsdatum'],
	},
	{
		key: 'consentSource',
		type: 'text',
		headers: [
			'consent_source',
			'Consent Source',
			'Source du consentement',
			'Herkunft der Einwilligung',
		],
	},
	{
		key: 'optedOutOn',
		type: 'date',
		headers: ['opted_out_on', 'Opted Out On', 'Opposition le', 'Date d’opposition'],
	},
	{
		key: 'lastContactOn',
		type: 'date',
		headers: [
			'last_contact_on',
			'Last Contact',
			'Dernier contact',
			'Last Activity Date',
			'Last Activity',
			'Letzter Kontakt',
			'Connected On',
			'Person - Last activity date',
		],
	},
]

// ---------------------------------------------------------------- startups

const STARTUP_FIELDS: FieldDef[] = [
	{
		key: 'name',
		type: 'text',
		required: true,
		headers: [
			'name',
			'Startup',
			'Nom',
			'Nom de la startup',
			'Company Name',
			'company_name',
			'CompanyName',
			'denominationUniteLegale',
			'Dénomination',
			'Denomination',
			'Nom commercial',
			'Name',
			'Firmenname',
			'Unternehmen',
			'Entreprise',
			'Société',
			'Company',
		],
	},
	{
		key: 'legalName',
		type: 'text',
		headers: [
			'legal_name',
			'Legal Name',
			'Raison sociale',
			'Dénomination sociale',
			'Rechtlicher Name',
			'denominationUsuelle1UniteLegale',
		],
	},
	{
		key: 'siren',
		type: 'text',
		headers: ['siren', 'SIREN', 'N° SIREN', 'Numéro SIREN', 'siren_number'],
	},
	{
		key: 'companiesHouseNumber',
		type: 'text',
		headers: [
			'companies_house_number',
			'Companies House Number',
			'company_number',
			'CompanyNumber',
			'Company Number',
			'Company Registration Number',
			'Numéro Companies House',
		],
	},
	{
		key: 'sector',
		type: 'text',
		required: true,
		headers: [
			'sector',
			'Sector',
			'Secteur',
			'Secteur d’activité',
			'Activité',
			'Industry',
			'Branche',
			'nature_of_business',
			'SICCode.SicText_1',
			'activitePrincipaleUniteLegale',
			'Code NAF',
			'NAF',
			'SIC codes',
			'Activité principale',
		],
	},
	{
		key: 'stage',
		type: 'choice',
		choices: choices(STARTUP_STAGES, {
			idea: ['idée', 'idee', 'idee'],
			prototype: ['prototyp'],
			launch: ['lancement', 'markteinführung'],
			growth: ['croissance', 'wachstum'],
			scale: ["changement d'échelle", 'scale-up', 'scale up', 'skalierung'],
		}),
		headers: ['stage', 'Stage', 'Stade', 'Étape', 'Phase', 'Maturité'],
	},
	{
		key: 'status',
		type: 'choice',
		choices: choices(STARTUP_STATUSES, {
			applicant: ['candidate', 'candidat', 'bewerber'],
			incubated: ['incubée', 'incubé', 'incubee', 'inkubiert'],
			graduated: ['sortie', 'sortie (diplômée)', 'diplômée', 'diplomee', 'absolviert'],
			left: ['partie', 'parti', 'abandon', 'ausgeschieden'],
		}),
		headers: ['status', 'Status', 'Statut', 'Programme status'],
	},
	{
		key: 'cohort',
		type: 'text',
		headers: ['cohort', 'Cohort', 'Promotion', 'Promo', 'Kohorte', 'Jahrgang'],
	},
	{
		key: 'enteredOn',
		type: 'date',
		headers: [
			'entered_on',
			'Entered On',
			'Date d’entrée',
			'Date entree',
			'Entrée',
			'Start Date',
			'Eintrittsdatum',
			'Date d’arrivée',
		],
	},
	{
		key: 'leftOn',
		type: 'date',
		headers: ['left_on', 'Left On', 'Date de sortie', 'Sortie le', 'End Date', 'Austrittsdatum'],
	},
	{
		key: 'website',
		type: 'text',
		headers: ['website', 'Website', 'Site web', 'Site internet', 'Site', 'URL', 'Webseite', 'Web'],
	},
	{
		key: 'pitchFr',
		type: 'text',
		headers: ['pitch_fr', 'Pitch FR', 'Pitch (français)', 'Pitch', 'Description', 'Présentation'],
	},
	{
		key: 'pitchEn',
		type: 'text',
		headers: ['pitch_en', 'Pitch EN', 'Pitch (English)', 'English pitch', 'Pitch (anglais)'],
	},
	{
		key: 'ukFocus',
		type: 'boolean',
		headers: ['uk_focus', 'UK Focus', 'Focus UK', 'Marché britannique', 'UK-Fokus'],
	},
	{
		key: 'targetMarkets',
		type: 'text',
		headers: ['target_markets', 'Target Markets', 'Marchés cibles', 'Zielmärkte'],
	},
]

// ---------------------------------------------------------------- funding events

const STARTUP_REF: FieldDef = {
	key: 'startup',
	type: 'startup',
	required: true,
	headers: [
		'startup',
		'Startup',
		'Start-up',
		'Entreprise',
		'Société',
		'Company',
		'Nom de la startup',
		'Unternehmen',
		'SIREN',
	],
}

const FUNDING_FIELDS: FieldDef[] = [
	STARTUP_REF,
	{
		key: 'kind',
		type: 'choice',
		required: true,
		choices: choices(FUNDING_KINDS, {
			equity_round: [
				'equity round',
				'levée de fonds',
				'levee de fonds',
				'levée',
				'round',
				'seed',
				'augmentation de capital',
				'finanzierungsrunde',
				'equity',
			],
			bank_loan: ['bank loan', 'prêt bancaire', 'pret bancaire', 'emprunt', 'bankdarlehen', 'loan'],
			honour_loan: [
				'honour loan',
				'honor loan',
				"prêt d'honneur",
				'pret d honneur',
				'ehrendarlehen',
			],
			grant: ['subvention', 'zuschuss', 'förderung'],
			innovation_fund_grant: [
				'innovation fund grant',
				'fonds innovation',
				"fonds d'appui à l'innovation",
				'fonds communautaire',
				'innovationsfonds',
			],
			regional_fund: [
				'regional fund',
				'fonds régional',
				'fonds regional',
				'région',
				'regionalfonds',
			],
			crowdfunding: ['financement participatif', 'schwarmfinanzierung'],
			other: ['autre', 'andere', 'sonstige'],
		}),
		headers: [
			'kind',
			'Type',
			'Kind',
			'Type de financement',
			'Nature',
			'Funding type',
			'Art',
			'Finanzierungsart',
		],
	},
	{
		key: 'source',
		type: 'text',
		required: true,
		headers: [
			'source',
			'Source',
			'Financeur',
			'Investisseur',
			'Funder',
			'Investor',
			'Organisme',
			'Geldgeber',
		],
	},
	{
		key: 'origin',
		type: 'choice',
		choices: {
			public: ['public', 'publique', 'öffentlich', 'oui', 'yes'],
			private: ['private', 'privé', 'prive', 'privée', 'privat', 'non', 'no'],
		},
		headers: [
			'origin',
			'Origin',
			'Public/privé',
			'Public ou privé',
			'Public',
			'Origine',
			'Herkunft',
		],
	},
	{
		key: 'amount',
		type: 'amount',
		required: true,
		headers: ['amount', 'Amount', 'Montant', 'Betrag', 'Montant (€)', 'Amount (EUR)', 'Somme'],
	},
	{
		key: 'currency',
		type: 'choice',
		choices: choices(CURRENCIES, {
			EUR: ['€', 'euro', 'euros'],
			GBP: ['£', 'pound', 'pounds', 'livre', 'livres', 'sterling'],
		}),
		headers: ['currency', 'Currency', 'Devise', 'Monnaie', 'Währung'],
	},
	{
		key: 'status',
		type: 'choice',
		choices: choices(FUNDING_STATUSES, {
			planned: ['prévu', 'prevu', 'envisagé', 'geplant'],
			applied: ['demandé', 'demande', 'déposé', 'candidature', 'beantragt'],
			secured: ['obtenu', 'accordé', 'acquis', 'signé', 'gesichert', 'bewilligt'],
			received: ['reçu', 'recu', 'versé', 'encaissé', 'erhalten'],
			declined: ['refusé', 'refuse', 'rejeté', 'abgelehnt'],
		}),
		headers: ['status', 'Status', 'Statut', 'État', 'Etat'],
	},
	{ key: 'date', type: 'date', headers: ['date', 'Date', 'Datum', 'Date de l’étape'] },
	{
		key: 'plannedOn',
		type: 'date',
		headers: ['planned_on', 'Planned On', 'Date prévue', 'Geplant am'],
	},
	{
		key: 'appliedOn',
		type: 'date',
		headers: ['applied_on', 'Applied On', 'Date de demande', 'Date de dépôt', 'Beantragt am'],
	},
	{
		key: 'securedOn',
		type: 'date',
		headers: [
			'secured_on',
			'Secured On',
			'Date d’obtention',
			'Date d’accord',
			'Gesichert am',
			'Bewilligt am',
		],
	},
	{
		key: 'receivedOn',
		type: 'date',
		headers: [
			'received_on',
			'Received On',
			'Date de versement',
			'Date de réception',
			'Erhalten am',
		],
	},
	{
		key: 'declinedOn',
		type: 'date',
		headers: ['declined_on', 'Declined On', 'Date de refus', 'Abgelehnt am'],
	},
	{
		key: 'note',
		type: 'text',
		headers: ['note', 'Note', 'Notes', 'Commentaire', 'Remarque', 'Comment', 'Bemerkung'],
	},
	{
		// the event that triggered this one: its funder (with its date or type when several
		// match), or its number from the funding export
		key: 'triggeredBy',
		type: 'trigger',
		headers: [
			'triggered_by',
			'triggered_by_id',
			'Triggered by',
			'Déclenché par',
			'Déclenché par (N°)',
			'Triggered by (No.)',
			'Déclencheur',
			'Effet de levier de',
			'Ausgelöst durch',
		],
	},
]

// ---------------------------------------------------------------- KPI reports

const KPI_FIELDS: FieldDef[] = [
	STARTUP_REF,
	{
		key: 'quarter',
		type: 'quarter',
		required: true,
		headers: ['quarter', 'Quarter', 'Trimestre', 'Quartal', 'Période', 'Period'],
	},
	{
		key: 'employees',
		type: 'whole',
		required: true,
		headers: [
			'employees',
			'Employees',
			'Salariés',
			'Effectif',
			'Emplois',
			'Jobs',
			'Headcount',
			'Mitarbeiter',
			'ETP',
		],
	},
	{
		key: 'revenue',
		type: 'amount',
		required: true,
		headers: ['revenue', 'Revenue', 'Chiffre d’affaires', 'CA', 'Turnover', 'Umsatz'],
	},
	{
		key: 'ukCustomers',
		type: 'whole',
		headers: ['uk_customers', 'UK Customers', 'Clients britanniques', 'Clients UK', 'UK-Kunden'],
	},
	{
		key: 'comment',
		type: 'text',
		headers: ['comment', 'Comment', 'Commentaire', 'Notes', 'Kommentar'],
	},
]

export const IMPORT_FIELDS: Record<ImportKind, FieldDef[]> = {
	contacts: CONTACT_FIELDS,
	startups: STARTUP_FIELDS,
	funding: FUNDING_FIELDS,
	kpis: KPI_FIELDS,
}

/** Normalised labels of a choice field → its value. */
export function choiceLookup(field: FieldDef) {
	const map = new Map<string, string>()
	for (const [value, labels] of Object.entries(field.choices ?? {})) {
		map.set(headerKey(value), value)
		for (const label of labels) map.set(headerKey(label), value)
	}
	return map
}
