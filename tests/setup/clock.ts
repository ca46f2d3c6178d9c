/**
 * The instant every test lives at (app/utils/clock.ts reads it from TEKTOS_CLOCK): the unit suite,
 * the demo the browser journeys run against and the server they talk to. Nothing a test asserts
 * may depend on the machine's own date.
 */
export const TEST_CLOCK = '2026-11-29T10:00:00Z'
