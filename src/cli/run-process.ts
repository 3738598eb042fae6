import { processIo } from './cli-io.ts'
import { main } from './main.ts'

/** Runs the command line of this process; resolves to its exit code. */
export function runProcess(): Promise<number> {
  // A reader that stops early (`fauxrest generate s.json | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0)
    })
  }
  return main(process.argv.slice(2), processIo())
}
