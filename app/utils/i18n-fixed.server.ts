/**
 * The translator for one language lives in app/utils/i18n.ts now, since the browser tab's title
 * needs it in the browser too; this module stays for the server code that imports it from here.
 */
export { fixedT } from './i18n'
