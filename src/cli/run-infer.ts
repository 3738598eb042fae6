import { basename, extname, resolve } from 'node:path'
import { UserError } from '../errors.ts'
import { envelopeKey, inferSchema } from '../infer/infer-schema.ts'
import { parseJsonText } from '../json-text.ts'
import { parseSchema } from '../schema/parse-schema.ts'
import { readUserFile } from '../node/read-user-file.ts'
import type { CliIo } from './cli-io.ts'
import { emit } from './emit.ts'

type InferCommand = {
  readonly file: string
  readonly out: string | undefined
  readonly name: string | undefined
}

/** Writes a schema inferred from sample JSON; it always passes `fauxrest check`. */
export async function runInfer(command: InferCommand, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, command.file)
  const text = (await readUserFile(path, command.file)).toString('utf8')
  const sample = parseJsonText(text, command.file)
  // A response names its resource after the file (users.json -> users) unless --name says.
  const name = command.name ?? basename(command.file, extname(command.file))
  // Inference picks methods by what they return: it samples faker from the start.
  const { createFakerCatalog } = await import('../generate/faker-catalog.ts')
  const catalog = createFakerCatalog()
  let document
  try {
    document = inferSchema(sample, name, catalog)
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${command.file}: ${error.message}`)
    throw error
  }
  const checked = parseSchema(document, catalog)
  if (!checked.ok) {
    throw new UserError(`${command.file}: the inferred schema does not check`, checked.issues)
  }
  const envelope = envelopeKey(sample)
  if (envelope !== undefined) {
    io.err(`fauxrest: ${command.file} is a wrapped list: inferred ${name} from its "${envelope}"\n`)
  }
  await emit(`${JSON.stringify(document, null, 2)}\n`, command.out, io)
  if (command.out !== undefined) {
    const resources = [...checked.schema.resources.values()].map((resource) =>
      resource.singular ? resource.name : `${resource.name} ${resource.count}`,
    )
    io.err(`fauxrest: wrote ${command.out}: ${resources.join(', ')}\n`)
  }
  return 0
}
