/**
 * The candidate nearest to `word` (case-insensitive Damerau-Levenshtein distance), or `undefined` when
 * none is close enough for a "did you mean" hint. Ties go to the closer case-sensitive spelling, then
 * to the earlier candidate.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  let bestExact = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase())
    if (distance > maxDistance(word, candidate) || distance > bestDistance) continue
    const exact = distance === 0 ? editDistance(word, candidate) : distance
    if (distance < bestDistance || exact < bestExact) {
      best = candidate
      bestDistance = distance
      bestExact = exact
    }
  }
  return best
}

// Short words tolerate one edit, longer ones about a third of their length; never a full rewrite.
function maxDistance(word: string, candidate: string): number {
  const allowed = word.length <= 3 ? 1 : Math.floor(word.length / 3)
  return Math.min(allowed, Math.max(word.length, candidate.length) - 1)
}

/** Edit distance with insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  let beforePrevious: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1)
      }
      current.push(value)
    }
    beforePrevious = previous
    previous = current
  }
  return previous[b.length] ?? 0
}
