import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UserError } from '../errors.ts'
import type { CliIo } from './cli-io.ts'
import { formatError } from './format-error.ts'
import { helpText } from './help-text.ts'
import { parseCliArgs } from './parse-cli-args.ts'
import { runCheck } from './run-check.ts'
import { runGenerate } from './run-generate.ts'
import { runServe } from './run-serve.ts'
import { VERSION } from './version.ts'

/** Runs one command; resolves to the exit code. `serve` resolves when the server has stopped. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCliArgs(argv)
    switch (command.command) {
      case 'help':
        ;(command.asked ? io.out : io.err)(helpText(command.topic))
        return command.asked ? 0 : 1
      case 'version':
        io.out(`${VERSION}\n`)
        return 0
      case 'serve':
        return await runServe(command.file, command.flags, io)
      case 'generate':
        return await runGenerate(command, io)
      case 'check':
        return await runCheck(command.file, io)
      case 'openapi':
      case 'types':
        throw new UserError(`${command.command} is not available in this build`)
    }
  } catch (error) {
    io.err(formatError(error))
    return 1
  }
}

/** Writes a command's output to --out, or to stdout. */
export async function emit(text: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined) {
    io.out(text)
    return
  }
  const path = resolve(io.cwd, out)
  try {
    await writeFile(path, text)
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error)
    throw new UserError(`cannot write ${out}: ${reason}`, [], { cause: error })
  }
}
