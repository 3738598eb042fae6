/** Where the CLI writes, injected so tests read what a user would see. */
export type CliIo = {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** Colour and progress bars only on a terminal, never with NO_COLOR. */
  readonly color: boolean
  readonly interactive: boolean
  readonly cwd: string
  /** Resolves with the signal's name when the user asks the server to stop (SIGINT, SIGTERM). */
  readonly stopRequested: () => Promise<string>
  /** Calls `onLine` with each line typed on standard input; returns how to stop listening. */
  readonly lines?: (onLine: (line: string) => void) => () => void
}

export function processIo(): CliIo {
  const tty = process.stdout.isTTY === true
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: tty && (process.env['NO_COLOR'] ?? '') === '',
    interactive: process.stderr.isTTY === true,
    cwd: process.cwd(),
    stopRequested: () =>
      new Promise((resolve) => {
        const stop = (signal: string): void => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          resolve(signal)
        }
        process.on('SIGINT', stop)
        process.on('SIGTERM', stop)
      }),
    lines: stdinLines,
  }
}

// Started with no standard input (nohup): nothing can be typed, and that is fine.
function ignoreStdinError(): void {}

function stdinLines(onLine: (line: string) => void): () => void {
  const stdin = process.stdin
  let pending = ''
  const onData = (chunk: string): void => {
    pending += chunk
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n')) {
      onLine(pending.slice(0, end).replace(/\r$/, ''))
      pending = pending.slice(end + 1)
    }
  }
  stdin.setEncoding('utf8')
  stdin.on('data', onData)
  stdin.on('error', ignoreStdinError)
  return () => {
    stdin.off('data', onData)
    stdin.off('error', ignoreStdinError)
    stdin.pause()
  }
}
