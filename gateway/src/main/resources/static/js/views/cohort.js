// Tutor: the cohort dashboard, built on progress-service's cohort read models. Each part loads on its own, so one
// missing figure never blanks the page; a server without the cohort API gets a plain "unavailable" message.
import {el, replace, percent, announce} from '../dom.js';
import {units, questionsOfUnit, cohorts, ApiError, isMissing} from '../api.js';
import {statusLabel} from '../mastery.js';
import {drawHeatmap, drawTrend, THIN_EVIDENCE} from '../charts.js';
import {tutorNav} from './tutor-nav.js';

/** The server has no such route (not the API's own 404 for a cohort, learner or unit that does not exist). */
export const isUnavailable = (e) => e instanceof ApiError && !isMissing(e) && [404, 405, 501].includes(e.status);
const idOf = (c) => c.id;
const learnersOf = (c) => c.learnerIds || [];
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function cohortHref(id, unitId) {
  return `#/tutor/cohorts/${encodeURIComponent(id)}${unitId ? `?unit=${encodeURIComponent(unitId)}` : ''}`;
}

function unavailableNote() {
  return el('div', {class: 'alert', attrs: {role: 'note', 'data-testid': 'cohorts-unavailable'}},
    el('p', {}, el('strong', {text: 'Cohort analytics unavailable. '}),
      'This server does not offer cohort dashboards yet, so there are no saved cohorts, trends or at-risk lists. ',
      'You can still see the mastery of a list of learners below.'));
}

/** The cohorts card on the tutor's first screen: saved cohorts and a form to make one, or why there are none. */
export async function cohortsCard(signal, unitId) {
  const card = el('section', {class: 'card', attrs: {'aria-labelledby': 'cohorts-heading'}},
    el('h2', {id: 'cohorts-heading', text: 'Cohorts'}));
  let saved;
  try {
    saved = await cohorts.list();
  } catch (e) {
    if (signal.aborted) return card;
    card.append(isUnavailable(e) ? unavailableNote()
      : el('div', {class: 'alert error', attrs: {role: 'alert'}}, el('p', {text: `Cohorts could not load. ${e instanceof ApiError ? e.describe() : ''}`})));
    return card;
  }
  const name = el('input', {id: 'cohort-name', name: 'name', maxLength: 200, autocomplete: 'off'});
  const learners = el('textarea', {id: 'cohort-learners', rows: 3, spellcheck: false, attrs: {'aria-describedby': 'cohort-learners-hint'}});
  const error = el('div', {class: 'field-error'});
  const form = el('form', {class: 'tutor-form', noValidate: true},
    el('h3', {text: 'New cohort'}),
    el('div', {class: 'field'}, el('label', {htmlFor: 'cohort-name', text: 'Name'}), name),
    el('div', {class: 'field'}, el('label', {htmlFor: 'cohort-learners', text: 'Learners'}),
      el('p', {id: 'cohort-learners-hint', class: 'hint', text: 'Learner ids, separated by commas or new lines.'}), learners),
    error,
    el('div', {class: 'actions'}, el('button', {type: 'submit', class: 'button', text: 'Create cohort'})));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const ids = [...new Set(learners.value.split(/[\s,;]+/).filter(Boolean))];
    if (!name.value.trim() || ids.length === 0) {
      replace(error, el('p', {class: 'alert error', attrs: {role: 'alert'}, text: 'Give the cohort a name and at least one learner id.'}));
      (name.value.trim() ? learners : name).focus();
      return;
    }
    try {
      const made = await cohorts.create(name.value.trim(), ids);
      location.hash = cohortHref(idOf(made), unitId).slice(1);
    } catch (e) {
      replace(error, el('p', {class: 'alert error', attrs: {role: 'alert'}, text: e instanceof ApiError ? e.describe() : 'The cohort could not be saved.'}));
    }
  });
  card.append(saved.length
    ? el('ul', {class: 'cohort-list'}, saved.map((c) => el('li', {},
      el('a', {href: cohortHref(idOf(c), unitId), text: c.name || idOf(c)}),
      el('span', {class: 'muted', text: ` · ${plural(learnersOf(c).length, 'learner')}`}))))
    : el('p', {class: 'muted', text: 'No cohorts yet.'}),
  form);
  return card;
}

