import {el, replace, section, list} from '../dom.js';
import {units, questionsOfUnit, masteryOf} from '../api.js';
import {learnerId} from '../learner.js';
import {masteryBadge, sizeBars} from '../mastery.js';

/** "Title: explanation" lines read better with the title picked out. */
function titled(line) {
  const at = line.indexOf(': ');
  if (at > 0 && at < 80) return [el('strong', {text: line.slice(0, at)}), `: ${line.slice(at + 2)}`];
  return line;
}

function practiseHref(unitId, outcomeId) {
  return `#/units/${encodeURIComponent(unitId)}/practise${outcomeId ? `?lo=${encodeURIComponent(outcomeId)}` : ''}`;
}

function outcomeItem(unit, outcome, mastery, questionCount) {
  const headingId = `lo-${outcome.id}`;
  return el('li', {class: 'outcome'},
    el('div', {class: 'outcome-main'},
      el('h3', {id: headingId}, el('span', {class: 'code', text: outcome.code}), ' ', outcome.title),
      masteryBadge(mastery, headingId),
      outcome.assessmentCriteria.length
        ? el('details', {}, el('summary', {text: 'What examiners look for'}), list(outcome.assessmentCriteria))
        : null),
    el('div', {class: 'outcome-action'},
      questionCount > 0
        ? el('a', {class: 'button', href: practiseHref(unit.id, outcome.id), attrs: {'aria-describedby': headingId}},
          `Practise ${outcome.code}`)
        : el('span', {class: 'muted', text: 'No questions yet'})));
}

export async function renderUnit(ctx, unitId) {
  const id = learnerId();
  const [unit, questions, mastery] = await Promise.all([
    units.get(unitId),
    questionsOfUnit(unitId, {publishedOnly: true}),
    masteryOf(id).catch(() => null), // revision content is still worth showing if progress-service is down
  ]);
  if (ctx.signal.aborted) return;
  const perOutcome = new Map();
  for (const q of questions) for (const lo of q.learningOutcomes || []) perOutcome.set(lo, (perOutcome.get(lo) || 0) + 1);

  const guidance = unit.commandWordGuidance || [];
  replace(ctx.main,
    el('nav', {class: 'breadcrumb', attrs: {'aria-label': 'Breadcrumb'}},
      el('ol', {}, el('li', {}, el('a', {href: '#/', text: 'Units'})), el('li', {attrs: {'aria-current': 'page'}, text: unit.code}))),
    el('h1', {text: unit.title}),
    el('p', {class: 'meta'}, [unit.code, unit.awardingBody, unit.qualification].filter(Boolean).join(' · ')),
    questions.length
      ? el('p', {}, el('a', {class: 'button primary', href: practiseHref(unit.id)}, 'Practise this unit'),
        ` ${questions.length} question${questions.length === 1 ? '' : 's'}`)
      : null,
    section('Synopsis', 'synopsis', unit.synopsis ? el('p', {text: unit.synopsis}) : null),
    section('Learning outcomes', 'outcomes',
      !id ? el('p', {class: 'alert', text: 'Enter your name at the top of the page to see your mastery of each outcome.'}) : null,
      mastery === null ? el('p', {class: 'alert', text: 'Your mastery could not be loaded just now.'}) : null,
      unit.learningOutcomes.length
        ? el('ul', {class: 'outcome-list'}, unit.learningOutcomes.map((o) => outcomeItem(unit, o, mastery?.get(o.id), perOutcome.get(o.id) || 0)))
        : el('p', {class: 'muted', text: 'This unit lists no learning outcomes.'})),
    section('Before you start', 'prerequisites', list(unit.prerequisites)),
    section('Key concepts', 'concepts', list(unit.keyConcepts, titled)),
    section('Exam tips', 'tips', list(unit.examTips, titled)),
    section('Common mistakes', 'mistakes',
      unit.misconceptions.length ? el('ul', {class: 'misconceptions'}, unit.misconceptions.map((m) => el('li', {},
        el('p', {class: 'wrong'}, el('span', {class: 'tag wrong-tag', text: 'Mistake'}), ' ', m.pattern),
        el('p', {class: 'right'}, el('span', {class: 'tag right-tag', text: 'Correction'}), ' ', m.correction)))) : null,
      unit.misconceptions.length && unit.commonMistakes.length ? el('h3', {class: 'subhead', text: 'Also watch for'}) : null,
      list(unit.commonMistakes)),
    section('Key terms', 'terms', unit.keyTerms.length
      ? el('dl', {class: 'terms'}, unit.keyTerms.map((t) => [el('dt', {text: t.term}),
        t.definition ? el('dd', {text: t.definition}) : null,
        t.synonyms?.length ? el('dd', {class: 'muted', text: `Also: ${t.synonyms.join(', ')}`}) : null]))
      : null),
    section('Key skills', 'skills', list(unit.keySkills)),
    section('Command words', 'command-words', guidance.length
      ? el('dl', {class: 'terms'}, guidance.map((g) => [el('dt', {text: g.commandWord}),
        el('dd', {text: g.guidance}), ...(g.pageAdvice || []).map((a) => el('dd', {class: 'muted', text: a}))]))
      : null));
  sizeBars(ctx.main);
  ctx.ready(unit.title);
}
