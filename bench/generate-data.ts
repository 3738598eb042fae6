// Generates the benchmark's databases with fauxrest itself and times the generation.
import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'

type SchemaObject = { [key: string]: unknown }

const isObject = (value: unknown): value is SchemaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function resourcesOf(schema: unknown): SchemaObject[] {
  const resources = isObject(schema) ? schema['resources'] : undefined
  return isObject(resources) ? Object.values(resources).filter(isObject) : []
}

/** How many records a schema describes (its plural resources' counts). */
export function recordCount(schema: unknown): number {
  return resourcesOf(schema).reduce((sum, resource) => {
    const count = resource['count']
    return sum + (typeof count === 'number' ? count : 0)
  }, 0)
}

/**
 * Writes a copy of the schema with every count multiplied by `scale` (or set to `fixed`): the
 * relationship structure stays (10 posts per user and so on, spread evenly by the generator).
 */
export async function writeScaledSchema(
  source: string,
  outFile: string,
  scale: number,
  fixed?: number,
): Promise<number> {
  const schema: unknown = JSON.parse(await readFile(source, 'utf8'))
  if (!isObject(schema)) throw new Error(`${source} is not a schema`)
  for (const resource of resourcesOf(schema)) {
    const count = resource['count']
    if (typeof count === 'number') resource['count'] = fixed ?? count * scale
  }
  // An editor hint relative to the original's folder: meaningless in the copy.
  delete schema['$schema']
  await writeFile(outFile, `${JSON.stringify(schema, null, 2)}\n`)
  return recordCount(schema)
}

/** Runs `fauxrest generate` and resolves with its wall time in ms. */
export function timeGenerate(
  projectDir: string,
  bin: string,
  schemaFile: string,
  outFile: string,
  core: number | undefined,
): Promise<number> {
  const argv = [process.execPath, bin, 'generate', schemaFile]
  const full = [...argv, '--out', outFile]
  const [command, ...args] = core === undefined ? full : ['taskset', '-c', String(core), ...full]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command ?? process.execPath, args, {
      cwd: projectDir,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let errors = ''
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')))
    child.once('error', reject)
    child.once('exit', (code) => {
      const ms = performance.now() - started
      if (code === 0) resolve(ms)
      else reject(new Error(`fauxrest generate ${schemaFile} failed (${code}):\n${errors}`))
    })
  })
}
