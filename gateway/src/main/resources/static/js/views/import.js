// Tutor: import a file into the bank (seed revision page, Moodle XML, QTI 3.0 package): the job's progress as it
// runs, then the report of every item: created, republished, unchanged, failed, skipped (with the reason).
import {el, replace, announce} from '../dom.js';
import {imports, ApiError} from '../api.js';
import {tutorNav} from './tutor-nav.js';
import {bankQuestionHref, bankUnitHref} from './bank.js';

const MAX_BYTES = 10 * 1024 * 1024;
const FORMATS = [['auto', 'Work it out from the file name'], ['seed', 'Seed revision page (.txt, .md)'],
  ['moodle', 'Moodle XML (.xml)'], ['qti', 'QTI 3.0 package (.zip)']];
const OUTCOME_WORDS = {created: 'Created', republished: 'Republished', unchanged: 'Unchanged', imported: 'Imported', failed: 'Failed'};

export function formatOf(fileName) {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xml')) return 'moodle';
  if (name.endsWith('.zip')) return 'qti';
  if (/\.(txt|md|markdown|text)$/.test(name)) return 'seed';
  return '';
}

export function renderImport(ctx) {
  const file = el('input', {type: 'file', id: 'import-file', name: 'file', accept: '.txt,.md,.xml,.zip',
    attrs: {'aria-describedby': 'import-file-hint'}});
  const format = el('select', {id: 'import-format', name: 'format'}, FORMATS.map(([v, t]) => el('option', {value: v, text: t})));
  const error = el('div', {id: 'import-error', class: 'field-error'});
  const button = el('button', {type: 'submit', class: 'button primary', text: 'Import'});
  const progressArea = el('div', {id: 'import-job'});
  const fail = (message, control) => {
    replace(error, el('div', {class: 'alert error', attrs: {role: 'alert'}}, el('p', {text: message})));
    if (control) { control.setAttribute('aria-invalid', 'true'); control.focus(); }
  };

  async function start() {
    replace(error);
    for (const c of [file, format]) c.removeAttribute('aria-invalid');
    const chosen = file.files[0];
    if (!chosen) { fail('Choose a file to import.', file); return; }
    if (chosen.size === 0) { fail(`${chosen.name} is empty.`, file); return; }
    if (chosen.size > MAX_BYTES) { fail(`${chosen.name} is larger than 10 MB; split it into smaller files.`, file); return; }
    const kind = format.value === 'auto' ? formatOf(chosen.name) : format.value;
    if (!kind) { fail(`Markpoint cannot tell the format of ${chosen.name} from its name: choose it.`, format); return; }
    button.disabled = true;
    try {
      const job = await imports.start(chosen, kind);
      await follow(ctx, progressArea, job);
    } catch (e) {
      fail(e instanceof ApiError ? `${chosen.name} was not imported: ${e.describe()}` : `${chosen.name} was not imported.`);
    } finally {
      button.disabled = false;
    }
  }

  const form = el('form', {class: 'card tutor-form', noValidate: true, attrs: {'aria-labelledby': 'import-form-heading'},
    on: {submit: (e) => { e.preventDefault(); start(); }}},
  el('h2', {id: 'import-form-heading', text: 'Choose a file'}),
  el('div', {class: 'field'}, el('label', {htmlFor: 'import-file', text: 'File to import'}),
    el('p', {id: 'import-file-hint', class: 'hint', text: 'A seed revision page, a Moodle XML export or a QTI 3.0 package; up to 10 MB. Importing the same file again changes nothing.'}),
    file),
  el('div', {class: 'field'}, el('label', {htmlFor: 'import-format', text: 'Format'}), format),
  error,
  el('div', {class: 'actions'}, button));
  replace(ctx.main,
    el('nav', {class: 'breadcrumb', attrs: {'aria-label': 'Breadcrumb'}}, el('ol', {},
      el('li', {}, el('a', {href: '#/bank', text: 'Question bank'})),
      el('li', {attrs: {'aria-current': 'page'}, text: 'Import'}))),
    el('h1', {text: 'Import questions'}),
    tutorNav('import'),
    el('p', {class: 'lead', text: 'Questions and units from a file go straight into the bank and are published. Every item is reported: nothing is dropped silently.'}),
    form, progressArea);
  ctx.ready('Import questions');
}

