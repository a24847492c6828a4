// Tutor: one question of the bank. Try its scheme on a sample answer (a live marking preview, counted for nobody),
// and edit its draft scheme: saved with If-Match on the ETag it was read with, so two authors never silently
// overwrite each other, then published.
import {el, replace, announce} from '../dom.js';
import {units, bank, ApiError} from '../api.js';
import {countWords} from '../highlight.js';
import {MAX_CHARS} from '../answer-form.js';
import {markBreakdown} from '../evidence.js';
import {stemWithCommandWord} from '../question.js';
import {schemeEditor} from '../scheme-editor.js';
import {schemeSummary, bankUnitHref} from './bank.js';
import {tutorNav} from './tutor-nav.js';

const n = (x) => x.toLocaleString('en-GB');
const UNAVAILABLE = [404, 405, 501];

export async function renderQuestionPage(ctx, questionId) {
  const {body: question, headers} = await bank.question(questionId);
  const unit = await units.get(question.unitId).catch(() => null);
  if (ctx.signal.aborted) return;
  const state = {question, etag: headers.get('ETag') || '', editor: null};
  const outcomes = unit?.learningOutcomes || [];
  const outcomeCode = (id) => outcomes.find((o) => o.id === id)?.code || id;

  const schemeCard = el('section', {class: 'card', attrs: {'aria-labelledby': 'scheme-heading'}});
  const meta = el('p', {class: 'meta'});
  const stemLine = el('div', {class: 'question-stem', attrs: {'data-testid': 'question-stem'}});
  const showMeta = () => {
    const q = state.question;
    replace(stemLine, stemWithCommandWord(q.scheme.stem, q.scheme.commandWord));
    // a draft of version n+1 leaves version n live for markers until it is published: say which one they use
    const live = q.publishedVersion && q.publishedVersion !== q.version ? `version ${q.publishedVersion} is live` : '';
    meta.textContent = [q.id, `${q.status} version ${q.version}`, live, (q.learningOutcomes || []).map(outcomeCode).join(', ')]
      .filter(Boolean).join(' · ');
  };
  showMeta();

  function showScheme() {
    state.editor = null;
    const q = state.question;
    const editButton = el('button', {type: 'button', class: 'button', text: 'Edit the scheme', on: {click: showEditor}});
    replace(schemeCard, el('h2', {id: 'scheme-heading', text: 'Marking scheme'}),
      q.context ? el('p', {class: 'context', text: q.context}) : null,
      el('p', {class: 'muted', text: `${q.scheme.commandWord || 'No command word'} · ${q.scheme.maxMarks} mark${q.scheme.maxMarks === 1 ? '' : 's'}`}),
      schemeSummary(q.scheme, outcomeCode),
      el('div', {class: 'actions'}, editButton));
    return editButton;
  }

  function showEditor() {
    const editor = schemeEditor(state.question, outcomes);
    state.editor = editor;
    const message = el('div', {id: 'editor-message', attrs: {'aria-live': 'polite'}});
    const save = el('button', {type: 'submit', class: 'button primary', text: 'Save draft'});
    const publish = el('button', {type: 'button', class: 'button', text: 'Save and publish'});
    const cancel = el('button', {type: 'button', class: 'button secondary', text: 'Cancel', on: {click: () => showScheme().focus()}});
    const form = el('form', {class: 'editor-form', noValidate: true, attrs: {'aria-labelledby': 'scheme-heading'}},
      editor.node, message, el('div', {class: 'actions'}, save, publish, cancel));
    const say = (kind, ...content) => {
      replace(message, el('div', {class: `alert ${kind}`, attrs: {role: kind === 'error' ? 'alert' : 'status'}}, content));
    };

    async function submit(andPublish) {
      const {scheme, context, learningOutcomes, problems} = editor.read();
      editor.showProblems(problems);
      replace(message);
      if (problems.length) return;
      for (const b of [save, publish]) b.disabled = true;
      try {
        const saved = await bank.save(state.question.id, {unitId: state.question.unitId, learningOutcomes, context, scheme}, state.etag);
        accept(saved);
        if (andPublish) accept(await bank.publish(state.question.id, state.etag));
        const q = state.question;
        say('ok', el('p', {text: andPublish ? `Published: version ${q.version} is live.` : `Draft saved (version ${q.version}, ${q.status}).`}));
        announce(message.textContent);
      } catch (e) {
        explain(e, say, editor);
      } finally {
        for (const b of [save, publish]) b.disabled = false;
      }
    }
    form.addEventListener('submit', (e) => { e.preventDefault(); submit(false); });
    publish.addEventListener('click', () => submit(true));
    replace(schemeCard, el('h2', {id: 'scheme-heading', text: 'Edit the marking scheme'}),
      el('p', {class: 'hint', text: 'Try your changes on a sample answer above before you save: the preview uses the scheme as it stands in this form.'}),
      form);
    document.getElementById('ed-stem')?.focus();
  }

  function accept({body, headers: h}) {
    if (body?.id) state.question = body;
    state.etag = h.get('ETag') || state.etag;
    showMeta();
  }

  /** The scheme the preview marks with: the form's (saved or not) while editing, else the stored one. */
  const currentScheme = () => (state.editor ? state.editor.read().scheme : state.question.scheme);

  replace(ctx.main,
    el('nav', {class: 'breadcrumb', attrs: {'aria-label': 'Breadcrumb'}}, el('ol', {},
      el('li', {}, el('a', {href: '#/bank', text: 'Question bank'})),
      unit ? el('li', {}, el('a', {href: bankUnitHref(unit.id), text: unit.code || unit.id})) : null,
      el('li', {attrs: {'aria-current': 'page'}, text: 'Question'}))),
    el('h1', {text: 'Try and edit a question'}),
    tutorNav('bank'),
    meta,
    stemLine,
    tryItCard(currentScheme),
    schemeCard);
  showScheme();
  ctx.ready('Try and edit a question');
}

