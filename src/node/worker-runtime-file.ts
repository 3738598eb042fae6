import { readFile } from 'node:fs/promises'
import { UserError } from '../errors.ts'

// Where `npm run build` puts the Worker runtime, seen from the bundled CLI (dist/bin.js), from
// tsc's output (dist/node/) and from the sources (src/node/).
const CANDIDATES = ['./worker-runtime.js', '../worker-runtime.js', '../../dist/worker-runtime.js']

/** The prebuilt Worker runtime's text (dist/worker-runtime.js). */
export async function readWorkerRuntime(): Promise<string> {
  for (const candidate of CANDIDATES) {
    try {
      return await readFile(new URL(candidate, import.meta.url), 'utf8')
    } catch {
      // Not built at this place: the next one.
    }
  }
  throw new UserError('the Worker runtime is not built (dist/worker-runtime.js): run npm run build')
}