/** A part of the dashboard that could not load: say why, keep the rest. */
function partFailed(reason) {
  const message = isUnavailable(reason) ? 'Not available from this server yet.'
    : `Could not load: ${reason instanceof ApiError ? reason.describe() : 'unexpected error'}`;
  return el('p', {class: 'muted', text: message});
}

async function allGridPages(id, unitId) {
  const first = await cohorts.grid(id, unitId);
  const grid = {outcomes: first.outcomes || [], items: [...(first.items || [])]};
  let next = first.next;
  for (let page = 0; next && page < 10; page++) {
    const more = await cohorts.grid(id, unitId, next);
    grid.items.push(...(more.items || []));
    next = more.next;
  }
  return grid;
}

/** #/tutor/cohorts/:id?unit= */
export async function renderCohortDashboard(ctx, id) {
  const [unitList, cohort] = await Promise.all([units.list(), cohorts.get(id).catch((e) => e)]);
  if (ctx.signal.aborted) return;
  if (cohort instanceof Error) {
    replace(ctx.main, el('h1', {text: 'Cohort dashboard'}), tutorNav('cohorts'),
      isUnavailable(cohort) ? unavailableNote() : el('div', {class: 'alert error', attrs: {role: 'alert'}}, el('p', {text: cohort.describe?.() || 'The cohort could not load.'})),
      el('p', {}, el('a', {href: '#/tutor', text: 'Back to cohorts'})));
    ctx.ready('Cohort dashboard');
    return;
  }
  const unitId = ctx.params.get('unit') || unitList.find((u) => u.learningOutcomes > 0)?.id || '';
  const [unit, bankQuestions] = await Promise.all([units.get(unitId), questionsOfUnit(unitId).catch(() => [])]);
  const parts = await Promise.allSettled([allGridPages(id, unitId), cohorts.outcomes(id, unitId), cohorts.atRisk(id),
    cohorts.questions(id, unitId), cohorts.missedPoints(id, unitId), cohorts.misconceptions(id, unitId)]);
  if (ctx.signal.aborted) return;
  const [grid, ranked, atRisk, questionStats, missed, misconceptions] = parts;
  const look = lookups(unit, bankQuestions);
  // the API orders outcomes by id (LO10 before LO2); show them in the unit's order, as everywhere else
  if (grid.status === 'fulfilled') grid.value.outcomes.sort((a, b) => look.order(a.outcomeId) - look.order(b.outcomeId));
  if (ranked.status === 'fulfilled') {
    ranked.value.sort((a, b) => (a.meanMastery == null) - (b.meanMastery == null) || (a.meanMastery ?? 0) - (b.meanMastery ?? 0)
      || look.order(a.outcomeId) - look.order(b.outcomeId));
  }

  const select = el('select', {id: 'cohort-unit', name: 'unit'},
    unitList.map((u) => el('option', {value: u.id, selected: u.id === unitId, text: `${u.code}: ${u.title}`})));
  const unitForm = el('form', {class: 'card tutor-form inline-form', noValidate: true,
    on: {submit: (e) => { e.preventDefault(); location.hash = cohortHref(id, select.value).slice(1); }}},
  el('div', {class: 'field'}, el('label', {htmlFor: 'cohort-unit', text: 'Unit'}), select),
  el('button', {type: 'submit', class: 'button', text: 'Show unit'}));

  const detail = el('section', {id: 'cohort-cell-detail', class: 'card', attrs: {'aria-labelledby': 'cell-detail-heading'}},
    el('h2', {id: 'cell-detail-heading', text: 'A learner’s answers'}),
    el('p', {class: 'muted', text: 'Select a cell of the heatmap (or the table) to see that learner’s answers for that outcome.'}));
  const heatmapBox = el('div', {class: 'heatmap', attrs: {role: 'img', 'aria-label': 'Heatmap of mastery by learner and learning outcome; the same figures are in the table below.'}});
  const trendPart = trendSection(id, look, ranked.status === 'fulfilled' ? ranked.value : [], unit);

  replace(ctx.main,
    el('h1', {text: `Cohort: ${cohort.name || id}`}),
    tutorNav('cohorts'),
    el('p', {class: 'lead', text: `Mastery of ${unit.code} by the learners of this cohort. Faded cells rest on fewer than ${THIN_EVIDENCE} answers.`}),
    unitForm,
    el('section', {class: 'card', attrs: {'aria-labelledby': 'grid-heading'}},
      el('h2', {id: 'grid-heading', text: `${unit.code}: learners by outcome`}),
      grid.status === 'fulfilled' ? (grid.value.items.length ? [heatmapBox, gridTable(grid.value, look, (l, o) => showAnswers(detail, l, o, look))]
        : el('p', {class: 'muted', text: 'This cohort has no learners yet.'})) : partFailed(grid.reason)),
    detail,
    el('section', {class: 'card', attrs: {'aria-labelledby': 'ranked-heading'}},
        el('h2', {id: 'ranked-heading', text: 'Outcomes, weakest first'}),
        ranked.status === 'fulfilled' ? rankedTable(ranked.value, look) : partFailed(ranked.reason)),
    el('section', {class: 'card', attrs: {'aria-labelledby': 'at-risk-heading'}},
        el('h2', {id: 'at-risk-heading', text: 'Learners at risk'}),
        atRisk.status === 'fulfilled' ? atRiskList(atRisk.value) : partFailed(atRisk.reason)),
    trendPart.node,
    el('section', {class: 'card', attrs: {'aria-labelledby': 'missed-points-heading'}},
      el('h2', {id: 'missed-points-heading', text: 'Most-missed marking points'}),
      missed.status === 'fulfilled' ? missedTable(missed.value, look) : partFailed(missed.reason)),
    el('section', {class: 'card', attrs: {'aria-labelledby': 'common-misconceptions-heading'}},
      el('h2', {id: 'common-misconceptions-heading', text: 'Commonest misconceptions'}),
      misconceptions.status === 'fulfilled' ? misconceptionTable(misconceptions.value, look) : partFailed(misconceptions.reason)),
    el('section', {class: 'card', attrs: {'aria-labelledby': 'question-stats-heading'}},
      el('h2', {id: 'question-stats-heading', text: 'Questions: facility and discrimination'}),
      el('p', {class: 'hint', text: 'Facility: the mean share of marks learners got. Discrimination: how well the question separates stronger from weaker learners (below 0.2 is weak).'}),
      questionStats.status === 'fulfilled' ? questionTable(questionStats.value, look) : partFailed(questionStats.reason)));
  ctx.ready(`Cohort: ${cohort.name || id}`);
  if (grid.status === 'fulfilled' && grid.value.items.length) {
    const g = grid.value;
    const cellAt = (li, oi) => {
      const c = g.items[li].cells.find((x) => x.outcomeId === g.outcomes[oi].outcomeId);
      return c && c.evidence > 0 ? c : undefined;
    };
    await drawHeatmap(heatmapBox, g.items.map((i) => i.learnerId), g.outcomes.map((o) => look.outcome(o.outcomeId)), cellAt,
      (li, oi) => showAnswers(detail, g.items[li].learnerId, g.outcomes[oi].outcomeId, look));
  }
  await trendPart.draw();
}

