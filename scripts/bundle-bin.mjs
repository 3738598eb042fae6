// The command-line entry as one file: loading fauxrest's own ~130 small modules one by one took
// about a third of the time to the first answer (Node 20 keeps no compile cache). Packages stay
// external; dist/index.js and the other modules tsc emits remain the programmatic API.
import { build } from 'esbuild'
import { parseArgs } from 'node:util'
import { buildWorkerRuntime } from './worker-runtime.mjs'

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } })

await build({
  entryPoints: ['src/bin.ts'],
  outfile: `${values.outdir}/bin.js`,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
})

// The Worker runtime `fauxrest worker` writes out (esbuild is a dev dependency: built here).
await buildWorkerRuntime(`${values.outdir}/worker-runtime.js`)
