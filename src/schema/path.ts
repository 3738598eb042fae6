const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/

/** `base.key`, or `base["odd key"]` when the key would be ambiguous in a dotted path. */
export function childPath(base: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${base}[${JSON.stringify(key)}]`
  return base === '' ? key : `${base}.${key}`
}

export function indexPath(base: string, index: number): string {
  return `${base}[${index}]`
}
