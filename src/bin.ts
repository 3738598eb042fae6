#!/usr/bin/env node
import { processIo } from './cli/cli-io.ts'
import { main } from './cli/main.ts'

// A reader that stops early (`fauxrest generate s.json | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
  })
}

process.exitCode = await main(process.argv.slice(2), processIo())
