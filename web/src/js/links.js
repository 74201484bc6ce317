// Links in message text, with the desktop's rules (parley.ui.MessageText): http and https only, so that a message
// can never open a file, run a script (javascript:) or carry a page (data:); trailing punctuation belongs to the
// sentence, not the link; a link without a host stays text.
const LINK = /https?:\/\/[^\s<>"]+/gi;
const TRAILING = '.,;:!?)]}\'';

/** The URL `candidate` opens, or null when it is not an http(s) URL with a host. */
function target(candidate) {
  let url;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : null;
}

/** `text` cut into runs: {text} for plain text, {text, href} for a link. Joined, the runs' texts are `text`. */
export function linkRuns(text) {
  const runs = [];
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    let end = match.index + match[0].length;
    while (end > match.index && TRAILING.includes(text[end - 1])) end--;
    const candidate = text.slice(match.index, end);
    const href = target(candidate);
    if (href === null) continue;
    if (match.index > at) runs.push({ text: text.slice(at, match.index) });
    runs.push({ text: candidate, href });
    at = end;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at) });
  return runs;
}
