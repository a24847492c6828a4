// Tutor: moderate marks. The queue of marks the engine was unsure of (or learners appealed), each mark with its
// evidence, accept or override with a reason, and how far the engine agrees with tutors per question.
import {el, replace, announce, percent} from '../dom.js';
import {units, questionsOfUnit, masteryOf, moderation, marks, api, ApiError} from '../api.js';
import {signedInId} from '../learner.js';
import {markBreakdown, flagLabel} from '../evidence.js';
import {stemWithCommandWord} from '../question.js';
import {tutorNav} from './tutor-nav.js';

const enc = encodeURIComponent;
const PAGE = 20;

export function reviewHref(markId) {
  return `#/tutor/moderation/${enc(markId)}`;
}

/** Questions by id, fetched once per page (a question the bank no longer has is shown by its id). */
async function questionsById(ids) {
  const unique = [...new Set(ids.filter(Boolean))];
  const found = await Promise.all(unique.map((id) => api.get(`/api/v1/questions/${enc(id)}`).catch(() => null)));
  return new Map(found.filter(Boolean).map((q) => [q.id, q]));
}

const excerpt = (text, n = 180) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** The queue's address with these settings (question: only marks on it; all: include marks with no learner). */
function queueHref({question = '', all = false, after = ''}) {
  const q = new URLSearchParams(Object.entries({question, all: all ? '1' : '', after}).filter(([, v]) => v)).toString();
  return `#/tutor/moderation${q ? `?${q}` : ''}`;
}

/** #/tutor/moderation?question=ID&all=1&after=CURSOR */
export async function renderModerationQueue(ctx) {
  const after = ctx.params.get('after') || '';
  const all = ctx.params.get('all') === '1';
  const question = ctx.params.get('question') || '';
  const page = await moderation.queue({cursor: after, questionId: question, limit: PAGE});
  const shown = all ? page.items : page.items.filter((m) => m.learnerId);
  const hidden = page.items.length - shown.length;
  const [questions, unitList] = await Promise.all([questionsById(shown.map((m) => m.questionId)), units.list()]);
  if (ctx.signal.aborted) return;

  const includeAll = el('input', {type: 'checkbox', id: 'queue-all', checked: all,
    on: {change: (e) => { location.hash = queueHref({question, all: e.target.checked}).slice(1); }}});
  const queueList = shown.length
    ? el('ol', {class: 'queue-list'}, shown.map((m) => {
      const q = questions.get(m.questionId);
      return el('li', {class: 'card queue-item', dataset: {markId: m.markId}},
        el('h3', {}, el('a', {href: reviewHref(m.markId)}, m.learnerId ? `${m.learnerId}` : 'No learner', ': ',
          `${m.mark} of ${m.maxMarks}`)),
        el('p', {class: 'muted'}, q ? excerpt(q.scheme.stem, 120) : (m.questionId || 'Inline scheme (not in the bank)'),
          ` · confidence ${Math.round(m.confidence * 100)}%`),
        (m.flags || []).length || m.review?.reason ? el('p', {}, m.review?.reason ? el('span', {class: 'tag flag-tag', text: 'appealed'}) : null,
          (m.flags || []).map((f) => [' ', el('span', {class: 'tag flag-tag', text: flagLabel(f)})])) : null,
        el('p', {class: 'queue-answer', text: excerpt(m.answer || '')}));
    }))
    : el('p', {class: 'alert', text: hidden ? 'Nothing from learners waits for review on this page.' : 'The queue is empty: every mark has been reviewed.'});

  replace(ctx.main,
    el('h1', {text: 'Moderation'}),
    tutorNav('moderation'),
    el('p', {class: 'lead', text: 'Marks the engine was unsure of, and marks learners appealed. Accept the engine’s mark or give your own with a reason: the learner’s mastery is worked out again from your mark.'}),
    el('section', {class: 'card', attrs: {'aria-labelledby': 'queue-heading'}},
      el('h2', {id: 'queue-heading', text: 'Waiting for review'}),
      question ? el('p', {}, 'Only marks on question ', el('strong', {text: question}), '. ',
        el('a', {href: queueHref({all}), text: 'Show every question'})) : null,
      el('p', {class: 'check'}, includeAll, ' ', el('label', {htmlFor: 'queue-all',
        text: 'Include marks with no learner (try-it previews and LMS checks; they change nobody’s mastery)'})),
      hidden && !all ? el('p', {class: 'hint', text: `${hidden} mark${hidden === 1 ? '' : 's'} with no learner hidden on this page.`}) : null,
      queueList,
      page.next ? el('p', {}, el('a', {class: 'button secondary', href: queueHref({question, all, after: page.next}), text: 'More marks'})) : null,
      after ? el('p', {}, el('a', {href: queueHref({question, all}), text: 'Back to the start of the queue'})) : null),
    agreementSection(unitList, ctx.params.get('unit')));
  ctx.ready('Moderation');
}

