import { styleText } from 'node:util'

export type Paint = (style: 'bold' | 'dim' | 'cyan' | 'green' | 'red', text: string) => string

export function createPaint(color: boolean): Paint {
  return color ? (style, text) => styleText(style, text) : (_style, text) => text
}

/** Left-aligned columns (numbers right-aligned), two spaces apart, indented by two. */
export function renderTable(rows: readonly (readonly string[])[], paint: Paint): string {
  const widths: number[] = []
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  return rows
    .map((row, index) => {
      const cells = row.map((cell, i) => {
        const width = widths[i] ?? 0
        const padded = /^\d+$/.test(cell) ? cell.padStart(width) : cell.padEnd(width)
        return i === row.length - 1 ? padded.trimEnd() : padded
      })
      const line = `  ${cells.join('  ')}`
      return index === 0 ? paint('dim', line) : line
    })
    .join('\n')
}
