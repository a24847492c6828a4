// Single questions marked straight by the marking API: the fallback when quizzes (progress-service) are down.
import {el, replace} from '../dom.js';
import {units, questionsOfUnit, masteryOf, markAnswer, api} from '../api.js';
import {learnerId, recentQuestions, rememberAnswered} from '../learner.js';
import {answerForm, session} from '../answer-form.js';
import {questionCard, crumbsFor} from '../question.js';
import {renderResult} from './result.js';

/** The last mark shown, so going to its URL does not fetch it again (and keeps the answer text for highlights). */
let lastResult = null;

export function questionHref(unitId, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
  return `#/units/${encodeURIComponent(unitId)}/question${query ? `?${query}` : ''}`;
}

function pickQuestion(pool, wanted) {
  const asked = pool.find((q) => q.id === wanted);
  if (asked) return asked;
  const recent = recentQuestions();
  const fresh = pool.filter((q) => !recent.includes(q.id));
  if (fresh.length) return fresh[Math.floor(Math.random() * fresh.length)];
  // everything answered lately: the one answered longest ago
  return [...pool].sort((a, b) => recent.indexOf(b.id) - recent.indexOf(a.id))[0];
}

export async function renderSingleQuestion(ctx, unitId) {
  const lo = ctx.params.get('lo') || '';
  const [unit, questions] = await Promise.all([units.get(unitId), questionsOfUnit(unitId, {publishedOnly: true})]);
  if (ctx.signal.aborted) return;
  const outcome = unit.learningOutcomes.find((o) => o.id === lo) || null;
  const pool = outcome ? questions.filter((q) => (q.learningOutcomes || []).includes(lo)) : questions;
  const crumbs = crumbsFor(unit, outcome ? `Question on ${outcome.code}` : 'Question');

  if (pool.length === 0) {
    replace(ctx.main, crumbs, el('h1', {text: 'No questions to practise'}),
      el('p', {text: 'There are no published questions for this yet.'}),
      el('p', {}, el('a', {href: `#/units/${encodeURIComponent(unit.id)}`, text: 'Back to the unit'})));
    ctx.ready('No questions');
    return;
  }

  const question = pickQuestion(pool, ctx.params.get('q'));
  const markId = ctx.params.get('mark');
  const next = el('a', {class: 'button primary', href: questionHref(unit.id, {lo}), text: 'Next question'});
  const again = el('a', {class: 'button secondary', href: questionHref(unit.id, {lo, q: question.id}), text: 'Try this question again'});
  if (markId) {
    let mark;
    let answer;
    if (lastResult?.mark.markId === markId) {
      ({mark, answer} = lastResult);
    } else {
      mark = await api.get(`/api/v1/marking/marks/${encodeURIComponent(markId)}`);
      answer = session(`markpoint.answer.${markId}`) ?? '';
    }
    if (ctx.signal.aborted) return;
    renderResult(ctx, {unit, question, mark, answer, crumbs, masteryBefore: lastResult?.masteryBefore, actions: [next, again]});
    return;
  }
  if (ctx.params.get('q') !== question.id) {
    // keep the chosen question in the address, so reload shows the same one
    history.replaceState(null, '', questionHref(unit.id, {lo, q: question.id}));
  }

  const form = answerForm({
    draftId: question.id,
    maxMarks: question.scheme.maxMarks,
    extraActions: pool.length > 1 ? [el('a', {class: 'button secondary', href: questionHref(unit.id, {lo}),
      text: 'Skip to another question', on: {click: () => rememberAnswered(question.id)}})] : [],
    async send(text, key) {
      const masteryBefore = await masteryOf(learnerId()).catch(() => new Map());
      const {body: mark} = await markAnswer({answer: text, learnerId: learnerId(), questionId: question.id}, key);
      if (ctx.signal.aborted) return;
      rememberAnswered(question.id);
      session(`markpoint.answer.${mark.markId}`, text);
      lastResult = {mark, answer: text, masteryBefore};
      location.hash = questionHref(unit.id, {lo, q: question.id, mark: mark.markId}).slice(1);
    },
  });

  const title = outcome ? `Practise ${outcome.code}` : `Practise ${unit.code}`;
  replace(ctx.main, crumbs,
    el('h1', {text: title}),
    el('p', {class: 'lead', text: outcome ? outcome.title : unit.title}),
    questionCard({unit, stem: question.scheme.stem, context: question.context, commandWord: question.scheme.commandWord,
      maxMarks: question.scheme.maxMarks}, form));
  ctx.ready(title);
}
