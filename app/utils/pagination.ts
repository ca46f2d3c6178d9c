/**
 * The page sizes a list offers. Apart from list-params.ts (which reads them with zod) so that a
 * list's browser code does not ship zod for one constant.
 */
export const PER_PAGE_OPTIONS = [25, 50, 100] as const