/** Why a save or publish did not happen, in words an author can act on. */
function explain(e, say, editor) {
  if (!(e instanceof ApiError)) {
    console.error(e);
    say('error', el('p', {text: 'The draft could not be saved. Your edits are still in the form.'}));
  } else if (e.status === 412) {
    say('error', el('p', {}, el('strong', {text: 'Someone else saved this question after you opened it, '}),
      'so your changes were not saved over theirs. Your edits are still in the form: copy what you need, then ',
      el('a', {href: location.hash, text: 'reload the question', on: {click: (ev) => { ev.preventDefault(); location.reload(); }}}),
      ' to see their version and make your changes again.'));
  } else if (e.status === 428) {
    say('error', el('p', {text: 'The bank needs to know which version you edited. Reload the question and make your changes again.'}));
  } else if (e.network) {
    say('error', el('p', {text: `${e.describe()} Your edits are still in the form; save again when you are back online.`}));
  } else if (UNAVAILABLE.includes(e.status) && !e.errors.length) {
    say('error', el('p', {text: 'Saving drafts is not available on this server yet. You can still try your edited scheme on a sample answer above.'}));
  } else {
    if (e.errors.length) editor.showProblems(e.errors.map((x) => ({field: x.field || '', message: `${x.field}: ${x.message}`})));
    say('error', el('p', {text: e.describe()}));
  }
}

/** Type a sample answer, mark it against the scheme as it stands, see the evidence highlighted. */
function tryItCard(currentScheme) {
  const answer = el('textarea', {id: 'tryit-answer', rows: 6, spellcheck: true, attrs: {'aria-describedby': 'tryit-hint tryit-count tryit-error'}});
  const count = el('p', {id: 'tryit-count', class: 'count'});
  const error = el('div', {id: 'tryit-error', class: 'field-error'});
  const button = el('button', {type: 'submit', class: 'button primary', text: 'Mark it'});
  const result = el('div', {id: 'tryit-result', attrs: {'aria-live': 'polite'}});
  const showError = (message, action) => {
    replace(error, el('div', {class: 'alert error', attrs: {role: 'alert'}}, el('p', {text: message}), action || null));
    answer.setAttribute('aria-invalid', 'true');
  };
  const clearError = () => { replace(error); answer.removeAttribute('aria-invalid'); };
  const tooLong = (length) => `The sample answer is ${n(length)} characters long. Markpoint marks up to ${n(MAX_CHARS)}: shorten it by ${n(length - MAX_CHARS)} characters.`;
  const updateCount = () => {
    const words = countWords(answer.value);
    const over = answer.value.length > MAX_CHARS;
    count.textContent = `${words} word${words === 1 ? '' : 's'} · ${n(answer.value.length)} of ${n(MAX_CHARS)} characters`;
    count.classList.toggle('over', over);
    if (over) showError(tooLong(answer.value.length)); else if (error.textContent.includes('characters long')) clearError();
  };
  answer.addEventListener('input', updateCount);
  updateCount();

  async function go() {
    const text = answer.value;
    if (!text.trim()) { showError('Type a sample answer to try the scheme on.'); answer.focus(); return; }
    if (text.length > MAX_CHARS) { showError(tooLong(text.length)); answer.focus(); return; }
    clearError();
    button.disabled = true;
    button.textContent = 'Marking…';
    const scheme = currentScheme();
    try {
      const mark = await bank.preview(text, scheme);
      replace(result, el('h3', {id: 'tryit-result-heading', text: 'Preview'}),
        markBreakdown({mark, scheme, answer: text, prefix: 'tryit', headingLevel: 'h4'}));
      announce(`Preview: ${mark.mark} out of ${mark.maxMarks}`);
    } catch (e) {
      if (e instanceof ApiError && e.network) {
        showError(`${e.describe()} Your sample answer is still here.`,
          el('button', {type: 'button', class: 'button', text: 'Try again', on: {click: go}}));
      } else {
        showError(e instanceof ApiError ? `The answer could not be marked: ${e.describe()}` : 'The answer could not be marked.');
      }
    } finally {
      button.disabled = false;
      button.textContent = 'Mark it';
    }
  }
  const form = el('form', {class: 'answer-form', noValidate: true, on: {submit: (e) => { e.preventDefault(); go(); }}},
    el('label', {htmlFor: 'tryit-answer', text: 'Sample answer'}),
    el('p', {id: 'tryit-hint', class: 'hint', text: 'Marked against the scheme below as it stands (unsaved edits included). Counts towards nobody’s mastery.'}),
    answer, count, error, el('div', {class: 'actions'}, button));
  return el('section', {class: 'card', attrs: {'aria-labelledby': 'tryit-heading'}},
    el('h2', {id: 'tryit-heading', text: 'Try it'}), form, result);
}
