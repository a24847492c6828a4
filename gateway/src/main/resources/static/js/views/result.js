// The point of the product: what earned marks (in the learner's own words), what to add, what was wrong.
import {el, replace, percent} from '../dom.js';
import {masteryOf} from '../api.js';
import {learnerId} from '../learner.js';
import {describePoints, highlightedAnswer, quoteList} from '../evidence.js';
import {capitalise, stemWithCommandWord} from '../question.js';
import {statusLabel} from '../mastery.js';

const FLAGS = {
  blank: 'No answer was given.',
  too_short: 'Your answer is very short for the marks available: develop each point.',
  too_long: 'Your answer is very long: examiners reward clear, focused points.',
  copied_question: 'Your answer mostly repeats the question: add your own points.',
  off_topic: 'Your answer seems to be about something else: check what the question asks.',
  not_english: 'Your answer does not look like English, so it could not be marked reliably.',
  possible_gaming: 'Your answer looks like a list of key words: write full sentences that explain them.',
  needs_review: 'A tutor may look at this mark.',
};

function feedbackFor(point, lines, used) {
  const needle = point.text.toLowerCase();
  const at = lines.findIndex((l, i) => !used.has(i) && l.toLowerCase().includes(needle));
  if (at < 0) return null;
  used.add(at);
  return lines[at];
}

/**
 * question: the bank's question (scheme with marking point texts and misconception patterns); actions: the buttons
 * at the end (next question, ...); masteryBefore: mastery when the answer was sent, to show how it moved.
 */
