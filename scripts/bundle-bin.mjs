// The command-line entry as one file, with the packages it needs to serve: loading fauxrest's own
// ~130 small modules one by one took about a third of the time to the first answer (Node 20 keeps
// no compile cache), and resolving and loading hono's, faker's and the rest's ~100 files took a
// fifth of what was left (measured on the JSONPlaceholder db: 0.80x the CPU time to the first
// answer). Packages loaded only on demand (an OpenAPI document's parsers) or read as files (the
// docs page's assets) stay external. dist/index.js and the other modules tsc emits remain the
// programmatic API, importing the packages as usual.
import { build } from 'esbuild'
import { parseArgs } from 'node:util'
import { buildWorkerRuntime } from './worker-runtime.mjs'

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } })

await build({
  entryPoints: ['src/bin.ts'],
  outfile: `${values.outdir}/bin.js`,
  bundle: true,
  external: [
    '@cfworker/json-schema',
    '@readme/openapi-parser',
    '@scalar/openapi-upgrader',
    'swagger-ui-dist',
    'yaml',
  ],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
})

// The Worker runtime `fauxrest worker` writes out (esbuild is a dev dependency: built here).
await buildWorkerRuntime(`${values.outdir}/worker-runtime.js`)
