import type { Context } from 'hono'

// V8 fixes the size of a class's objects at its seventh instance, from the object layouts still
// alive at that moment. If a full GC runs between a server's first requests while none of them is
// alive (a quiet start, or a large answer among the first ones), Hono's Context and Node's
// ServerResponse and Socket are sized with no in-object fields, and every later request builds
// them as dictionary-mode objects: small reads measured 2-3x slower for the life of the process.
// Holding the latest request's Context (and through it its request, response and socket) keeps
// one complete layout alive at every GC. It costs one store per request and one answer's memory.
const held: { context?: Context } = {}

export function keepLatest(c: Context): void {
  held.context = c
}
