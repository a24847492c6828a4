import {el, replace} from '../dom.js';
import {units} from '../api.js';

export async function renderUnitList(ctx) {
  const list = await units.list();
  if (ctx.signal.aborted) return;
  replace(ctx.main,
    el('h1', {text: 'Units'}),
    el('p', {class: 'lead', text: 'Choose a unit to revise its content and practise exam-style questions. Every answer is marked against the examiners’ marking points, with your own words highlighted.'}),
    list.length === 0
      ? el('p', {class: 'alert', text: 'No units yet. The sample bank loads when Markpoint starts; reload in a moment.'})
      : el('ul', {class: 'unit-list'}, list.map((u) => el('li', {class: 'card unit-card'},
        el('h2', {}, el('a', {href: `#/units/${encodeURIComponent(u.id)}`, text: u.title})),
        el('p', {class: 'meta'}, el('span', {class: 'code', text: u.code}),
          ` · ${u.learningOutcomes} learning outcome${u.learningOutcomes === 1 ? '' : 's'}`),
        u.qualification ? el('p', {class: 'qualification', text: u.qualification}) : null))));
  ctx.ready('Units');
}
