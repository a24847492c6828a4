// The marking-scheme form: stem, command word, marks, model answer, marking points (with the phrasings that earn
// them) and misconceptions. read() gives the scheme as typed and any problems, each naming its field, checked with
// the same rules as the bank and the engine (shared-model SchemeValidation).
import {el, replace} from './dom.js';

export const COMMAND_WORDS = ['identify', 'state', 'define', 'list', 'outline', 'describe', 'explain', 'discuss', 'compare',
  'analyse', 'assess', 'evaluate', 'justify', 'recommend'];
const MAX_MARKS = 100;
const MAX_POINTS = 50;

const lines = (text) => text.split('\n').map((x) => x.trim()).filter(Boolean);

function field(id, label, control, hint) {
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return el('div', {class: 'field'}, el('label', {htmlFor: id, text: label}),
    hint ? el('p', {id: `${id}-hint`, class: 'hint', text: hint}) : null, control);
}

/** The form for one question's scheme; outcomes: the unit's learning outcomes, for each point's outcome. */
export function schemeEditor(question, outcomes) {
  const s = question.scheme;
  let points = s.markingPoints.map((p) => ({...p}));
  let misconceptions = s.misconceptions.map((m) => ({...m}));
  const stem = el('textarea', {id: 'ed-stem', rows: 3, value: s.stem});
  const context = el('textarea', {id: 'ed-context', rows: 2, value: question.context || ''});
  const command = el('select', {id: 'ed-command'}, el('option', {value: '', text: '(none)'}),
    COMMAND_WORDS.map((w) => el('option', {value: w, selected: w === s.commandWord, text: w})));
  const maxMarks = el('input', {type: 'number', id: 'ed-max', min: 1, max: MAX_MARKS, step: 1, value: String(s.maxMarks)});
  const model = el('textarea', {id: 'ed-model', rows: 3, value: s.modelAnswer || ''});
  const pointsBox = el('div');
  const miscBox = el('div');
  const summary = el('div', {id: 'editor-problems', class: 'field-error', attrs: {tabindex: '-1'}});

  const input = (id, value, props = {}) => el('input', {id, value: value ?? '', ...props});
  const area = (id, value, rows = 2) => el('textarea', {id, rows, value: value ?? ''});

  /** Reads what is typed back into the arrays, so adding or removing one row keeps the others' text. */
  function sync() {
    points = points.map((p, i) => ({...p,
      text: document.getElementById(`ed-p${i}-text`)?.value ?? p.text,
      accept: lines(document.getElementById(`ed-p${i}-accept`)?.value ?? p.accept.join('\n')),
      reject: lines(document.getElementById(`ed-p${i}-reject`)?.value ?? p.reject.join('\n')),
      marks: Number(document.getElementById(`ed-p${i}-marks`)?.value ?? p.marks),
      learningOutcome: document.getElementById(`ed-p${i}-lo`)?.value ?? p.learningOutcome}));
    misconceptions = misconceptions.map((m, i) => ({...m,
      pattern: document.getElementById(`ed-m${i}-pattern`)?.value ?? m.pattern,
      correction: document.getElementById(`ed-m${i}-correction`)?.value ?? m.correction}));
  }

  function freshId(prefix, taken) {
    for (let n = taken.length + 1; ; n++) {
      const id = `${question.id}-${prefix}${n}`;
      if (!taken.includes(id)) return id;
    }
  }

  function drawPoints(focusIndex) {
    replace(pointsBox, points.map((p, i) => el('fieldset', {class: 'editor-row'},
      el('legend', {text: `Marking point ${i + 1}`}),
      field(`ed-p${i}-text`, 'What earns the mark', input(`ed-p${i}-text`, p.text)),
      field(`ed-p${i}-accept`, 'Phrasings to accept', area(`ed-p${i}-accept`, p.accept.join('\n'), 3), 'One per line.'),
      field(`ed-p${i}-reject`, 'Phrasings not to accept', area(`ed-p${i}-reject`, p.reject.join('\n')), 'One per line.'),
      el('div', {class: 'field-row'},
        field(`ed-p${i}-marks`, 'Marks', input(`ed-p${i}-marks`, String(p.marks), {type: 'number', min: 1, max: MAX_MARKS, step: 1})),
        field(`ed-p${i}-lo`, 'Learning outcome', el('select', {id: `ed-p${i}-lo`}, el('option', {value: '', text: '(none)'}),
          outcomes.map((o) => el('option', {value: o.id, selected: o.id === p.learningOutcome, text: `${o.code}: ${o.title}`}))))),
      el('button', {type: 'button', class: 'button secondary small', text: `Remove marking point ${i + 1}`, on: {click: () => {
        sync(); points.splice(i, 1); drawPoints(Math.min(i, points.length - 1));
      }}}))),
    el('button', {type: 'button', class: 'button secondary', text: 'Add a marking point', disabled: points.length >= MAX_POINTS,
      on: {click: () => {
        sync();
        points.push({id: freshId('p', points.map((p) => p.id)), text: '', accept: [], reject: [], marks: 1,
          learningOutcome: question.learningOutcomes?.[0] || ''});
        drawPoints(points.length - 1);
      }}}));
    if (focusIndex !== undefined) (document.getElementById(`ed-p${focusIndex}-text`) || pointsBox.querySelector('button'))?.focus();
  }

  function drawMisconceptions(focusIndex) {
    replace(miscBox, misconceptions.map((m, i) => el('fieldset', {class: 'editor-row'},
      el('legend', {text: `Misconception ${i + 1}`}),
      field(`ed-m${i}-pattern`, 'What learners wrongly say', input(`ed-m${i}-pattern`, m.pattern)),
      field(`ed-m${i}-correction`, 'Correction to show them', area(`ed-m${i}-correction`, m.correction)),
      el('button', {type: 'button', class: 'button secondary small', text: `Remove misconception ${i + 1}`, on: {click: () => {
        sync(); misconceptions.splice(i, 1); drawMisconceptions(Math.min(i, misconceptions.length - 1));
      }}}))),
    el('button', {type: 'button', class: 'button secondary', text: 'Add a misconception', on: {click: () => {
      sync();
      misconceptions.push({id: freshId('m', misconceptions.map((m) => m.id)), pattern: '', correction: ''});
      drawMisconceptions(misconceptions.length - 1);
    }}}));
    if (focusIndex !== undefined) (document.getElementById(`ed-m${focusIndex}-pattern`) || miscBox.querySelector('button'))?.focus();
  }
  drawPoints();
  drawMisconceptions();

  /** {scheme, context, learningOutcomes, problems: [{field, message}]} */
  function read() {
    sync();
    const scheme = {...s, stem: stem.value.trim(), commandWord: command.value, maxMarks: Number(maxMarks.value),
      modelAnswer: model.value.trim(), markingPoints: points.map((p) => ({...p, text: p.text.trim()})),
      misconceptions: misconceptions.map((m) => ({...m, pattern: m.pattern.trim(), correction: m.correction.trim()}))};
    const problems = [];
    if (!scheme.stem) problems.push({field: 'scheme.stem', message: 'Write the question'});
    if (!Number.isInteger(scheme.maxMarks) || scheme.maxMarks < 1 || scheme.maxMarks > MAX_MARKS) {
      problems.push({field: 'scheme.maxMarks', message: `Maximum marks must be a whole number from 1 to ${MAX_MARKS}`});
    }
    if (!scheme.markingPoints.length && !scheme.modelAnswer) {
      problems.push({field: 'scheme.markingPoints', message: 'Give at least one marking point or a model answer'});
    }
    scheme.markingPoints.forEach((p, i) => {
      if (!p.text) problems.push({field: `scheme.markingPoints[${i}].text`, message: `Marking point ${i + 1}: say what earns the mark`});
      if (!Number.isInteger(p.marks) || p.marks < 1 || p.marks > scheme.maxMarks) {
        problems.push({field: `scheme.markingPoints[${i}].marks`, message: `Marking point ${i + 1}: marks must be from 1 to the maximum`});
      }
    });
    scheme.misconceptions.forEach((m, i) => {
      if (!m.pattern) problems.push({field: `scheme.misconceptions[${i}].pattern`, message: `Misconception ${i + 1}: say what learners wrongly say`});
    });
    const los = [...new Set([...(question.learningOutcomes || []), ...scheme.markingPoints.map((p) => p.learningOutcome).filter(Boolean)])];
    return {scheme, context: context.value.trim(), learningOutcomes: los, problems};
  }

  /** Which control a problem's field path (ours or the server's) belongs to. */
  function controlFor(path) {
    const at = /markingPoints\[(\d+)]\.(\w+)/.exec(path);
    if (at) return document.getElementById(`ed-p${at[1]}-${at[2] === 'marks' ? 'marks' : 'text'}`);
    const mc = /misconceptions\[(\d+)]/.exec(path);
    if (mc) return document.getElementById(`ed-m${mc[1]}-pattern`);
    const ids = {stem: 'ed-stem', commandWord: 'ed-command', maxMarks: 'ed-max', modelAnswer: 'ed-model', markingPoints: 'ed-p0-text', context: 'ed-context'};
    const key = Object.keys(ids).find((k) => path.endsWith(k));
    return key ? document.getElementById(ids[key]) || pointsBox.querySelector('button:last-child') : null;
  }

  /** Shows problems as a summary with links to each field (and marks the fields); empty list clears it. */
  function showProblems(problems) {
    for (const f of node.querySelectorAll('[aria-invalid]')) f.removeAttribute('aria-invalid');
    if (!problems.length) { replace(summary); return; }
    replace(summary, el('div', {class: 'alert error', attrs: {role: 'alert'}},
      el('p', {}, el('strong', {text: 'Fix these first:'})),
      el('ul', {}, problems.map((p) => {
        const control = controlFor(p.field);
        control?.setAttribute('aria-invalid', 'true');
        return el('li', {}, control ? el('a', {href: `#${control.id}`, text: p.message,
          on: {click: (e) => { e.preventDefault(); control.focus(); }}}) : p.message);
      }))));
    summary.focus();
  }

  const node = el('div', {class: 'scheme-editor'}, summary,
    field('ed-stem', 'Question', stem),
    field('ed-context', 'Context (optional)', context, 'A scenario shown above the question.'),
    el('div', {class: 'field-row'}, field('ed-command', 'Command word', command), field('ed-max', 'Maximum marks', maxMarks)),
    field('ed-model', 'Model answer (optional)', model, 'Marks by similarity when there are no marking points.'),
    el('h3', {text: 'Marking points'}), pointsBox,
    el('h3', {text: 'Misconceptions'}), miscBox);
  return {node, read, showProblems};
}