/** Agreement figures: over every moderated mark, and per question of a chosen unit. */
function agreementSection(unitList, wantedUnit) {
  const withOutcomes = unitList.filter((u) => u.learningOutcomes > 0);
  const unitId = wantedUnit || withOutcomes[0]?.id || unitList[0]?.id || '';
  const overall = el('p', {attrs: {'data-testid': 'agreement-overall'}, text: 'Loading…'});
  const table = el('div', {attrs: {'aria-live': 'polite'}});
  const select = el('select', {id: 'agreement-unit'}, unitList.map((u) =>
    el('option', {value: u.id, selected: u.id === unitId, text: `${u.code}: ${u.title}`})));
  const load = async () => {
    replace(table, el('p', {class: 'muted', text: 'Loading…'}));
    try {
      const [sum, questions] = await Promise.all([moderation.agreement(), questionsOfUnit(select.value)]);
      overall.textContent = describeAgreement(sum);
      const rows = await Promise.all(questions.map(async (q, i) => ({q, n: i + 1, a: await moderation.agreement(q.id)})));
      const moderated = rows.filter((r) => r.a.n > 0);
      replace(table, moderated.length ? el('div', {class: 'table-scroll'}, el('table', {class: 'data-table', attrs: {'data-testid': 'agreement-table'}},
        el('caption', {text: 'Engine and tutors, per question'}),
        el('thead', {}, el('tr', {}, ['Question', 'Moderated', 'Exact', 'Within 1', 'QWK', 'Pearson r'].map((h) => el('th', {scope: 'col', text: h})))),
        el('tbody', {}, moderated.map(({q, n, a}) => el('tr', {dataset: {questionId: q.id}},
          el('th', {scope: 'row'}, el('a', {href: `#/bank/questions/${enc(q.id)}`, text: `Q${n}`}), ` ${excerpt(q.scheme.stem, 70)} `,
            el('a', {href: queueHref({question: q.id}), text: 'queue', attrs: {'aria-label': `Review queue for question ${n}`}})),
          el('td', {text: String(a.n)}), el('td', {text: percent(a.exact)}), el('td', {text: percent(a.adjacent)}),
          el('td', {text: a.qwk.toFixed(2)}), el('td', {text: a.pearson.toFixed(2)}))))))
        : el('p', {class: 'muted', text: 'No marks on this unit’s questions have been moderated yet.'}));
    } catch (e) {
      overall.textContent = '';
      replace(table, el('p', {class: 'alert error', attrs: {role: 'alert'}, text: e instanceof ApiError ? e.describe() : 'Agreement figures could not load.'}));
    }
  };
  const form = el('form', {class: 'tutor-form inline-form', noValidate: true, on: {submit: (e) => { e.preventDefault(); load(); }}},
    el('div', {class: 'field'}, el('label', {htmlFor: 'agreement-unit', text: 'Unit'}), select),
    el('button', {type: 'submit', class: 'button', text: 'Show agreement'}));
  load();
  return el('section', {class: 'card', attrs: {'aria-labelledby': 'agreement-heading'}},
    el('h2', {id: 'agreement-heading', text: 'Agreement: engine and tutors'}),
    el('p', {class: 'hint', text: 'On marks a tutor accepted or overrode: exact agreement, within one mark, quadratic weighted kappa and Pearson r.'}),
    overall, form, table);
}

function describeAgreement(a) {
  if (!a.n) return 'No marks moderated yet.';
  return `All questions: ${a.n} moderated mark${a.n === 1 ? '' : 's'}, ${percent(a.exact)} exact, ${percent(a.adjacent)} within one mark, QWK ${a.qwk.toFixed(2)}, Pearson r ${a.pearson.toFixed(2)}.`;
}

const REVIEW_WORDS = {
  none: 'Not asked for review', pending: 'Waiting for review', accepted: 'Accepted', overridden: 'Overridden',
};

