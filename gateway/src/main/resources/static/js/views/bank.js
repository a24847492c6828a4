// Tutor: browse the question bank: units, their learning outcomes, the questions on each and their marking schemes.
import {el, replace} from '../dom.js';
import {units, questionsOfUnit} from '../api.js';
import {stemWithCommandWord} from '../question.js';
import {tutorNav} from './tutor-nav.js';

const enc = encodeURIComponent;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const bankUnitHref = (id) => `#/bank/units/${enc(id)}`;
export const bankQuestionHref = (id) => `#/bank/questions/${enc(id)}`;

/** A marking scheme in words: points with the phrasings that earn them, model answer, misconceptions. */
export function schemeSummary(scheme, outcomeCode = (id) => id) {
  return el('div', {class: 'scheme'},
    scheme.markingPoints.length ? el('ol', {class: 'scheme-points'}, scheme.markingPoints.map((p) => el('li', {},
      el('p', {}, el('strong', {text: p.text}), ` (${plural(p.marks, 'mark')}${p.learningOutcome ? `, ${outcomeCode(p.learningOutcome)}` : ''})`),
      p.accept.length ? el('p', {class: 'muted'}, 'Accept: ', p.accept.map((a, i) => [i ? ', ' : '', el('q', {text: a})])) : null,
      p.reject.length ? el('p', {class: 'muted'}, 'Do not accept: ', p.reject.map((a, i) => [i ? ', ' : '', el('q', {text: a})])) : null)))
      : null,
    scheme.modelAnswer ? el('p', {}, el('strong', {text: 'Model answer: '}), scheme.modelAnswer) : null,
    scheme.misconceptions.length ? [el('p', {class: 'mastery-heading', text: 'Misconceptions it looks for'}),
      el('ul', {class: 'misconceptions'}, scheme.misconceptions.map((m) => el('li', {},
        el('p', {class: 'wrong'}, el('span', {class: 'tag wrong-tag', text: 'Mistake'}), ' ', m.pattern),
        m.correction ? el('p', {class: 'right'}, el('span', {class: 'tag right-tag', text: 'Correction'}), ' ', m.correction) : null)))] : null);
}

export async function renderBank(ctx) {
  const list = await units.list();
  if (ctx.signal.aborted) return;
  replace(ctx.main,
    el('h1', {text: 'Question bank'}),
    tutorNav('bank'),
    el('p', {class: 'lead', text: 'Units, their learning outcomes, the questions on each and the marking schemes behind them. Open a question to try its scheme on a sample answer.'}),
    el('p', {}, el('a', {class: 'button', href: '#/bank/import', text: 'Import questions from a file'})),
    list.length === 0 ? el('p', {class: 'alert', text: 'The bank is empty. Import a file to start.'})
      : el('ul', {class: 'unit-list'}, list.map((u) => el('li', {class: 'card unit-card'},
        el('h2', {}, el('a', {href: bankUnitHref(u.id), text: u.title})),
        el('p', {class: 'meta'}, el('span', {class: 'code', text: u.code || u.id}), ` · ${plural(u.learningOutcomes, 'learning outcome')}`),
        u.qualification ? el('p', {class: 'qualification', text: u.qualification}) : null))));
  ctx.ready('Question bank');
}

function questionItem(q, n, outcomeCode) {
  const s = q.scheme;
  return el('li', {class: 'bank-question', dataset: {questionId: q.id}},
    el('h3', {}, el('a', {href: bankQuestionHref(q.id), text: `Question ${n}`}),
      el('span', {class: 'muted', text: ` · ${s.commandWord || 'no command word'} · ${plural(s.maxMarks, 'mark')} · ${plural(s.markingPoints.length, 'marking point')} · ${q.status} v${q.version}`})),
    stemWithCommandWord(s.stem, s.commandWord),
    el('details', {}, el('summary', {text: 'Marking scheme'}), schemeSummary(s, outcomeCode)),
    el('p', {}, el('a', {href: bankQuestionHref(q.id), text: 'Try it or edit it',
      attrs: {'aria-label': `Try or edit question ${n}`}})));
}

export async function renderBankUnit(ctx, unitId) {
  const [unit, questions] = await Promise.all([units.get(unitId), questionsOfUnit(unitId)]);
  if (ctx.signal.aborted) return;
  const outcomeCode = (id) => unit.learningOutcomes.find((o) => o.id === id)?.code || id;
  const numbers = new Map(questions.map((q, i) => [q.id, i + 1]));
  const known = new Set(unit.learningOutcomes.map((o) => o.id));
  const loose = questions.filter((q) => !(q.learningOutcomes || []).some((lo) => known.has(lo)));
  const group = (id, title, qs) => el('section', {class: 'card', attrs: {'aria-labelledby': `bank-${id}`}},
    el('h2', {id: `bank-${id}`}, title),
    qs.length ? el('ul', {class: 'bank-questions'}, qs.map((q) => questionItem(q, numbers.get(q.id), outcomeCode)))
      : el('p', {class: 'muted', text: 'No questions on this outcome yet.'}));
  replace(ctx.main,
    el('nav', {class: 'breadcrumb', attrs: {'aria-label': 'Breadcrumb'}}, el('ol', {},
      el('li', {}, el('a', {href: '#/bank', text: 'Question bank'})),
      el('li', {attrs: {'aria-current': 'page'}, text: unit.code || unit.id}))),
    el('h1', {text: unit.title}),
    tutorNav('bank'),
    el('p', {class: 'meta'}, [unit.code, unit.awardingBody, unit.qualification, plural(questions.length, 'question')].filter(Boolean).join(' · ')),
    unit.learningOutcomes.map((o) => group(o.id, [el('span', {class: 'code', text: o.code}), ` ${o.title}`],
      questions.filter((q) => (q.learningOutcomes || []).includes(o.id)))),
    loose.length ? group('unlinked', 'Not linked to an outcome', loose) : null);
  ctx.ready(unit.title);
}
