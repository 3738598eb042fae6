import type { CliIo } from './cli-io.ts'
import { formatError } from './format-error.ts'
import { helpText } from './help-text.ts'
import { parseCliArgs } from './parse-cli-args.ts'
import { runCheck } from './run-check.ts'
import { runGenerate } from './run-generate.ts'
import { runImport } from './run-import.ts'
import { runInfer } from './run-infer.ts'
import { runOpenApi } from './run-openapi.ts'
import { runServe } from './run-serve.ts'
import { runTypes } from './run-types.ts'
import { runWorker } from './run-worker.ts'
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
        return await runServe(command, io)
      case 'generate':
        return await runGenerate(command, io)
      case 'check':
        return await runCheck(command, io)
      case 'openapi':
        return await runOpenApi(command, io)
      case 'types':
        return await runTypes(command, io)
      case 'import':
        return await runImport(command, io)
      case 'infer':
        return await runInfer(command, io)
      case 'worker':
        return await runWorker(command, io)
    }
  } catch (error) {
    io.err(formatError(error))
    return 1
  }
}