/** Names for the ids the analytics return: outcome codes, question stems, marking point texts, misconceptions. */
function lookups(unit, questions) {
  const outcomes = new Map(unit.learningOutcomes.map((o) => [o.id, o]));
  const position = new Map(unit.learningOutcomes.map((o, i) => [o.id, i]));
  const byId = new Map(questions.map((q, i) => [q.id, {q, n: i + 1}]));
  const short = (text, n = 90) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
  return {
    outcome: (id) => outcomes.get(id) || {id, code: id, title: ''},
    /** Where the outcome comes in the unit (ones the unit does not list go last). */
    order: (id) => position.get(id) ?? Number.MAX_SAFE_INTEGER,
    question: (id) => {
      const found = byId.get(id);
      return found ? `Q${found.n}: ${short(found.q.scheme.stem)}` : id;
    },
    point: (questionId, pointId) => byId.get(questionId)?.q.scheme.markingPoints.find((p) => p.id === pointId)?.text || pointId,
    misconception: (questionId, id) => byId.get(questionId)?.q.scheme.misconceptions.find((m) => m.id === id)?.pattern || id,
  };
}

function gridTable(grid, look, onSelect) {
  const outcomes = grid.outcomes.map((o) => look.outcome(o.outcomeId));
  return el('div', {class: 'table-scroll'}, el('table', {class: 'cohort-table'},
    el('caption', {text: 'Mastery (answers) by learner and outcome'}),
    el('thead', {}, el('tr', {}, el('th', {scope: 'col', text: 'Learner'}),
      outcomes.map((o) => el('th', {scope: 'col', attrs: {title: o.title}, text: o.code})))),
    el('tbody', {}, grid.items.map((row) => el('tr', {}, el('th', {scope: 'row', text: row.learnerId}),
      grid.outcomes.map((o, oi) => {
        const c = row.cells.find((x) => x.outcomeId === o.outcomeId);
        const has = c && c.evidence > 0;
        const range = has && c.low != null && c.high != null ? `, likely ${percent(c.low)} to ${percent(c.high)}` : '';
        return el('td', {dataset: {learner: row.learnerId, outcome: o.outcomeId}, class: has ? (c.evidence < THIN_EVIDENCE ? 'thin' : '') : 'none'},
          el('button', {type: 'button', class: 'cell-button', on: {click: () => onSelect(row.learnerId, o.outcomeId)},
            attrs: {'aria-label': `${row.learnerId}, ${outcomes[oi].code}: ${has ? `${percent(c.mastery)}${range}, ${plural(c.evidence, 'answer')}, ${statusLabel(c.status)}` : 'no answers'}`}},
          has ? `${percent(c.mastery)} (${c.evidence})` : '—'));
      }))))));
}

