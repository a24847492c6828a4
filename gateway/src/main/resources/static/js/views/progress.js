// A learner's mastery across every unit: where they stand, with how sure that is, and what to revise next.
import {el, replace} from '../dom.js';
import {units, masteryOf} from '../api.js';
import {learnerId} from '../learner.js';
import {masteryBadge, sizeBars} from '../mastery.js';

export async function renderProgress(ctx) {
  const id = learnerId();
  if (!id) {
    replace(ctx.main, el('h1', {text: 'My progress'}),
      el('p', {class: 'alert', text: 'Enter your name or learner id at the top of the page to see your progress.'}));
    ctx.ready('My progress');
    return;
  }
  const [summaries, mastery] = await Promise.all([units.list(), masteryOf(id)]);
  const all = await Promise.all(summaries.filter((u) => u.learningOutcomes > 0).map((u) => units.get(u.id)));
  if (ctx.signal.aborted) return;
  const rows = all.flatMap((unit) => unit.learningOutcomes.map((o) => ({unit, o, m: mastery.get(o.id)})));
  const started = rows.filter((r) => r.m);
  // revise next: the weakest outcomes with evidence that are not mastered yet
  const next = started.filter((r) => r.m.status !== 'mastered').sort((a, b) => a.m.mastery - b.m.mastery).slice(0, 3);
  const practise = (r) => el('a', {class: 'button', href: `#/units/${encodeURIComponent(r.unit.id)}/practise?lo=${encodeURIComponent(r.o.id)}`,
    attrs: {'aria-label': `Practise ${r.unit.code} ${r.o.code}`}, text: 'Practise'});
  const outcomeRow = (r) => {
    const headingId = `p-${r.o.id}`;
    return el('li', {class: 'outcome'},
      el('div', {class: 'outcome-main'},
        el('h3', {id: headingId}, el('span', {class: 'code', text: `${r.unit.code} ${r.o.code}`}), ' ', r.o.title),
        masteryBadge(r.m, headingId)),
      el('div', {class: 'outcome-action'}, practise(r)));
  };
  replace(ctx.main,
    el('h1', {text: 'My progress'}),
    el('p', {class: 'lead', text: `Learning as ${id}. Mastery is an estimate: it firms up as you answer more questions (fewer than three answers shows as a faded bar).`}),
    started.length === 0
      ? el('p', {class: 'alert', text: 'No answers yet. Choose a unit and practise an outcome to see your progress here.'})
      : [
        next.length ? el('section', {class: 'card', attrs: {'aria-labelledby': 'next-heading'}},
          el('h2', {id: 'next-heading', text: 'Revise next'}), el('ul', {class: 'outcome-list'}, next.map(outcomeRow))) : null,
        el('section', {class: 'card', attrs: {'aria-labelledby': 'started-heading'}},
          el('h2', {id: 'started-heading', text: 'Outcomes you have practised'}),
          el('ul', {class: 'outcome-list'}, started.sort((a, b) => b.m.mastery - a.m.mastery).map(outcomeRow))),
      ],
    el('p', {}, el('a', {href: '#/', text: 'All units'})));
  sizeBars(ctx.main);
  ctx.ready('My progress');
}
