// Adaptive quiz: one question at a time, chosen by progress-service from what the learner has not mastered yet.
import {el, replace, announce, list} from '../dom.js';
import {units, questionsOfUnit, masteryOf, quizzes, marks, ApiError} from '../api.js';
import {learnerId, setLearnerId} from '../learner.js';
import {answerForm, session} from '../answer-form.js';
import {questionCard, crumbsFor} from '../question.js';
import {renderResult} from './result.js';
import {questionHref} from './practice.js';

const ITEMS_PER_OUTCOME_QUIZ = 5;
const ITEMS_PER_UNIT_QUIZ = 10;

/** What the last answer came back with, so its result page needs no second fetch. */
let lastAnswer = null;

export function quizHref(quizId, unitId, itemId) {
  const params = new URLSearchParams({unit: unitId});
  if (itemId) params.set('item', itemId);
  return `#/quiz/${encodeURIComponent(quizId)}?${params}`;
}

const resumeKey = (unitId, lo) => `markpoint.quiz.${learnerId()}.${unitId}.${lo || 'unit'}`;

function remember(key, value) {
  try { if (value) localStorage.setItem(key, value); else localStorage.removeItem(key); } catch { /* best effort */ }
}
function recall(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

/** #/units/:id/practise?lo= : resume this learner's unfinished quiz over that scope, or start one. */
export async function startQuiz(ctx, unitId) {
  const lo = ctx.params.get('lo') || '';
  const unit = await units.get(unitId);
  if (ctx.signal.aborted) return;
  const outcome = unit.learningOutcomes.find((o) => o.id === lo) || null;
  const crumbs = crumbsFor(unit, outcome ? `Practise ${outcome.code}` : 'Practise');
  if (!learnerId()) {
    const input = el('input', {id: 'start-learner', autocomplete: 'username', maxLength: 200, spellcheck: false});
    replace(ctx.main, crumbs, el('h1', {text: 'Who is practising?'}),
      el('form', {class: 'card', noValidate: true, on: {submit: (e) => {
        e.preventDefault();
        if (input.value.trim()) setLearnerId(input.value); // re-renders this page, which then starts the quiz
      }}},
      el('label', {htmlFor: 'start-learner', text: 'Your name or learner id'}),
      el('p', {class: 'hint', text: 'Your progress is kept under this name in Markpoint.'}), input,
      el('div', {class: 'actions'}, el('button', {type: 'submit', class: 'button primary', text: 'Start practising'}))));
    ctx.ready('Who is practising?');
    return;
  }
  const saved = recall(resumeKey(unit.id, lo));
  if (saved) {
    const quiz = await quizzes.get(saved).catch(() => null);
    if (ctx.signal.aborted) return;
    if (quiz && quiz.status === 'active' && quiz.learnerId === learnerId()) {
      location.replace(quizHref(quiz.quizId, unit.id));
      return;
    }
  }
  let quiz;
  try {
    quiz = await quizzes.start(learnerId(), outcome ? {outcomes: [outcome.id]} : {unitId: unit.id},
      outcome ? ITEMS_PER_OUTCOME_QUIZ : ITEMS_PER_UNIT_QUIZ);
  } catch (e) {
    if (ctx.signal.aborted) return;
    if (!(e instanceof ApiError)) throw e;
    const noQuestions = e.status === 404;
    replace(ctx.main, crumbs, el('h1', {text: noQuestions ? 'No questions to practise' : 'Quizzes are not available right now'}),
      el('div', {class: 'alert error', attrs: {role: 'alert'}}, el('p', {text: e.describe()})),
      noQuestions ? null : el('p', {}, 'You can still ',
        el('a', {href: questionHref(unit.id, {lo}), text: 'practise single questions'}),
        ': they are marked the same way and count towards your mastery.'),
      el('p', {}, el('a', {href: `#/units/${encodeURIComponent(unit.id)}`, text: `Back to ${unit.code}`})));
    ctx.ready('Practice');
    return;
  }
  if (ctx.signal.aborted) return;
  remember(resumeKey(unit.id, lo), quiz.quizId);
  location.replace(quizHref(quiz.quizId, unit.id));
}

/** #/quiz/:id?unit=&item= : the current question, an item's result, or the summary. */
export async function renderQuiz(ctx, quizId) {
  const itemId = ctx.params.get('item') || '';
  // a link without ?unit= (an LMS launch lands on #/quiz/<id>) takes the unit from the quiz itself
  const quiz = await quizzes.get(quizId);
  if (ctx.signal.aborted) return;
  const unitId = ctx.params.get('unit') || (quiz.scope && quiz.scope.unitId) || '';
  const [unit, questions] = await Promise.all([units.get(unitId), questionsOfUnit(unitId)]);
  if (ctx.signal.aborted) return;
  const view = {ctx, quiz, unit, byId: new Map(questions.map((q) => [q.id, q]))};
  if (itemId) return showItem(view, itemId);
  if (quiz.current) return showQuestion(view);
  if (quiz.status === 'finished') return showSummary(view);
  // active, nothing waiting: the last answer's result, whose "Next question" asks for the next item
  const last = quiz.items[quiz.items.length - 1];
  if (last) {
    location.replace(quizHref(quiz.quizId, unit.id, last.itemId));
    return;
  }
  await goNext(view);
}

function crumbs({unit, quiz}) {
  return crumbsFor(unit, `Quiz, question ${Math.max(quiz.items.length, 1)}`);
}

function outcomeNames(unit, ids) {
  return ids.map((id) => unit.learningOutcomes.find((o) => o.id === id)).filter(Boolean);
}

function showQuestion(view) {
  const {ctx, quiz, unit} = view;
  const current = quiz.current;
  const number = quiz.items.findIndex((i) => i.itemId === current.itemId) + 1;
  const form = answerForm({
    draftId: `${quiz.quizId}.${current.itemId}`,
    maxMarks: current.maxMarks,
    async send(text, key) {
      const masteryBefore = await masteryOf(learnerId()).catch(() => new Map());
      const reply = await quizzes.answer(quiz.quizId, current.itemId, text, key);
      if (ctx.signal.aborted) return;
      session(`markpoint.answer.${quiz.quizId}.${current.itemId}`, text);
      lastAnswer = {quizId: quiz.quizId, itemId: current.itemId, reply, answer: text, masteryBefore};
      location.hash = quizHref(quiz.quizId, unit.id, current.itemId).slice(1);
    },
  });
  const outcomes = outcomeNames(unit, current.outcomes || []);
  replace(ctx.main, crumbs(view),
    el('h1', {text: `Question ${number}`}),
    el('p', {class: 'lead'}, `Up to ${quiz.maxItems} questions; the quiz stops early once your level is clear.`,
      outcomes.length ? ` This one is about ${outcomes.map((o) => o.code).join(', ')}: ${outcomes.map((o) => o.title).join('; ')}.` : ''),
    questionCard({unit, stem: current.stem, context: current.context, commandWord: current.commandWord,
      maxMarks: current.maxMarks, guidance: current.commandWordGuidance}, form));
  ctx.ready(`Question ${number}`);
}

async function goNext(view) {
  const {ctx, unit, quiz} = view;
  const next = await quizzes.next(quiz.quizId);
  if (ctx.signal.aborted) return;
  location.hash = quizHref(next.quizId, unit.id).slice(1);
}

function nextButton(view) {
  return el('button', {type: 'button', class: 'button primary', text: 'Next question', on: {click: async (e) => {
    e.currentTarget.disabled = true;
    try {
      await goNext(view);
    } catch (err) {
      e.currentTarget.disabled = false;
      announce(err instanceof ApiError ? err.describe() : 'Could not get the next question.');
    }
  }}});
}

async function showItem(view, itemId) {
  const {ctx, quiz, unit, byId} = view;
  const item = quiz.items.find((i) => i.itemId === itemId);
  if (!item) throw new ApiError(404, 'Not found', `This quiz has no question ${itemId}.`);
  const question = byId.get(item.questionId) || {scheme: {stem: '', markingPoints: [], misconceptions: []}, learningOutcomes: []};
  const cached = lastAnswer?.quizId === quiz.quizId && lastAnswer.itemId === itemId ? lastAnswer : null;
  const answer = cached?.answer ?? session(`markpoint.answer.${quiz.quizId}.${itemId}`) ?? '';
  let mark = cached?.reply.status === 'marked' ? cached.reply.mark : null;
  if (!mark && item.status === 'marked' && item.markId) mark = await marks.get(item.markId);
  if (ctx.signal.aborted) return;
  if (item.status === 'awaiting-answer') {
    location.replace(quizHref(quiz.quizId, unit.id));
    return;
  }
  if (!mark) {
    showPending(view, item, cached?.reply.message);
    return;
  }
  renderResult(ctx, {unit, question, mark, answer, crumbs: crumbs(view), masteryBefore: cached?.masteryBefore,
    before: quiz.status === 'finished' ? [el('p', {class: 'alert'}, 'This quiz has finished. ',
      el('a', {href: quizHref(quiz.quizId, unit.id), text: 'See the summary'}))] : [],
    actions: quiz.status === 'active' ? [nextButton(view)] : []});
}

/** The answer is saved but not marked yet (marking was slow or down): poll until the mark arrives. */
function showPending(view, item, message) {
  const {ctx, quiz, unit} = view;
  const status = el('p', {attrs: {role: 'status'}, text: 'Checking for your mark…'});
  replace(ctx.main, crumbs(view),
    el('h1', {text: 'Mark pending'}),
    el('section', {class: 'card pending', attrs: {'aria-labelledby': 'pending-heading'}},
      el('h2', {id: 'pending-heading', text: message || 'Your answer is saved; the mark will appear shortly'}),
      el('p', {text: 'Marking is taking longer than usual. This page updates by itself when your mark arrives; you can carry on with the next question meanwhile.'}),
      status),
    el('div', {class: 'actions'}, quiz.status === 'active' ? nextButton(view) : null,
      el('a', {class: 'button secondary', href: `#/units/${encodeURIComponent(unit.id)}`, text: `Back to ${unit.code}`})));
  ctx.ready('Mark pending');
  let delay = 1000;
  const poll = async () => {
    if (ctx.signal.aborted) return;
    const fresh = await quizzes.get(quiz.quizId).catch(() => null);
    if (ctx.signal.aborted) return;
    const now = fresh?.items.find((i) => i.itemId === item.itemId);
    if (now?.status === 'marked') {
      announce('Your mark has arrived');
      await renderQuiz(ctx, quiz.quizId);
      return;
    }
    status.textContent = `Still marking… checked at ${new Date().toLocaleTimeString('en-GB')}`;
    delay = Math.min(delay * 1.5, 5000);
    setTimeout(poll, delay);
  };
  setTimeout(poll, delay);
}

const STOP_REASONS = {
  'all-classified': 'Your level on every outcome in this quiz is now clear.',
  'item-limit': 'You answered every question in this quiz.',
  'no-more-questions': 'There are no more questions to ask you for now.',
};

async function showSummary(view) {
  const {ctx, quiz, unit} = view;
  const summary = quiz.summary || {mastered: [], toRevise: [], reviews: []};
  const mastery = await masteryOf(learnerId()).catch(() => new Map());
  if (ctx.signal.aborted) return;
  const describe = (id) => {
    const o = unit.learningOutcomes.find((x) => x.id === id);
    const m = mastery.get(id);
    return [el('strong', {text: o ? o.code : id}), o ? ` ${o.title}` : '', m ? ` (${Math.round(m.mastery * 100)}%)` : ''];
  };
  const total = quiz.items.reduce((sum, i) => sum + (i.mark ?? 0), 0);
  const max = quiz.items.reduce((sum, i) => sum + (i.maxMarks ?? 0), 0);
  const date = (iso) => new Date(iso).toLocaleDateString('en-GB', {weekday: 'short', day: 'numeric', month: 'long'});
  replace(ctx.main, crumbsFor(unit, 'Quiz summary'),
    el('h1', {text: 'Quiz finished'}),
    el('section', {class: 'card score-card', attrs: {'aria-label': 'Quiz result'}},
      el('p', {class: 'score'}, el('span', {class: 'score-num', text: String(total)}), ` out of ${max} marks over ${quiz.items.length} question${quiz.items.length === 1 ? '' : 's'}`),
      el('p', {text: STOP_REASONS[summary.stopReason] || ''})),
    summary.toRevise.length ? el('section', {class: 'card', attrs: {'aria-labelledby': 'revise-heading'}},
      el('h2', {id: 'revise-heading', text: 'Revise next'}),
      el('ul', {class: 'outcome-links'}, summary.toRevise.map((id) => el('li', {}, describe(id), ' ',
        el('a', {href: `#/units/${encodeURIComponent(unit.id)}/practise?lo=${encodeURIComponent(id)}`, text: 'Practise it'}))))) : null,
    summary.mastered.length ? el('section', {class: 'card', attrs: {'aria-labelledby': 'mastered-heading'}},
      el('h2', {id: 'mastered-heading', text: 'Mastered'}), list(summary.mastered, describe)) : null,
    summary.reviews.length ? el('section', {class: 'card', attrs: {'aria-labelledby': 'reviews-heading'}},
      el('h2', {id: 'reviews-heading', text: 'Review dates'}),
      el('p', {class: 'hint', text: 'Come back to these so they stay fresh.'}),
      list(summary.reviews, (r) => [...describe(r.outcomeId), `: ${date(r.dueAt)}`])) : null,
    el('section', {class: 'card', attrs: {'aria-labelledby': 'items-heading'}},
      el('h2', {id: 'items-heading', text: 'Your answers'}),
      el('ol', {class: 'quiz-items'}, quiz.items.map((i, index) => el('li', {},
        el('a', {href: quizHref(quiz.quizId, unit.id, i.itemId)}, `Question ${index + 1}: `,
          i.status === 'marked' ? `${i.mark} out of ${i.maxMarks} marks` : i.status === 'mark-pending' ? 'mark pending' : 'not answered'))))),
    el('div', {class: 'actions'},
      el('a', {class: 'button primary', href: `#/units/${encodeURIComponent(unit.id)}`, text: `Back to ${unit.code}`})));
  ctx.ready('Quiz finished');
}
