import {el, percent} from './dom.js';

const STATUS = {
  'mastered': 'Mastered',
  'looks-mastered-little-evidence': 'Looks mastered, little evidence yet',
  'developing': 'Developing',
  'not-yet-secure': 'Not yet secure',
};

export function statusLabel(status) {
  return STATUS[status] || status || '';
}

/** A bar plus the same facts in words, so nothing depends on colour alone. */
export function masteryBadge(outcome, labelledBy) {
  if (!outcome) {
    return el('div', {class: 'mastery none'}, el('span', {class: 'mastery-text', text: 'Not started'}));
  }
  const value = Math.max(0, Math.min(1, outcome.mastery));
  const thin = outcome.evidence < 3;
  const words = `${percent(value)} · ${statusLabel(outcome.status)} · ${outcome.evidence} answer${outcome.evidence === 1 ? '' : 's'}`;
  return el('div', {class: `mastery ${outcome.status || ''}${thin ? ' thin' : ''}`},
    el('div', {class: 'bar', attrs: {role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100,
      'aria-valuenow': Math.round(value * 100), 'aria-valuetext': words, 'aria-labelledby': labelledBy}},
    el('span', {class: 'fill', dataset: {value: String(Math.round(value * 100))}})),
    el('span', {class: 'mastery-text', text: words}));
}

/** Inline style attributes are blocked by our CSP, so bar widths are set through the CSSOM after render. */
export function sizeBars(root) {
  for (const fill of root.querySelectorAll('.fill[data-value]')) fill.style.width = `${fill.dataset.value}%`;
}
