// The tutor's screens share one small menu under the page heading.
import {el} from '../dom.js';

const LINKS = [
  ['cohorts', '#/tutor', 'Cohort mastery'],
  ['moderation', '#/tutor/moderation', 'Moderation'],
  ['bank', '#/bank', 'Question bank'],
  ['import', '#/bank/import', 'Import'],
];

export function tutorNav(current) {
  return el('nav', {class: 'tutor-nav', attrs: {'aria-label': 'Tutor'}},
    el('ul', {}, LINKS.map(([key, href, text]) => el('li', {},
      el('a', {href, text, attrs: {'aria-current': key === current ? 'page' : null}})))));
}
