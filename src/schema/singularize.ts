const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['people', 'person'],
  ['children', 'child'],
  ['men', 'man'],
  ['women', 'woman'],
  ['mice', 'mouse'],
  ['geese', 'goose'],
  ['movies', 'movie'],
  ['cookies', 'cookie'],
  ['series', 'series'],
  ['species', 'species'],
  ['news', 'news'],
])

/** The singular of an English resource name (`posts` -> `post`, `categories` -> `category`). */
export function singularize(plural: string): string {
  const irregular = IRREGULAR.get(plural.toLowerCase())
  if (irregular !== undefined) return plural.slice(0, 1) + irregular.slice(1)
  if (/[^aeiou]ies$/i.test(plural)) return `${plural.slice(0, -3)}y`
  if (/(?:sses|[^aeiou]uses|xes|ches|shes)$/i.test(plural)) return plural.slice(0, -2)
  if (/(?:ss|us|is)$/i.test(plural)) return plural
  if (/s$/i.test(plural)) return plural.slice(0, -1)
  return plural
}
