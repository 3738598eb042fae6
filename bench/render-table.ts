export type Table = {
  readonly head: readonly string[]
  readonly rows: readonly (readonly string[])[]
  /** Columns aligned right (numbers). */
  readonly right: ReadonlySet<number>
}

const width = (text: string): number => [...text].length

/** Columns padded to their widest cell, a rule under the head. */
export function renderText(table: Table): string {
  const widths = table.head.map((head, column) =>
    Math.max(width(head), ...table.rows.map((row) => width(row[column] ?? ''))),
  )
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const pad = ' '.repeat(Math.max(0, (widths[column] ?? 0) - width(cell)))
        return table.right.has(column) ? pad + cell : cell + pad
      })
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  return [line(table.head), rule, ...table.rows.map(line)].join('\n')
}

const markdownLine = (cells: readonly string[]): string =>
  `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`

export function renderMarkdown(table: Table): string {
  const rule = `|${table.head.map((_, column) => (table.right.has(column) ? ' ---: ' : ' --- ')).join('|')}|`
  return [markdownLine(table.head), rule, ...table.rows.map(markdownLine)].join('\n')
}
