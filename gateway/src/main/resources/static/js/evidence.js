// Evidence in the learner's own words: the highlighted answer and the per-point breakdown, shared by the learner's
// result page and the tutor screens (moderation, the bank's try-it preview).
import {el} from './dom.js';
import {locate, segments} from './highlight.js';
import {capitalise} from './question.js';

/** Numbers every marking point in scheme order, so the highlight, its number and the list line agree. */
export function describePoints(question, mark) {
  const byId = new Map((question.scheme.markingPoints || []).map((p, i) => [p.id, {...p, n: i + 1}]));
  return mark.points.map((p, i) => ({...p, n: byId.get(p.id)?.n ?? i + 1, text: byId.get(p.id)?.text || p.id,
    available: byId.get(p.id)?.marks}));
}

export function highlightedAnswer(answer, points, misconceptions) {
  const spans = [];
  for (const p of points) {
    if (p.status === 'missed') continue;
    for (const e of p.evidence || []) {
      const at = locate(answer, e);
      if (at) spans.push({...at, tag: {kind: 'point', n: p.n, end: at.end}});
    }
  }
  for (const m of misconceptions) {
    for (const e of m.evidence || []) {
      const at = locate(answer, e);
      if (at) spans.push({...at, tag: {kind: 'misconception', end: at.end}});
    }
  }
  const block = el('div', {class: 'answer-text', attrs: {'data-testid': 'highlighted-answer'}});
  let offset = 0;
  for (const seg of segments(answer, spans)) {
    offset += seg.text.length;
    if (seg.tags.length === 0) { block.append(document.createTextNode(seg.text)); continue; }
    const point = seg.tags.find((t) => t.kind === 'point');
    const wrong = seg.tags.some((t) => t.kind === 'misconception');
    const mark = el('mark', {class: point ? `ev ev-${(point.n - 1) % 6}${wrong ? ' ev-wrong' : ''}` : 'ev ev-wrong',
      dataset: point ? {point: String(point.n)} : {misconception: 'true'}}, seg.text);
    block.append(mark);
    // label the end of each span: which point it earned (or that it is a misconception)
    const ends = seg.tags.filter((t) => t.end === offset);
    for (const t of ends) {
      block.append(el('sup', {class: 'ev-ref', text: t.kind === 'point' ? String(t.n) : '!',
        attrs: {'aria-hidden': 'true'}}));
    }
  }
  return {block, shown: spans.length};
}

export function quoteList(evidence, label = 'Your words') {
  const words = (evidence || []).map((e) => e.text).filter(Boolean);
  if (!words.length) return null;
  return el('p', {class: 'your-words'}, `${label}: `,
    words.map((w, i) => [i ? ', ' : '', el('q', {text: w})]));
}

const TUTOR_FLAGS = {
  blank: 'blank', too_short: 'very short', too_long: 'very long', copied_question: 'copies the question',
  off_topic: 'off topic', not_english: 'not English', possible_gaming: 'looks like a keyword list',
  needs_review: 'needs review',
};

export function flagLabel(flag) {
  return TUTOR_FLAGS[flag] || flag.replace(/_/g, ' ');
}

const STATUS_WORDS = {hit: 'Hit', partial: 'Partly', missed: 'Missed'};

/**
 * A mark as a tutor reads it: score, confidence and flags, the answer with evidence highlighted, every marking point
 * (hit, partly, missed) with the words that earned it, misconceptions and the command-word verdict.
 * prefix keeps heading ids unique when two breakdowns share a page.
 */
export function markBreakdown({mark, scheme, answer, prefix = 'mark', headingLevel = 'h3'}) {
  const points = describePoints({scheme: scheme || {markingPoints: []}}, mark);
  const misconceptions = mark.misconceptions || [];
  const {block, shown} = highlightedAnswer(answer ?? mark.answer ?? '', points, misconceptions);
  const patterns = new Map((scheme?.misconceptions || []).map((m) => [m.id, m.pattern]));
  const verdict = mark.commandWord;
  const h = (id, text) => el(headingLevel, {id: `${prefix}-${id}`, text});
  return el('div', {class: 'breakdown', attrs: {'data-testid': 'mark-breakdown'}},
    el('p', {class: 'score'}, el('span', {class: 'score-num', attrs: {'data-testid': 'mark'}, text: String(mark.mark)}),
      ` out of ${mark.maxMarks}`,
      el('span', {class: 'muted'}, ` · confidence ${Math.round((mark.confidence ?? 0) * 100)}%`)),
    (mark.flags || []).length ? el('p', {class: 'flags'}, 'Flags: ',
      mark.flags.map((f, i) => [i ? ' ' : '', el('span', {class: 'tag flag-tag', text: flagLabel(f)})])) : null,
    h('answer', 'Answer'),
    el('p', {class: 'hint', text: shown ? 'Highlighted: the words that earned each marking point (numbered) and any misconception (!).'
      : 'No words matched a marking point.'}),
    block,
    h('points', 'Marking points'),
    points.length ? el('ol', {class: 'points breakdown-points'}, points.map((p) => el('li', {class: `point ${p.status}`, dataset: {point: String(p.n)}},
      el('span', {class: `point-n ${p.status === 'missed' ? 'missed-n' : `ev-${(p.n - 1) % 6}`}`, attrs: {'aria-hidden': 'true'}, text: String(p.n)}),
      el('div', {},
        el('p', {}, el('span', {class: `tag status-${p.status}`, text: STATUS_WORDS[p.status] || p.status}), ' ',
          el('strong', {text: p.text}), ` (${p.marks}${p.available ? ` of ${p.available}` : ''} mark${(p.available || p.marks) === 1 ? '' : 's'})`),
        quoteList(p.evidence, 'Words'))))) : el('p', {class: 'muted', text: 'Marked against a model answer (no separate marking points).'}),
    misconceptions.length ? [h('misconceptions', 'Misconceptions'), el('ul', {class: 'misconceptions'}, misconceptions.map((m) => el('li', {},
      patterns.get(m.id) ? el('p', {class: 'wrong'}, el('span', {class: 'tag wrong-tag', text: 'Mistake'}), ' ', patterns.get(m.id)) : null,
      quoteList(m.evidence, 'Words'),
      el('p', {class: 'right'}, el('span', {class: 'tag right-tag', text: 'Correction'}), ' ', m.correction))))] : null,
    verdict ? el('p', {class: `verdict-line ${verdict.met ? 'met' : 'not-met'}`},
      el('strong', {class: 'command-word', text: capitalise(verdict.word)}), ' ',
      el('span', {class: `tag ${verdict.met ? 'right-tag' : 'wrong-tag'}`, text: verdict.met ? 'Done' : 'Not yet'}), ' ', verdict.reason) : null);
}
