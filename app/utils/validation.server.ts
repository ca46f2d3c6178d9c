/*
 * zod and the schemas as a route's loader or action uses them. A route module that imported
 * zod (or a schema, or @conform-to/zod) itself would send it to the browser with the page,
 * even for code the browser never runs: Remix leaves a `.server` module out of the browser
 * build entirely (decision 0032). A form that validates in the browser imports its schema
 * directly, in a part of the page that loads after it (components/lazy.tsx).
 */
export { parseWithZod } from '@conform-to/zod'
export { z } from 'zod'
export { LoginSchema } from '~/schemas/auth'
export { IssueMonthSchema, MonthSchema } from '~/schemas/nursery'
export { StatusChangeSchema, TeamMemberSchema } from '~/schemas/startup'
