// Who the learner is: a signed-in learner is their sign-in subject; staff (tutors trying the learner screens) type
// the learner id they act for, kept in this browser.
import {currentUser, isLearnerOnly} from './session.js';

const KEY = 'markpoint.learnerId';

export function learnerId() {
  const user = currentUser();
  if (isLearnerOnly(user)) return user.subject;
  try { return (localStorage.getItem(KEY) || '').trim(); } catch { return ''; }
}

/** The signed-in user's id (a tutor's name on decisions), else the typed id. */
export function signedInId() {
  return currentUser()?.subject || learnerId();
}

export function setLearnerId(id) {
  const clean = id.trim();
  try {
    if (clean) localStorage.setItem(KEY, clean); else localStorage.removeItem(KEY);
  } catch { /* private mode: the id lives for this page only */ }
  window.dispatchEvent(new CustomEvent('learner-changed', {detail: clean}));
  return clean;
}

/** Question ids this learner answered recently, newest first, to avoid repeats in practice. */
export function recentQuestions() {
  try { return JSON.parse(localStorage.getItem(`${KEY}.recent.${learnerId()}`) || '[]'); } catch { return []; }
}

export function rememberAnswered(questionId) {
  const recent = [questionId, ...recentQuestions().filter((q) => q !== questionId)].slice(0, 30);
  try { localStorage.setItem(`${KEY}.recent.${learnerId()}`, JSON.stringify(recent)); } catch { /* best effort */ }
}
