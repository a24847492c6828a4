// One question at a time from a unit (or one learning outcome of it), marked by the marking API.
import {el, replace, announce} from '../dom.js';
import {units, questionsOfUnit, masteryOf, markAnswer, newKey, api, ApiError} from '../api.js';
import {learnerId, recentQuestions, rememberAnswered} from '../learner.js';
import {countWords} from '../highlight.js';
import {stemWithCommandWord, guidanceBox} from '../question.js';
import {renderResult} from './result.js';

export const MAX_CHARS = 20000;

/** The last mark shown, so going to its URL does not fetch it again (and keeps the answer text for highlights). */
let lastResult = null;

export function practiceHref(unitId, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
  return `#/units/${encodeURIComponent(unitId)}/practise${query ? `?${query}` : ''}`;
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

const draftKey = (questionId) => `markpoint.draft.${learnerId()}.${questionId}`;
const attemptKey = (markId) => `markpoint.answer.${markId}`;

function session(key, value) {
  try {
    if (value === undefined) return sessionStorage.getItem(key);
    if (value === null) sessionStorage.removeItem(key); else sessionStorage.setItem(key, value);
  } catch { /* storage off: drafts live only on the page */ }
  return null;
}

export async function renderPractice(ctx, unitId) {
  const lo = ctx.params.get('lo') || '';
  const [unit, questions] = await Promise.all([units.get(unitId), questionsOfUnit(unitId)]);
  if (ctx.signal.aborted) return;
  const outcome = unit.learningOutcomes.find((o) => o.id === lo) || null;
  const pool = outcome ? questions.filter((q) => (q.learningOutcomes || []).includes(lo)) : questions;

  const crumbs = el('nav', {class: 'breadcrumb', attrs: {'aria-label': 'Breadcrumb'}},
    el('ol', {}, el('li', {}, el('a', {href: '#/', text: 'Units'})),
      el('li', {}, el('a', {href: `#/units/${encodeURIComponent(unit.id)}`, text: unit.code})),
      el('li', {attrs: {'aria-current': 'page'}, text: outcome ? `Practise ${outcome.code}` : 'Practise'})));

  if (pool.length === 0) {
    replace(ctx.main, crumbs, el('h1', {text: 'No questions to practise'}),
      el('p', {text: 'There are no published questions for this yet.'}),
      el('p', {}, el('a', {href: `#/units/${encodeURIComponent(unit.id)}`, text: 'Back to the unit'})));
    ctx.ready('No questions');
    return;
  }

  const question = pickQuestion(pool, ctx.params.get('q'));
  const markId = ctx.params.get('mark');
  if (markId) {
    await showStoredResult(ctx, {unit, outcome, question, markId, crumbs});
    return;
  }
  if (ctx.params.get('q') !== question.id) {
    // keep the chosen question in the address, so reload shows the same one
    history.replaceState(null, '', practiceHref(unit.id, {lo, q: question.id}));
  }
  renderQuestion(ctx, {unit, outcome, question, crumbs, poolSize: pool.length});
}

async function showStoredResult(ctx, {unit, outcome, question, markId, crumbs}) {
  let mark;
  let answer;
  if (lastResult?.mark.markId === markId) {
    ({mark, answer} = lastResult);
  } else {
    mark = await api.get(`/api/v1/marking/marks/${encodeURIComponent(markId)}`);
    answer = session(attemptKey(markId)) ?? '';
  }
  if (ctx.signal.aborted) return;
  renderResult(ctx, {unit, outcome, question, mark, answer, crumbs, masteryBefore: lastResult?.masteryBefore,
    nextHref: practiceHref(unit.id, {lo: outcome?.id}),
    againHref: practiceHref(unit.id, {lo: outcome?.id, q: question.id})});
}

function renderQuestion(ctx, {unit, outcome, question, crumbs, poolSize}) {
  const scheme = question.scheme;
  const guidance = (unit.commandWordGuidance || []).find((g) => g.commandWord === scheme.commandWord);
  const draft = session(draftKey(question.id)) || '';

  const textarea = el('textarea', {id: 'answer', name: 'answer', rows: 10, value: draft, spellcheck: true,
    attrs: {'aria-describedby': 'answer-hint answer-count answer-error'}});
  const count = el('p', {id: 'answer-count', class: 'count'});
  const error = el('div', {id: 'answer-error', class: 'field-error'});
  const submit = el('button', {type: 'submit', class: 'button primary', text: 'Submit answer'});
  const form = el('form', {class: 'answer-form', noValidate: true, attrs: {'aria-labelledby': 'question-heading'}},
    el('label', {htmlFor: 'answer', text: 'Your answer'}),
    el('p', {id: 'answer-hint', class: 'hint',
      text: `Write in full sentences. ${scheme.maxMarks} mark${scheme.maxMarks === 1 ? '' : 's'}: make at least ${scheme.maxMarks} clear point${scheme.maxMarks === 1 ? '' : 's'}.`}),
    textarea, count, error,
    el('div', {class: 'actions'}, submit,
      poolSize > 1 ? el('a', {class: 'button secondary', href: practiceHref(unit.id, {lo: outcome?.id}),
        text: 'Skip to another question', on: {click: () => rememberAnswered(question.id)}}) : null));

  let attempt = null; // {text, key}: the same text is always retried with the same Idempotency-Key
  let tooLongShown = false;

  function showError(message, action) {
    replace(error, el('div', {class: 'alert error', attrs: {role: 'alert'}}, el('p', {text: message}), action || null));
    textarea.setAttribute('aria-invalid', 'true');
  }
  function clearError() {
    replace(error);
    textarea.removeAttribute('aria-invalid');
  }
  function tooLongMessage(length) {
    return `Your answer is ${length.toLocaleString('en-GB')} characters long. Markpoint can mark up to ${MAX_CHARS.toLocaleString('en-GB')}: shorten it by ${(length - MAX_CHARS).toLocaleString('en-GB')} characters, then submit.`;
  }
  function updateCount() {
    const text = textarea.value;
    const words = countWords(text);
    const over = text.length > MAX_CHARS;
    count.textContent = `${words} word${words === 1 ? '' : 's'} · ${text.length.toLocaleString('en-GB')} of ${MAX_CHARS.toLocaleString('en-GB')} characters`;
    count.classList.toggle('over', over);
    if (over && !tooLongShown) showError(tooLongMessage(text.length));
    else if (!over && tooLongShown) clearError();
    tooLongShown = over;
  }
  textarea.addEventListener('input', () => {
    updateCount();
    session(draftKey(question.id), textarea.value);
  });
  updateCount();

  async function send() {
    const text = textarea.value;
    if (!learnerId()) {
      showError('Enter your name or learner id at the top of the page first, so your progress is saved.');
      document.getElementById('learner-id')?.focus();
      return;
    }
    if (!text.trim()) {
      showError('Write your answer before you submit it.');
      textarea.focus();
      return;
    }
    if (text.length > MAX_CHARS) {
      showError(tooLongMessage(text.length));
      textarea.focus();
      return;
    }
    if (!attempt || attempt.text !== text) attempt = {text, key: newKey()};
    form.dataset.idempotencyKey = attempt.key;
    clearError();
    submit.disabled = true;
    submit.textContent = 'Marking…';
    form.setAttribute('aria-busy', 'true');
    announce('Marking your answer');
    const masteryBefore = await masteryOf(learnerId()).catch(() => new Map());
    try {
      const {body: mark} = await markAnswer({answer: text, learnerId: learnerId(), questionId: question.id}, attempt.key);
      if (ctx.signal.aborted) return;
      rememberAnswered(question.id);
      session(draftKey(question.id), null);
      session(attemptKey(mark.markId), text);
      lastResult = {mark, answer: text, masteryBefore};
      location.hash = practiceHref(unit.id, {lo: outcome?.id, q: question.id, mark: mark.markId}).slice(1);
    } catch (e) {
      submit.disabled = false;
      submit.textContent = 'Submit answer';
      form.removeAttribute('aria-busy');
      if (e instanceof ApiError && e.network) {
        showError(`${e.describe()} Your answer is still here, and trying again will not mark it twice.`,
          el('button', {type: 'button', class: 'button', text: 'Try again', on: {click: send}}));
      } else {
        showError(e instanceof ApiError ? e.describe() : 'Your answer could not be marked. Try again.');
      }
    }
  }
  form.addEventListener('submit', (event) => { event.preventDefault(); send(); });

  replace(ctx.main, crumbs,
    el('h1', {text: outcome ? `Practise ${outcome.code}` : `Practise ${unit.code}`}),
    el('p', {class: 'lead', text: outcome ? outcome.title : unit.title}),
    el('section', {class: 'card question', attrs: {'aria-labelledby': 'question-heading'}},
      el('h2', {id: 'question-heading'}, 'Question ',
        el('span', {class: 'marks', text: `(${scheme.maxMarks} mark${scheme.maxMarks === 1 ? '' : 's'})`})),
      question.context ? el('p', {class: 'context', text: question.context}) : null,
      stemWithCommandWord(scheme.stem, scheme.commandWord),
      guidanceBox(scheme.commandWord, guidance?.guidance, guidance?.pageAdvice),
      form));
  ctx.ready(outcome ? `Practise ${outcome.code}` : `Practise ${unit.code}`);
}
