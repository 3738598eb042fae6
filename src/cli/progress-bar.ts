const WIDTH = 30

/** A one-line progress bar on a terminal, redrawn in place and cleared when done. */
export function progressBar(write: (text: string) => void): (done: number, total: number) => void {
  let shown = -1
  return (done, total) => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total)
    const percent = Math.floor(ratio * 100)
    if (percent === shown) return
    shown = percent
    const filled = Math.round(ratio * WIDTH)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`
    const label = `generating ${bar} ${String(percent).padStart(3)}%  ${done}/${total} records`
    write(done >= total ? `\r${' '.repeat(label.length)}\r` : `\r${label}`)
  }
}
