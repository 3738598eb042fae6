const SIGNALS = ['SIGINT', 'SIGTERM'] as const

/**
 * Runs `make`, then removes the SIGINT and SIGTERM listeners it added: the caller handles those
 * signals itself. (miniflare's own listeners stop workerd and exit at once, with 130 or 143.)
 */
export function withoutNewSignalHandlers<T>(make: () => T): T {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]))
  const made = make()
  for (const signal of SIGNALS) {
    const kept = before.get(signal)
    for (const listener of process.listeners(signal)) {
      if (kept?.has(listener) !== true) process.off(signal, listener)
    }
  }
  return made
}
