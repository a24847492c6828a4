// The question as the learner sees it: stem with the command word picked out, and what that word asks for.
import {el} from './dom.js';

/** Splits the stem around the first use of the command word ("Explain", "explaining", ...). */
export function stemWithCommandWord(stem, commandWord) {
  if (!commandWord) return el('p', {class: 'stem', text: stem});
  const escaped = commandWord.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\b${escaped}\\w*`, 'i').exec(stem);
  if (!match) return el('p', {class: 'stem'}, el('strong', {class: 'command-word', text: capitalise(commandWord)}), ': ', stem);
  return el('p', {class: 'stem'}, stem.slice(0, match.index),
    el('strong', {class: 'command-word', text: match[0]}), stem.slice(match.index + match[0].length));
}

export function capitalise(word) {
  return word ? word.charAt(0).toUpperCase() + word.slice(1) : '';
}

/** Guidance text already starts "Explain: ..."; drop that prefix so the box reads as one sentence. */
export function guidanceBox(commandWord, guidance, advice = []) {
  if (!commandWord) return null;
  const text = (guidance || '').replace(new RegExp(`^${commandWord}\\s*:\\s*`, 'i'), '');
  return el('aside', {class: 'guidance', attrs: {'aria-label': `What ${commandWord} asks for`}},
    el('p', {},
      el('strong', {class: 'command-word', text: capitalise(commandWord)}),
      text ? ` asks you to ${text.charAt(0).toLowerCase()}${text.slice(1)}` : ' is the command word: answer in the way it asks.'),
    advice.map((a) => el('p', {class: 'muted', text: a})));
}

export function crumbsFor(unit, here) {
  return el('nav', {class: 'breadcrumb', attrs: {'aria-label': 'Breadcrumb'}},
    el('ol', {}, el('li', {}, el('a', {href: '#/', text: 'Units'})),
      el('li', {}, el('a', {href: `#/units/${encodeURIComponent(unit.id)}`, text: unit.code})),
      el('li', {attrs: {'aria-current': 'page'}, text: here})));
}

/** The question card; guidance comes from the quiz (taxonomy) or the unit, page advice always from the unit. */
export function questionCard({unit, stem, context, commandWord, maxMarks, guidance, label = 'Question'}, form) {
  const fromUnit = (unit.commandWordGuidance || []).find((g) => g.commandWord === commandWord);
  return el('section', {class: 'card question', attrs: {'aria-labelledby': 'question-heading'}},
    el('h2', {id: 'question-heading'}, label, ' ',
      el('span', {class: 'marks', text: `(${maxMarks} mark${maxMarks === 1 ? '' : 's'})`})),
    context ? el('p', {class: 'context', text: context}) : null,
    stemWithCommandWord(stem, commandWord),
    guidanceBox(commandWord, guidance || fromUnit?.guidance, fromUnit?.pageAdvice),
    form);
}
