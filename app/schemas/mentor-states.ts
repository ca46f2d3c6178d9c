/**
 * The directory shows active mentors unless asked for the deactivated ones or all. Apart from
 * mentor.ts (zod) so that the directory page does not ship zod for a list of three words.
 */
export const MENTOR_STATES = ['active', 'inactive', 'all'] as const
