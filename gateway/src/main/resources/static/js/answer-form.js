// The answer box shared by quizzes and single-question practice: live word count, the 20,000-character limit,
// empty-answer validation, and retries that reuse the Idempotency-Key while the text is unchanged.
import {el, replace, announce} from './dom.js';
import {ApiError, newKey} from './api.js';
import {learnerId} from './learner.js';
import {countWords} from './highlight.js';

export const MAX_CHARS = 20000;

const n = (x) => x.toLocaleString('en-GB');

export function session(key, value) {
  try {
    if (value === undefined) return sessionStorage.getItem(key);
    if (value === null) sessionStorage.removeItem(key); else sessionStorage.setItem(key, value);
  } catch { /* storage off: drafts live only on the page */ }
  return null;
}

/**
 * draftId: where the draft is kept while typing (survives reload). send(text, key): posts the answer and resolves
 * when the caller has moved on; throws ApiError to keep the learner on the form. extraActions: more buttons.
 */
export function answerForm({draftId, maxMarks, send, extraActions = []}) {
  const draftKey = `markpoint.draft.${learnerId()}.${draftId}`;
  const textarea = el('textarea', {id: 'answer', name: 'answer', rows: 10, value: session(draftKey) || '',
    spellcheck: true, attrs: {'aria-describedby': 'answer-hint answer-count answer-error'}});
  const count = el('p', {id: 'answer-count', class: 'count'});
  const error = el('div', {id: 'answer-error', class: 'field-error'});
  const submit = el('button', {type: 'submit', class: 'button primary', text: 'Submit answer'});
  const form = el('form', {class: 'answer-form', noValidate: true, attrs: {'aria-labelledby': 'question-heading'}},
    el('label', {htmlFor: 'answer', text: 'Your answer'}),
    el('p', {id: 'answer-hint', class: 'hint',
      text: `Write in full sentences. ${maxMarks} mark${maxMarks === 1 ? '' : 's'}: make at least ${maxMarks} clear point${maxMarks === 1 ? '' : 's'}.`}),
    textarea, count, error,
    el('div', {class: 'actions'}, submit, extraActions));

  let attempt = null; // {text, key}
  let tooLongShown = false;

  function showError(message, action) {
    replace(error, el('div', {class: 'alert error', attrs: {role: 'alert'}}, el('p', {text: message}), action || null));
    textarea.setAttribute('aria-invalid', 'true');
  }
  function clearError() {
    replace(error);
    textarea.removeAttribute('aria-invalid');
  }
  const tooLong = (length) => `Your answer is ${n(length)} characters long. Markpoint can mark up to ${n(MAX_CHARS)}: shorten it by ${n(length - MAX_CHARS)} characters, then submit.`;

  function updateCount() {
    const text = textarea.value;
    const words = countWords(text);
    const over = text.length > MAX_CHARS;
    count.textContent = `${words} word${words === 1 ? '' : 's'} · ${n(text.length)} of ${n(MAX_CHARS)} characters`;
    count.classList.toggle('over', over);
    if (over && !tooLongShown) showError(tooLong(text.length));
    else if (!over && tooLongShown) clearError();
    tooLongShown = over;
  }
  textarea.addEventListener('input', () => {
    updateCount();
    session(draftKey, textarea.value);
  });
  updateCount();

  function busy(on) {
    submit.disabled = on;
    submit.textContent = on ? 'Marking…' : 'Submit answer';
    if (on) form.setAttribute('aria-busy', 'true'); else form.removeAttribute('aria-busy');
  }

  async function go() {
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
      showError(tooLong(text.length));
      textarea.focus();
      return;
    }
    if (!attempt || attempt.text !== text) attempt = {text, key: newKey()};
    form.dataset.idempotencyKey = attempt.key;
    clearError();
    busy(true);
    announce('Marking your answer');
    try {
      await send(text, attempt.key);
      session(draftKey, null);
    } catch (e) {
      busy(false);
      if (e instanceof ApiError && e.network) {
        showError(`${e.describe()} Your answer is still here, and trying again will not mark it twice.`,
          el('button', {type: 'button', class: 'button', text: 'Try again', on: {click: go}}));
      } else {
        console.error(e);
        showError(e instanceof ApiError ? e.describe() : 'Your answer could not be marked. Try again.');
      }
    }
  }
  form.addEventListener('submit', (event) => { event.preventDefault(); go(); });
  return form;
}
