import { useFormat } from '~/utils/use-format'

/** "2025-Q3" as people say it: "T3 2025" in French, "Q3 2025" in English. */
export function useQuarterLabel() {
	return useFormat().quarter
}