/** Polls the job until it is done or failed, showing progress, then the report. */
async function follow(ctx, area, job) {
  const bar = el('progress', {id: 'import-progress', max: Math.max(job.total, 1), value: job.done, attrs: {'aria-labelledby': 'import-progress-label'}});
  const label = el('p', {id: 'import-progress-label', attrs: {role: 'status'}});
  const report = el('div');
  replace(area, el('section', {class: 'card', attrs: {'aria-labelledby': 'import-job-heading'}},
    el('h2', {id: 'import-job-heading', text: `Importing ${job.source}`}), label, bar, report));
  let current = job;
  for (let delay = 300; ; delay = Math.min(delay * 1.5, 2000)) {
    bar.max = Math.max(current.total, 1);
    bar.value = current.done;
    label.textContent = current.status === 'running'
      ? `${current.done} of ${current.total} items applied…` : `${current.status === 'done' ? 'Finished' : 'Stopped'}: ${current.done} of ${current.total} items applied.`;
    if (current.status !== 'running' || ctx.signal.aborted) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
    current = await imports.get(job.id);
  }
  if (ctx.signal.aborted) return;
  replace(report, jobReport(current));
  announce(label.textContent);
}

function jobReport(job) {
  const counts = new Map();
  for (const item of job.items) counts.set(item.outcome, (counts.get(item.outcome) || 0) + 1);
  const summary = [...counts].map(([k, v]) => `${v} ${(OUTCOME_WORDS[k] || k).toLowerCase()}`);
  if (job.skipped.length) summary.push(`${job.skipped.length} skipped`);
  const link = (item) => (item.outcome === 'failed' ? item.id
    : el('a', {href: item.kind === 'unit' ? bankUnitHref(item.id) : bankQuestionHref(item.id), text: item.id}));
  return [
    job.status === 'failed' ? el('p', {class: 'alert error', attrs: {role: 'alert'}, text: 'The import stopped part-way: the items below were applied, the rest were not. Import the file again to finish it.'}) : null,
    el('p', {attrs: {'data-testid': 'import-summary'}}, el('strong', {text: summary.join(', ') || 'Nothing to import'})),
    job.items.length ? el('div', {class: 'table-scroll'}, el('table', {class: 'data-table', attrs: {'data-testid': 'import-items'}},
      el('caption', {text: 'Items in the file'}),
      el('thead', {}, el('tr', {}, ['Item', 'Kind', 'Result', 'Reason'].map((h) => el('th', {scope: 'col', text: h})))),
      el('tbody', {}, job.items.map((item) => el('tr', {class: `outcome-${item.outcome}`},
        el('th', {scope: 'row'}, link(item)), el('td', {text: item.kind}),
        el('td', {}, el('span', {class: `tag ${item.outcome === 'failed' ? 'wrong-tag' : 'right-tag'}`, text: OUTCOME_WORDS[item.outcome] || item.outcome})),
        el('td', {text: item.reason || ''})))))) : null,
    job.skipped.length ? [el('h3', {text: 'Skipped'}), el('ul', {attrs: {'data-testid': 'import-skipped'}},
      job.skipped.map((s) => el('li', {}, el('strong', {text: s.item}), `: ${s.reason}`)))] : null,
    job.warnings.length ? [el('h3', {text: 'Warnings'}), el('ul', {}, job.warnings.map((w) => el('li', {}, el('strong', {text: w.item}), `: ${w.reason}`)))] : null,
  ];
}
