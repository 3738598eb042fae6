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
  }
}
