/**
 * The homepage's one script: the latest changes, newest first, as `/_events` sends them. Written
 * with DOM calls and `textContent` only, so no data can become markup.
 */
export const LIVE_CHANGES_SCRIPT = `(() => {
  'use strict'
  const list = document.getElementById('live-changes')
  const empty = document.getElementById('live-empty')
  if (list === null || typeof EventSource !== 'function') return
  const base = list.dataset.base || ''
  const show = (name, text, href) => {
    const item = document.createElement('li')
    const now = new Date()
    const time = document.createElement('time')
    time.dateTime = now.toISOString()
    time.textContent = now.toLocaleTimeString()
    const badge = document.createElement('span')
    badge.className = 'change ' + name
    badge.textContent = name
    const target = document.createElement(href === undefined ? 'span' : 'a')
    if (href !== undefined) target.href = href
    target.textContent = text
    item.append(time, ' ', badge, ' ', target)
    list.prepend(item)
    if (empty !== null) empty.hidden = true
    while (list.children.length > 10) list.lastElementChild.remove()
  }
  const source = new EventSource(base + '/_events')
  for (const name of ['created', 'updated', 'deleted']) {
    source.addEventListener(name, (event) => {
      const data = JSON.parse(event.data)
      const id = data.id === null ? '' : '/' + encodeURIComponent(String(data.id))
      const path = base + '/' + encodeURIComponent(data.resource) + id
      const text = path + (data.fake === true ? ' (fake)' : '')
      show(name, text, name === 'deleted' ? undefined : path)
    })
  }
  source.addEventListener('reset', (event) => show('reset', JSON.parse(event.data).reason))
})()`

/** The script's Content-Security-Policy source (a test checks it against the script). */
export const LIVE_CHANGES_HASH = "'sha256-sGmuRYcrPSaWQmJygtbAlHc4/5BEaoiE4dG7lD+VnrM='"
