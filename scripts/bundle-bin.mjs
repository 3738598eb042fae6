// The command-line entry as one file, with the packages it needs to serve: loading fauxrest's own
// ~130 small modules one by one took about a third of the time to the first answer (Node 20 keeps
// no compile cache), and resolving and loading hono's, faker's and the rest's ~100 files took a
// fifth of what was left (measured on the JSONPlaceholder db: 0.80x the CPU time to the first
// answer). Minified, it compiles in 0.89x the CPU time of the readable bundle (963 kB instead of
// 1.4 MB; faker's English data is 434 kB of it); the source map keeps stack traces readable.
// Only the packages every start loads are bundled; the rest (an OpenAPI document's
// parsers, loaded on demand; the docs page's assets, read as files; optional peers) stay external.
// dist/index.js and the other modules tsc emits remain the programmatic API, importing the
// packages as usual.
import { build } from 'esbuild'
import { parseArgs } from 'node:util'
import { buildWorkerRuntime } from './worker-runtime.mjs'

const BUNDLED = new Set([
  '@faker-js/faker',
  '@hono/node-server',
  'bcryptjs',
  'hono',
  'lowdb',
  're2js',
  'steno',
])

/** Leaves every bare import external but those of the packages named. */
function bundleOnly(packages) {
  return {
    name: 'bundle-only',
    setup(context) {
      context.onResolve({ filter: /^[^./]/ }, ({ path }) => {
        const parts = path.split('/')
        const name = path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
        return packages.has(name) ? undefined : { path, external: true }
      })
    },
  }
}

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } })

await build({
  entryPoints: ['src/bin.ts'],
  outfile: `${values.outdir}/bin.js`,
  bundle: true,
  plugins: [bundleOnly(BUNDLED)],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
})

// The Worker runtime `fauxrest worker` writes out (esbuild is a dev dependency: built here).
await buildWorkerRuntime(`${values.outdir}/worker-runtime.js`)
