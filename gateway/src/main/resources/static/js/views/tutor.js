// Tutor: saved cohorts (when progress-service has the cohort API) and a learner x learning-outcome mastery heatmap for
// a typed list of learners, built on each learner's mastery, which works on any server.
import {el, replace, percent} from '../dom.js';
import {units, masteryOf} from '../api.js';
import {statusLabel} from '../mastery.js';
import {drawHeatmap, THIN_EVIDENCE} from '../charts.js';
import {tutorNav} from './tutor-nav.js';
import {cohortsCard} from './cohort.js';

const LEARNERS_KEY = 'markpoint.tutor.learners';


function savedLearners() {
  try { return localStorage.getItem(LEARNERS_KEY) || ''; } catch { return ''; }
}

function parseLearners(text) {
  return [...new Set(text.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean))].slice(0, 200);
}

export async function renderTutor(ctx) {
  const unitList = await units.list();
  if (ctx.signal.aborted) return;
  const wantedUnit = ctx.params.get('unit') || unitList.find((u) => u.learningOutcomes > 0)?.id || '';
  const cohortsPart = await cohortsCard(ctx.signal, wantedUnit);
  if (ctx.signal.aborted) return;
  const select = el('select', {id: 'tutor-unit', name: 'unit'},
    unitList.map((u) => el('option', {value: u.id, selected: u.id === wantedUnit, text: `${u.code}: ${u.title}`})));
  const learnersBox = el('textarea', {id: 'tutor-learners', rows: 3, value: ctx.params.get('learners') || savedLearners(),
    spellcheck: false, attrs: {'aria-describedby': 'tutor-learners-hint'}});
  const output = el('div', {id: 'cohort', attrs: {'aria-live': 'polite'}});
  const form = el('form', {class: 'card tutor-form', noValidate: true, attrs: {'aria-labelledby': 'list-heading'}},
    el('h2', {id: 'list-heading', text: 'Mastery for a list of learners'}),
    el('div', {class: 'field'}, el('label', {htmlFor: 'tutor-unit', text: 'Unit'}), select),
    el('div', {class: 'field'}, el('label', {htmlFor: 'tutor-learners', text: 'Learners'}),
      el('p', {id: 'tutor-learners-hint', class: 'hint', text: 'Learner ids, separated by commas or new lines.'}), learnersBox),
    el('div', {class: 'actions'}, el('button', {type: 'submit', class: 'button primary', text: 'Show mastery'})));
  const show = async () => {
    const learners = parseLearners(learnersBox.value);
    try { localStorage.setItem(LEARNERS_KEY, learners.join(', ')); } catch { /* best effort */ }
    if (!learners.length) {
      replace(output, el('p', {class: 'alert', attrs: {role: 'alert'}, text: 'Enter at least one learner id.'}));
      return;
    }
    replace(output, el('p', {class: 'muted', text: 'Loading…'}));
    const [unit, ...masteries] = await Promise.all([units.get(select.value),
      ...learners.map((l) => masteryOf(l).catch(() => new Map()))]);
    if (ctx.signal.aborted) return;
    await renderCohort(output, unit, learners, masteries);
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); show(); });
  replace(ctx.main,
    el('h1', {text: 'Cohort mastery'}),
    tutorNav('cohorts'),
    el('p', {class: 'lead', text: 'Mastery of each learning outcome for a group of learners. Colour shows mastery; faded cells rest on fewer than three answers.'}),
    cohortsPart, form, output);
  ctx.ready('Cohort mastery');
  if (parseLearners(learnersBox.value).length) await show();
}