async function showAnswers(detail, learnerId, outcomeId, look) {
  const o = look.outcome(outcomeId);
  const heading = el('h2', {id: 'cell-detail-heading', attrs: {tabindex: '-1'}, text: `${learnerId} · ${o.code}`});
  // the heading stays put (and keeps the focus) while the answers load into the part below it
  const body = el('div', {}, el('p', {class: 'muted', text: 'Loading answers…'}));
  replace(detail, heading, body);
  heading.focus();
  let answers;
  try {
    answers = await cohorts.learnerAnswers(learnerId, outcomeId);
  } catch (e) {
    if (heading.isConnected) replace(body, partFailed(e));
    return;
  }
  if (!heading.isConnected) return; // another cell was chosen meanwhile
  replace(body, o.title ? el('p', {text: o.title}) : null,
    answers.length ? el('ol', {class: 'answer-list'}, answers.map((a) => el('li', {},
      el('p', {}, el('strong', {text: `${a.mark} of ${a.maxMarks}`}), ' · ', look.question(a.questionId),
        a.overridden ? [' ', el('span', {class: 'tag flag-tag', text: 'overridden'})] : null),
      el('p', {class: 'muted'}, a.answeredAt ? new Date(a.answeredAt).toLocaleString('en-GB') : '', ' · ',
        el('a', {href: `#/tutor/moderation/${encodeURIComponent(a.markId)}`, text: 'Open the mark'})))))
      : el('p', {class: 'muted', text: 'No answers on this outcome yet.'}));
  announce(`${plural(answers.length, 'answer')} by ${learnerId} on ${o.code}`);
}