/** #/tutor/moderation/:markId */
export async function renderMarkReview(ctx, markId) {
  const mark = await marks.get(markId);
  const question = mark.questionId ? await api.get(`/api/v1/questions/${enc(mark.questionId)}`).catch(() => null) : null;
  const unit = question?.unitId ? await units.get(question.unitId).catch(() => null) : null;
  if (ctx.signal.aborted) return;
  const codeOf = (id) => unit?.learningOutcomes.find((o) => o.id === id)?.code || id;
  const scheme = question?.scheme || null;
  const review = mark.review || {status: 'none'};
  const status = el('div', {id: 'review-status', attrs: {'aria-live': 'polite'}}, reviewState(mark));

  replace(ctx.main,
    el('nav', {class: 'breadcrumb', attrs: {'aria-label': 'Breadcrumb'}}, el('ol', {},
      el('li', {}, el('a', {href: '#/tutor/moderation', text: 'Moderation'})),
      el('li', {attrs: {'aria-current': 'page'}, text: 'Review a mark'}))),
    el('h1', {text: 'Review a mark'}),
    tutorNav('moderation'),
    el('p', {class: 'meta'}, mark.learnerId ? `Learner ${mark.learnerId}` : 'No learner (a preview or an LMS check)',
      mark.questionId ? ` · question ${mark.questionId} version ${mark.questionVersion}` : ' · inline scheme'),
    scheme ? el('p', {class: 'stem'}, stemWithCommandWord(scheme.stem, scheme.commandWord)) : null,
    status,
    el('section', {class: 'card', attrs: {'aria-labelledby': 'engine-heading'}},
      el('h2', {id: 'engine-heading', text: 'The engine’s mark'}),
      markBreakdown({mark, scheme, answer: mark.answer, prefix: 'review'})),
    decisionForm(ctx, {mark, question, status, codeOf}),
    el('p', {}, el('a', {href: '#/tutor/moderation', text: 'Back to the queue'})));
  ctx.ready(review.status === 'pending' ? 'Review a mark' : `Mark ${REVIEW_WORDS[review.status] || review.status}`);
}

function reviewState(mark) {
  const r = mark.review || {status: 'none'};
  if (r.status === 'overridden') {
    return el('p', {class: 'alert ok', attrs: {'data-testid': 'review-state'}},
      el('strong', {text: `Overridden to ${r.tutorMark} of ${mark.maxMarks}`}), r.tutorId ? ` by ${r.tutorId}` : '',
      ` (the engine gave ${mark.mark}). Reason: `, el('q', {text: r.reason || ''}));
  }
  if (r.status === 'accepted') {
    return el('p', {class: 'alert ok', attrs: {'data-testid': 'review-state'}},
      el('strong', {text: `Accepted at ${mark.mark} of ${mark.maxMarks}`}), r.tutorId ? ` by ${r.tutorId}` : '');
  }
  return el('p', {class: 'alert', attrs: {'data-testid': 'review-state'}}, el('strong', {text: REVIEW_WORDS[r.status] || r.status}),
    r.status === 'pending' && r.reason ? ['. The learner asked for a review: ', el('q', {text: r.reason})] : null);
}