async function renderCohort(output, unit, learners, masteries) {
  const outcomes = unit.learningOutcomes;
  const cell = (li, oi) => masteries[li].get(outcomes[oi].id);
  const detail = el('div', {id: 'cell-detail', class: 'card', attrs: {'aria-live': 'polite'}},
    el('p', {class: 'muted', text: 'Select a cell to see the learner’s mastery of that outcome.'}));
  const showDetail = (li, oi) => {
    const m = cell(li, oi);
    const o = outcomes[oi];
    replace(detail, el('h2', {text: `${learners[li]} · ${o.code}`}), el('p', {text: o.title}),
      m ? el('p', {}, el('strong', {text: percent(m.mastery)}), ` · ${statusLabel(m.status)} · ${m.evidence} answer${m.evidence === 1 ? '' : 's'} · last ${new Date(m.updatedAt).toLocaleString('en-GB')}`)
        : el('p', {class: 'muted', text: 'No answers on this outcome yet.'}));
  };

  // LOs ranked by weakness: mean mastery over the learners with evidence
  const ranked = outcomes.map((o, oi) => {
    const seen = learners.map((_, li) => cell(li, oi)).filter(Boolean);
    return {o, seen: seen.length, mean: seen.length ? seen.reduce((s, m) => s + m.mastery, 0) / seen.length : null};
  }).filter((r) => r.seen > 0).sort((a, b) => a.mean - b.mean);
  const atRisk = learners.map((l, li) => {
    const weak = outcomes.map((o, oi) => ({o, m: cell(li, oi)}))
      .filter(({m}) => m && m.status === 'not-yet-secure' && m.evidence >= 2);
    return weak.length ? {l, reason: weak.map(({o, m}) => `${o.code} at ${percent(m.mastery)} after ${m.evidence} answers`).join('; ')} : null;
  }).filter(Boolean);

  const chartBox = el('div', {class: 'heatmap', attrs: {role: 'img', 'aria-label': 'Heatmap of mastery by learner and learning outcome; the same figures are in the table below.'}});
  const table = el('table', {class: 'cohort-table'},
    el('caption', {text: `Mastery by learner and outcome, ${unit.code}`}),
    el('thead', {}, el('tr', {}, el('th', {scope: 'col', text: 'Learner'}), outcomes.map((o) => el('th', {scope: 'col', attrs: {title: o.title}, text: o.code})))),
    el('tbody', {}, learners.map((l, li) => el('tr', {}, el('th', {scope: 'row', text: l}), outcomes.map((o, oi) => {
      const m = cell(li, oi);
      return el('td', {dataset: {learner: l, outcome: o.id}, class: m ? (m.evidence < THIN_EVIDENCE ? 'thin' : '') : 'none'},
        el('button', {type: 'button', class: 'cell-button', on: {click: () => showDetail(li, oi)},
          attrs: {'aria-label': `${l}, ${o.code}: ${m ? `${percent(m.mastery)}, ${m.evidence} answers` : 'no answers'}`}},
        m ? `${percent(m.mastery)} (${m.evidence})` : '—'));
    })))));

  replace(output,
    el('section', {class: 'card', attrs: {'aria-labelledby': 'heatmap-heading'}},
      el('h2', {id: 'heatmap-heading', text: `${unit.code}: ${unit.title}`}), chartBox,
      el('div', {class: 'table-scroll'}, table)),
    detail,
    el('section', {class: 'card', attrs: {'aria-labelledby': 'weak-heading'}},
      el('h2', {id: 'weak-heading', text: 'Weakest outcomes'}),
      ranked.length ? el('ol', {}, ranked.map((r) => el('li', {}, el('strong', {text: r.o.code}), ` ${r.o.title}: mean ${percent(r.mean)} over ${r.seen} learner${r.seen === 1 ? '' : 's'}`)))
        : el('p', {class: 'muted', text: 'No answers yet.'})),
    el('section', {class: 'card', attrs: {'aria-labelledby': 'risk-heading'}},
      el('h2', {id: 'risk-heading', text: 'Learners at risk'}),
      atRisk.length ? el('ul', {}, atRisk.map((r) => el('li', {}, el('strong', {text: r.l}), `: ${r.reason}`)))
        : el('p', {class: 'muted', text: 'Nobody is stuck below secure after two or more answers.'})));
  await drawHeatmap(chartBox, learners, outcomes, cell, showDetail);
}
