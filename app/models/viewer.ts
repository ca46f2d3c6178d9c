import type { Role } from '#db/schema/enums'

/** Who is asking: every model function that reads or writes scoped data takes one. */
export type Viewer = {
	id: number
	role: Role
	startupId: number | null
	mentorId: number | null
}
