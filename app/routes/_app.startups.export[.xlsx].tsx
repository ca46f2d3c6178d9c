import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseStartupListParams } from '~/models/startup-list-params.server'
import { listStartupsForExport } from '~/models/startup.server'
import { requireUser } from '~/utils/auth.server'
import { today } from '~/utils/clock'
import { forbidden } from '~/utils/http.server'
import { i18nServer } from '~/utils/i18n.server'
import { toXlsx, xlsxResponse } from '~/utils/spreadsheet.server'

/** The current view of the portfolio as an Excel file: the same rows as the CSV, labels in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	if (user.role === 'founder') throw forbidden('read:startup:any')
	const { filters, sort, dir } = parseStartupListParams(new URL(request.url))
	const rows = listStartupsForExport({ viewer: user, filters, sort, dir })
	const t = await i18nServer.getFixedT(request, ['import', 'common', 'startups'])
	const body = await toXlsx(
		rows,
		[
			{ header: t('import:fields.name'), value: (r) => r.name },
			{ header: t('import:fields.cohort'), value: (r) => r.cohortName },
			{ header: t('import:fields.status'), value: (r) => t(`common:statuses.${r.status}`) },
			{ header: t('import:fields.stage'), value: (r) => t(`common:stages.${r.stage}`) },
			{ header: t('import:fields.sector'), value: (r) => r.sector },
			{
				header: t('import:fields.ukFocus'),
				value: (r) => (r.ukFocus ? t('common:common.yes') : t('common:common.no')),
			},
			{ header: t('import:fields.siren'), value: (r) => r.siren },
			{ header: t('import:fields.companiesHouseNumber'), value: (r) => r.companiesHouseNumber },
			{ header: t('import:fields.enteredOn'), value: (r) => r.enteredOn, type: 'date' },
			{ header: t('import:fields.leftOn'), value: (r) => r.leftOn, type: 'date' },
			{
				header: t('import:export.monthsInNursery'),
				value: (r) => r.monthsInNursery,
				type: 'number',
			},
			{
				header: t('import:export.fundsSecured'),
				value: (r) => r.fundsSecuredEurCents,
				type: 'money',
			},
		],
		{ sheetName: t('common:nav.startups') },
	)
	return xlsxResponse(`tektos-startups-${today()}.xlsx`, body)
}
