/**
 * Mentoring hours on the report (issue 13, item 3), in a world built here whose session lengths
 * do not fall on tenths of an hour: the page writes exact hours and minutes, the CSV exact
 * minutes, and in both the rows add up to the total as written.
 */
import i18next from 'i18next'
import {
	createAssignment,
	createMentor,
	createMentoringSession,
	createStartup,
	createUser,
} from '#tests/factories'
import { dataOf, get, loaderArgs, sessionCookie } from '#tests/request'
import { parseCsv } from '~/utils/csv.server'
import { serverI18nConfig as i18nConfig } from '~/utils/i18n-resources.server'
import { loader as reportCsvLoader } from '~/routes/_app.reports.export.$section'
import { loader as recordsLoader } from '~/routes/_app.reports.records'
import { getReport } from './index.server'
import { parseReportPeriod } from './period'

const startup = createStartup({ name: 'Dunes Energy', enteredOn: '2024-01-01' })
const sessions = [
	['SNCF Développement', '2025-01-10', 100],
	['Vivendi', '2025-01-20', 100],
	['ULCO', '2025-02-05', 100],
	['CCI Côte d’Opale', '2025-03-03', 375],
	['CCI Côte d’Opale', '2025-03-17', 45],
] as const
const mentors = new Map<string, number>()
for (const [organisation, date, minutes] of sessions) {
	if (!mentors.has(organisation)) {
		const mentor = createMentor({ organisation })
		mentors.set(
			organisation,
			createAssignment({ mentorId: mentor.id, startupId: startup.id, startDate: '2024-01-01' }).id,
		)
	}
	createMentoringSession({ assignmentId: mentors.get(organisation)!, date, minutes })
}
const TOTAL = 100 * 3 + 375 + 45

const period = parseReportPeriod(new URLSearchParams('year=2025'), '2026-11-29')
const report = getReport(period).mentoring

/** "6 h 15", "6h 15m", "45 min", "45m", "5 h", "5h" back to minutes */
function minutesOf(text: string) {
	const m = /^(?:([\d\s\u00a0\u202f,]+)\s?h)?\s?(?:(\d+)\s?(?:min|m)?)?$/.exec(text.trim())
	if (!m) throw new Error(`not a duration: ${text}`)
	const hours = m[1] ? Number(m[1].replace(/[^\d]/g, '')) : 0
	return hours * 60 + (m[2] ? Number(m[2]) : 0)
}

test.each(['fr', 'en'])(
	'the hours written on the page add up to the total written (%s)',
	async (lng) => {
		const { formatDuration } = await import('./duration')
		const i18n = i18next.createInstance()
		await i18n.init({ ...i18nConfig, lng })
		const write = (minutes: number) => formatDuration(minutes, i18n.t, lng)
		const rows = report.byOrganisation.map((o) => write(o.minutes))
		const total = write(report.totalMinutes)
		expect(rows.map(minutesOf).reduce((a, b) => a + b, 0)).toBe(minutesOf(total))
		expect(minutesOf(total)).toBe(TOTAL)
		// exact, never tenths of an hour
		expect(rows).toContain(lng === 'fr' ? '7\u00a0h' : '7h')
		expect(rows).toContain(lng === 'fr' ? '1\u00a0h\u00a040' : '1h 40m')
		expect(write(45)).toBe(lng === 'fr' ? '45\u00a0min' : '45m')
		expect(write(375)).toBe(lng === 'fr' ? '6\u00a0h\u00a015' : '6h 15m')
		const months = report.byMonth.map((m) => minutesOf(write(m.minutes)))
		expect(months.reduce((a, b) => a + b, 0)).toBe(TOTAL)
	},
)

test('the CSV gives exact minutes, rows adding up to the total line', async () => {
	const cookie = await sessionCookie(createUser({ role: 'partner' }).id)
	const res = (await reportCsvLoader(
		loaderArgs(get('/reports/export/mentoring.csv?year=2025', cookie), {
			params: { section: 'mentoring.csv' },
		}),
	)) as Response
	const { rows } = parseCsv(await res.text())
	for (const table of ['by_organisation', 'by_month']) {
		const lines = rows.filter((r) => r.table === table && r.measure === 'minutes')
		const total = lines.find((r) => r.category === 'total')
		expect(total?.value, table).toBe(String(TOTAL))
		const sum = lines.filter((r) => r.category !== 'total').reduce((s, r) => s + Number(r.value), 0)
		expect(sum, table).toBe(TOTAL)
		expect(
			lines.every((r) => /^\d+$/.test(r.value!)),
			table,
		).toBe(true)
	}
	// the records behind a row add up to it
	const records = dataOf(
		await recordsLoader(
			loaderArgs(
				get(
					`/reports/records?year=2025&metric=mentoring.organisation&key=${encodeURIComponent('CCI Côte d’Opale')}`,
					cookie,
				),
			),
		),
	)
	expect(records.records.rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBe(420)
})
