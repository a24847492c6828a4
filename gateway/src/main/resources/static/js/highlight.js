// Turns evidence offsets (UTF-16 character offsets into the learner's own text, as Java and JS count them)
// into a run of plain and highlighted segments.

/** The span as it sits in the text; falls back to finding the quoted words if the offsets do not line up. */
export function locate(text, evidence) {
  const {start, end} = evidence;
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end
      && (!evidence.text || text.slice(start, end) === evidence.text)) {
    return {start, end};
  }
  if (evidence.text) {
    const at = text.toLowerCase().indexOf(evidence.text.toLowerCase());
    if (at >= 0) return {start: at, end: at + evidence.text.length};
  }
  return null;
}

/**
 * spans: [{start, end, tag}] (tag: anything the caller uses to style/label a span).
 * Returns [{text, tags: [...]}] covering the whole text in order; tags is empty for plain text.
 */
export function segments(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i];
    const to = points[i + 1];
    if (from === to) continue;
    const tags = spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.tag);
    const last = out[out.length - 1];
    if (last && last.tags.length === 0 && tags.length === 0) last.text += text.slice(from, to);
    else out.push({text: text.slice(from, to), tags});
  }
  return out;
}

export function countWords(text) {
  const words = text.trim().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}
