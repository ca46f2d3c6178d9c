import { useTranslation } from 'react-i18next'

/** "2025-Q3" as people say it: "T3 2025" in French, "Q3 2025" in English. */
export function useQuarterLabel() {
	const { t } = useTranslation('funding')
	return (quarter: string) =>
		t('kpi.quarterLabel', { year: quarter.slice(0, 4), n: quarter.slice(6) })
}