function decisionForm(ctx, {mark, question, status, codeOf}) {
  const markInput = el('input', {type: 'number', id: 'override-mark', name: 'mark', min: 0, max: mark.maxMarks, step: 1,
    inputMode: 'numeric', value: '', attrs: {'aria-describedby': 'override-mark-hint'}});
  const reason = el('textarea', {id: 'override-reason', name: 'reason', rows: 3, maxLength: 2000,
    attrs: {'aria-describedby': 'override-reason-hint'}});
  const error = el('div', {id: 'decision-error', class: 'field-error'});
  const acceptButton = el('button', {type: 'button', class: 'button', text: `Accept the engine’s mark (${mark.mark} of ${mark.maxMarks})`});
  const overrideButton = el('button', {type: 'submit', class: 'button primary', text: 'Override the mark'});
  const outcome = el('div', {id: 'decision-result'});

  const fail = (message, field) => {
    replace(error, el('div', {class: 'alert error', attrs: {role: 'alert'}}, el('p', {text: message})));
    for (const f of [markInput, reason]) f.removeAttribute('aria-invalid');
    if (field) { field.setAttribute('aria-invalid', 'true'); field.focus(); }
  };

  async function decide(kind) {
    replace(error);
    const tutor = signedInId();
    let newMark;
    if (kind === 'override') {
      newMark = Number(markInput.value);
      if (markInput.value.trim() === '' || !Number.isInteger(newMark) || newMark < 0 || newMark > mark.maxMarks) {
        fail(`Give your mark as a whole number from 0 to ${mark.maxMarks}.`, markInput);
        return;
      }
      if (!reason.value.trim()) {
        fail('Give a reason for the override: it is kept with the mark and the learner can ask to see it.', reason);
        return;
      }
    }
    for (const f of [markInput, reason]) f.removeAttribute('aria-invalid');
    const outcomes = question?.learningOutcomes || [];
    const before = mark.learnerId && outcomes.length ? await masteryOf(mark.learnerId).catch(() => null) : null;
    for (const b of [acceptButton, overrideButton]) b.disabled = true;
    let saved;
    try {
      saved = kind === 'override'
        ? await moderation.override(mark.markId, newMark, reason.value.trim(), tutor)
        : await moderation.accept(mark.markId, tutor);
    } catch (e) {
      for (const b of [acceptButton, overrideButton]) b.disabled = false;
      const field = e instanceof ApiError && e.errors.some((x) => x.field === 'mark') ? markInput
        : e instanceof ApiError && e.errors.some((x) => x.field === 'reason') ? reason : null;
      fail(e instanceof ApiError ? e.describe() : 'The decision could not be saved. Try again.', field);
      return;
    }
    for (const b of [acceptButton, overrideButton]) b.disabled = false;
    replace(status, reviewState(saved));
    const heading = el('h2', {id: 'decision-heading', attrs: {tabindex: '-1'},
      text: kind === 'override' ? `Saved: ${saved.finalMark} of ${saved.maxMarks}` : 'Saved: mark accepted'});
    const masteryBox = el('div', {attrs: {'aria-live': 'polite'}});
    replace(outcome, el('section', {class: 'card done', attrs: {'aria-labelledby': 'decision-heading'}}, heading,
      kind === 'override' && mark.learnerId ? el('p', {text: `${mark.learnerId}’s mastery is being worked out again from your mark.`}) : null,
      masteryBox,
      el('div', {class: 'actions'}, el('a', {class: 'button primary', href: '#/tutor/moderation', text: 'Back to the queue'}))));
    heading.focus();
    announce(heading.textContent);
    if (kind === 'override' && before) await showMasteryMove(ctx, masteryBox, mark.learnerId, outcomes, before, codeOf);
  }

  acceptButton.addEventListener('click', () => decide('accept'));
  const form = el('form', {class: 'card decision', noValidate: true, attrs: {'aria-labelledby': 'decision-form-heading'},
    on: {submit: (e) => { e.preventDefault(); decide('override'); }}},
  el('h2', {id: 'decision-form-heading', text: 'Your decision'}),
  el('div', {class: 'actions'}, acceptButton),
  el('fieldset', {}, el('legend', {text: 'Or give your own mark'}),
    el('div', {class: 'field'}, el('label', {htmlFor: 'override-mark', text: 'Your mark'}),
      el('p', {id: 'override-mark-hint', class: 'hint', text: `A whole number from 0 to ${mark.maxMarks}.`}), markInput),
    el('div', {class: 'field'}, el('label', {htmlFor: 'override-reason', text: 'Reason'}),
      el('p', {id: 'override-reason-hint', class: 'hint', text: 'Why the mark changes, for the learner and the audit (required).'}), reason),
    error,
    el('div', {class: 'actions'}, overrideButton)));
  return el('div', {}, form, outcome);
}

/** progress-service recomputes mastery when it consumes MarkOverridden: wait for it, then show before and after. */
async function showMasteryMove(ctx, box, learner, outcomes, before, codeOf) {
  replace(box, el('p', {class: 'muted', text: 'Waiting for the new mastery…'}));
  const moved = (after) => outcomes.some((o) => after.get(o) && (after.get(o).mastery !== before.get(o)?.mastery
    || after.get(o).updatedAt !== before.get(o)?.updatedAt));
  let after = before;
  for (let attempt = 0; attempt < 30 && !ctx.signal.aborted; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    after = await masteryOf(learner).catch(() => before);
    if (moved(after)) break;
  }
  if (ctx.signal.aborted) return;
  const lines = outcomes.filter((o) => after.get(o)).map((o) => el('li', {dataset: {outcome: o}},
    `${codeOf(o)}: `, before.get(o) ? `${percent(before.get(o).mastery)} → ` : '', el('strong', {text: percent(after.get(o).mastery)})));
  replace(box, moved(after)
    ? [el('p', {class: 'mastery-heading', text: `${learner}’s mastery now`}), el('ul', {attrs: {'data-testid': 'mastery-after'}}, lines)]
    : el('p', {class: 'muted', text: 'The new mastery has not arrived yet; it will show on the cohort pages shortly.'}));
}