function simpleTable(caption, headings, rows) {
  if (!rows.length) return el('p', {class: 'muted', text: 'Nothing to show yet.'});
  return el('div', {class: 'table-scroll'}, el('table', {class: 'data-table'},
    el('caption', {class: 'visually-hidden', text: caption}),
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', {scope: 'col', text: h})))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c, i) => (i === 0 ? el('th', {scope: 'row'}, c) : el('td', {}, c))))))));
}

function rankedTable(ranked, look) {
  return simpleTable('Outcomes ranked by mean mastery, weakest first', ['Outcome', 'Mean mastery', 'Assessed', 'Not secure', 'Answers'],
    ranked.map((r) => {
      const o = look.outcome(r.outcomeId);
      return [[el('strong', {text: o.code}), o.title ? ` ${o.title}` : ''], r.meanMastery == null ? '—' : percent(r.meanMastery),
        String(r.learnersAssessed),
        String(r.learnersNotSecure), String(r.evidence)];
    }));
}

const RISK_WORDS = {
  'low-mastery': 'Low mastery', 'falling-trend': 'Falling', 'inactive': 'No recent activity',
};

function atRiskList(items) {
  if (!items.length) return el('p', {class: 'muted', text: 'Nobody is flagged at risk.'});
  return el('ul', {class: 'risk-list'}, items.map((r) => el('li', {dataset: {learner: r.learnerId}},
    el('strong', {text: r.learnerId}),
    el('ul', {}, (r.reasons || []).map((x) => el('li', {}, el('span', {class: 'tag flag-tag', text: RISK_WORDS[x.code] || x.code}), ' ', x.detail || ''))))));
}

function missedTable(items, look) {
  return simpleTable('Marking points most often missed', ['Marking point', 'Question', 'Missed'],
    items.map((m) => [look.point(m.questionId, m.pointId), look.question(m.questionId),
      `${m.missed} of ${m.attempts} (${percent(m.attempts ? m.missed / m.attempts : 0)})`]));
}

function misconceptionTable(items, look) {
  return simpleTable('Misconceptions most often found', ['Misconception', 'Correction', 'Times'],
    items.map((m) => [look.misconception(m.questionId, m.misconceptionId), m.correction || '', String(m.count)]));
}

function questionTable(items, look) {
  return simpleTable('Facility and discrimination per question', ['Question', 'Attempts', 'Facility', 'Discrimination'],
    items.map((q) => [look.question(q.questionId), String(q.attempts), percent(q.facility),
      q.discrimination == null ? '—' : [q.discrimination.toFixed(2), q.discrimination < 0.2 ? [' ', el('span', {class: 'tag flag-tag', text: 'weak'})] : null]]));
}

/** The trend chart for one outcome over the last N days, with the same figures as a table. */
function trendSection(id, look, ranked, unit) {
  const first = ranked[0]?.outcomeId || unit.learningOutcomes[0]?.id || '';
  const outcomeSelect = el('select', {id: 'trend-outcome'}, unit.learningOutcomes.map((o) =>
    el('option', {value: o.id, selected: o.id === first, text: `${o.code}: ${o.title}`})));
  const daysSelect = el('select', {id: 'trend-days'}, [7, 30, 90].map((d) => el('option', {value: String(d), selected: d === 30, text: `${d} days`})));
  const box = el('div', {class: 'trend-chart', attrs: {role: 'img', 'aria-label': 'Mean mastery and answers per day; the same figures are in the table below the chart.'}});
  const table = el('div');
  const draw = async () => {
    replace(table, el('p', {class: 'muted', text: 'Loading…'}));
    let points;
    try {
      points = (await cohorts.trend(id, outcomeSelect.value, Number(daysSelect.value))).points || [];
    } catch (e) {
      box.hidden = true;
      replace(table, partFailed(e));
      return;
    }
    box.hidden = false;
    replace(table, el('details', {}, el('summary', {text: 'The trend as a table'}),
      simpleTable('Mean mastery and answers per day', ['Date', 'Mean mastery', 'Answers'],
        points.map((p) => [p.date, p.meanMastery == null ? '—' : percent(p.meanMastery), String(p.answers ?? 0)]))));
    await drawTrend(box, points);
  };
  const form = el('form', {class: 'tutor-form inline-form', noValidate: true, on: {submit: (e) => { e.preventDefault(); draw(); }}},
    el('div', {class: 'field'}, el('label', {htmlFor: 'trend-outcome', text: 'Outcome'}), outcomeSelect),
    el('div', {class: 'field'}, el('label', {htmlFor: 'trend-days', text: 'Period'}), daysSelect),
    el('button', {type: 'submit', class: 'button', text: 'Show trend'}));
  const node = el('section', {class: 'card', attrs: {'aria-labelledby': 'trend-heading'}},
    el('h2', {id: 'trend-heading', text: 'Trend'}), form, box, table);
  return {node, draw: () => (first ? draw() : Promise.resolve())};
}
