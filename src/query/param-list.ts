/** The values of a repeatable, comma-separated parameter (`_embed=a,b&_embed=c`), trimmed, without blanks or repeats. */
export function paramList(params: URLSearchParams, name: string): string[] {
  const names = params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '')
  return [...new Set(names)]
}
