const SAFE = Symbol('safe html')

/** Markup that is already escaped; anything else interpolated into `markup` is escaped. */
export type SafeHtml = { readonly [SAFE]: true; readonly text: string }

type Interpolation = SafeHtml | string | number | readonly SafeHtml[]

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

/** Markup written by this program, trusted as is. */
export function raw(text: string): SafeHtml {
  return { [SAFE]: true, text }
}

function isSafe(value: Interpolation): value is SafeHtml {
  return typeof value === 'object' && !Array.isArray(value) && SAFE in value
}

function render(value: Interpolation): string {
  if (typeof value === 'string') return escapeHtml(value)
  if (typeof value === 'number') return escapeHtml(String(value))
  if (isSafe(value)) return value.text
  return value.map((item) => item.text).join('')
}

/** A template tag that escapes every interpolated string and number. */
export function markup(
  strings: TemplateStringsArray,
  ...values: readonly Interpolation[]
): SafeHtml {
  let text = strings[0] ?? ''
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? '')
  })
  return raw(text)
}
