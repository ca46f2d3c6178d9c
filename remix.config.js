// BUILD_DIR lets several builds live side by side (e.g. two engineers trying pages at once);
// the default is the usual build/ and public/build/.
const out = process.env.BUILD_DIR || 'build'

/** @type {import('@remix-run/dev').AppConfig} */
export default {
	ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
	serverModuleFormat: 'esm',
	serverPlatform: 'node',
	serverBuildPath: `${out}/index.js`,
	assetsBuildDirectory: `public/${out}`,
	publicPath: `/${out}/`,
	future: {
		v3_fetcherPersist: true,
		v3_relativeSplatPath: true,
		v3_throwAbortReason: true,
		v3_singleFetch: true,
		v3_lazyRouteDiscovery: true,
	},
}
