import type { CliIo } from './cli-io.ts'
import { formatError } from './format-error.ts'
import { helpText } from './help-text.ts'
import { parseCliArgs } from './parse-cli-args.ts'
import { runServe } from './run-serve.ts'
import { VERSION } from './version.ts'

/**
 * Runs one command; resolves to the exit code. `serve` resolves when the server has stopped. The
 * other commands' modules load when they run, so a server's start compiles and runs none of them.
 */
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
        return await (await import('./run-generate.ts')).runGenerate(command, io)
      case 'check':
        return await (await import('./run-check.ts')).runCheck(command, io)
      case 'openapi':
        return await (await import('./run-openapi.ts')).runOpenApi(command, io)
      case 'types':
        return await (await import('./run-types.ts')).runTypes(command, io)
      case 'import':
        return await (await import('./run-import.ts')).runImport(command, io)
      case 'infer':
        return await (await import('./run-infer.ts')).runInfer(command, io)
      case 'worker':
        return await (await import('./run-worker.ts')).runWorker(command, io)
    }
  } catch (error) {
    io.err(formatError(error))
    return 1
  }
}