export function renderResult(ctx, {unit, question, mark, answer, crumbs, masteryBefore, actions, before = []}) {
  const points = describePoints(question, mark);
  const credited = points.filter((p) => p.status !== 'missed');
  const missed = points.filter((p) => p.status === 'missed');
  const schemeMisconceptions = new Map((question.scheme.misconceptions || []).map((m) => [m.id, m]));
  const misconceptions = mark.misconceptions || [];
  const feedback = mark.feedback || [];
  const used = new Set();
  const missedWithHints = missed.map((p) => ({...p, hint: feedbackFor(p, feedback, used)}));
  // misconception corrections are shown with the misconception; do not repeat them as loose feedback
  const corrections = misconceptions.map((m) => m.correction).filter(Boolean);
  const otherFeedback = feedback.filter((l, i) => !used.has(i) && !corrections.some((c) => l.includes(c)));
  const {block: answerBlock, shown} = answer ? highlightedAnswer(answer, points, misconceptions) : {block: null, shown: 0};
  const verdict = mark.commandWord;

  const masteryBox = el('div', {class: 'mastery-change', attrs: {'aria-live': 'polite'}});

  replace(ctx.main, crumbs, before,
    el('h1', {text: 'Your mark'}),
    el('section', {class: 'card score-card', attrs: {'aria-label': 'Mark'}},
      el('p', {class: 'score'}, el('span', {class: 'score-num', attrs: {'data-testid': 'mark'}, text: String(mark.mark)}),
        ` out of ${mark.maxMarks} mark${mark.maxMarks === 1 ? '' : 's'}`),
      el('p', {class: 'muted'}, stemWithCommandWord(question.scheme.stem, question.scheme.commandWord)),
      (mark.flags || []).map((f) => el('p', {class: 'alert', text: FLAGS[f] || f})),
      masteryBox),
    verdict ? el('section', {class: `card verdict ${verdict.met ? 'met' : 'not-met'}`, attrs: {'aria-labelledby': 'verdict-heading'}},
      el('h2', {id: 'verdict-heading'}, 'Command word: ', el('strong', {class: 'command-word', text: capitalise(verdict.word)})),
      el('p', {}, el('span', {class: `tag ${verdict.met ? 'right-tag' : 'wrong-tag'}`, text: verdict.met ? 'Done' : 'Not yet'}), ' ', verdict.reason)) : null,
    answerBlock ? el('section', {class: 'card', attrs: {'aria-labelledby': 'answer-heading'}},
      el('h2', {id: 'answer-heading', text: 'Your answer'}),
      el('p', {class: 'hint', text: shown ? 'Highlighted: the words that earned marks (numbered by marking point) and any misconception (!).' : 'No words in your answer matched a marking point.'}),
      answerBlock) : null,
    credited.length ? el('section', {class: 'card', attrs: {'aria-labelledby': 'hit-heading'}},
      el('h2', {id: 'hit-heading', text: 'Marking points you hit'}),
      el('ol', {class: 'points hit'}, credited.map((p) => el('li', {class: `point ${p.status}`, dataset: {point: String(p.n)}},
        el('span', {class: `point-n ev-${(p.n - 1) % 6}`, attrs: {'aria-hidden': 'true'}, text: String(p.n)}),
        el('div', {},
          el('p', {}, el('strong', {text: p.text}), ` (+${p.marks} mark${p.marks === 1 ? '' : 's'}${p.status === 'partial' ? ', partly' : ''})`),
          quoteList(p.evidence)))))) : null,
    missedWithHints.length ? el('section', {class: 'card', attrs: {'aria-labelledby': 'missed-heading'}},
      el('h2', {id: 'missed-heading', text: 'What to add next time'}),
      el('ul', {class: 'points missed'}, missedWithHints.map((p) => el('li', {class: 'point missed'},
        el('p', {}, el('strong', {text: p.text}), p.available ? ` (${p.available} mark${p.available === 1 ? '' : 's'})` : ''),
        p.hint ? el('p', {class: 'hint-line', text: p.hint}) : null)))) : null,
    misconceptions.length ? el('section', {class: 'card', attrs: {'aria-labelledby': 'misc-heading'}},
      el('h2', {id: 'misc-heading', text: 'Misconception spotted'}),
      el('ul', {class: 'misconceptions'}, misconceptions.map((m) => el('li', {},
        schemeMisconceptions.get(m.id) ? el('p', {class: 'wrong'}, el('span', {class: 'tag wrong-tag', text: 'Mistake'}), ' ', schemeMisconceptions.get(m.id).pattern) : null,
        quoteList(m.evidence),
        el('p', {class: 'right'}, el('span', {class: 'tag right-tag', text: 'Correction'}), ' ', m.correction))))) : null,
    otherFeedback.length ? el('section', {class: 'card', attrs: {'aria-labelledby': 'fb-heading'}},
      el('h2', {id: 'fb-heading', text: 'Feedback'}), el('ul', {}, otherFeedback.map((f) => el('li', {text: f})))) : null,
    el('div', {class: 'actions'}, actions,
      el('a', {class: 'button secondary', href: `#/units/${encodeURIComponent(unit.id)}`, text: `Back to ${unit.code}`})));
  ctx.ready(`Your mark: ${mark.mark} out of ${mark.maxMarks}`);
  showMasteryChange(ctx, masteryBox, unit, question, masteryBefore);
}

/** Mastery moves when progress-service has consumed the mark event; wait briefly for it, then show the change. */
async function showMasteryChange(ctx, box, unit, question, before) {
  const outcomes = question.learningOutcomes || [];
  if (!learnerId() || outcomes.length === 0) return;
  const grew = (after) => outcomes.some((o) => (after.get(o)?.evidence || 0) > (before?.get(o)?.evidence || 0));
  let after = new Map();
  for (let attempt = 0; attempt < 25 && !ctx.signal.aborted; attempt++) {
    after = await masteryOf(learnerId()).catch(() => new Map());
    if (!before || grew(after)) break;
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  if (ctx.signal.aborted) return;
  const lines = outcomes.map((id) => {
    const now = after.get(id);
    if (!now) return null;
    const code = unit.learningOutcomes.find((o) => o.id === id)?.code || id;
    const was = before?.get(id);
    return el('li', {}, `${code}: `, was ? `${percent(was.mastery)} → ` : '', el('strong', {text: percent(now.mastery)}),
      ` (${statusLabel(now.status)})`);
  }).filter(Boolean);
  if (lines.length) replace(box, el('p', {class: 'mastery-heading', text: 'Your mastery now'}), el('ul', {}, lines));
}
