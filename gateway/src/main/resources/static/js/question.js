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
