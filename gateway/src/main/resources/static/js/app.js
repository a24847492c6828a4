// Hash router: every screen has a link you can share, reload or open in a new tab.
import {el, replace} from './dom.js';
import {learnerId, setLearnerId} from './learner.js';
import {ApiError} from './api.js';
import {currentUser, isLearnerOnly, loginUrl, signIn, signOut} from './session.js';
import {renderUnitList} from './views/units.js';
import {renderUnit} from './views/unit.js';
import {renderSingleQuestion} from './views/practice.js';
import {startQuiz, renderQuiz} from './views/quiz.js';
import {renderProgress} from './views/progress.js';

/** Tutor screens load on first use, so a learner's first page fetches only the learner modules. */
const tutor = (module, name) => async (ctx, m) => (await import(module))[name](ctx, ...(m ? m.slice(1).map(decodeURIComponent) : []));

const main = document.getElementById('main');

const routes = [
  {pattern: /^\/?$/, view: (ctx) => renderUnitList(ctx)},
  {pattern: /^\/units\/([^/]+)$/, view: (ctx, m) => renderUnit(ctx, decodeURIComponent(m[1]))},
  {pattern: /^\/units\/([^/]+)\/practise$/, view: (ctx, m) => startQuiz(ctx, decodeURIComponent(m[1]))},
  {pattern: /^\/units\/([^/]+)\/question$/, view: (ctx, m) => renderSingleQuestion(ctx, decodeURIComponent(m[1]))},
  {pattern: /^\/quiz\/([^/]+)$/, view: (ctx, m) => renderQuiz(ctx, decodeURIComponent(m[1]))},
  {pattern: /^\/tutor$/, view: tutor('./views/tutor.js', 'renderTutor')},
  {pattern: /^\/progress$/, view: (ctx) => renderProgress(ctx)},
  {pattern: /^\/tutor\/cohorts\/([^/]+)$/, view: tutor('./views/cohort.js', 'renderCohortDashboard')},
  {pattern: /^\/tutor\/moderation$/, view: tutor('./views/moderation.js', 'renderModerationQueue')},
  {pattern: /^\/tutor\/moderation\/([^/]+)$/, view: tutor('./views/moderation.js', 'renderMarkReview')},
  {pattern: /^\/bank$/, view: tutor('./views/bank.js', 'renderBank')},
  {pattern: /^\/bank\/import$/, view: tutor('./views/import.js', 'renderImport')},
  {pattern: /^\/bank\/units\/([^/]+)$/, view: tutor('./views/bank.js', 'renderBankUnit')},
  {pattern: /^\/bank\/questions\/([^/]+)$/, view: tutor('./views/question-page.js', 'renderQuestionPage')},
];

let current = null;
let firstRender = true;

function parseHash() {
  const raw = location.hash.replace(/^#/, '');
  const [path, query = ''] = raw.split('?');
  return {path, params: new URLSearchParams(query)};
}

async function route({keepFocus = false} = {}) {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const {path, params} = parseHash();
  const ctx = {
    main,
    params,
    signal: controller.signal,
    /** Sets the page title and moves focus to the new heading, as a page load would for a screen reader. */
    ready(title) {
      document.title = title ? `${title} · Markpoint` : 'Markpoint';
      // a re-render for a new learner name keeps focus where the learner is (the name form)
      if (!firstRender && !keepFocus) {
        const heading = main.querySelector('h1');
        (heading || main).setAttribute('tabindex', '-1');
        (heading || main).focus({preventScroll: false});
      }
      firstRender = false;
      main.setAttribute('aria-busy', 'false');
    },
  };
  main.setAttribute('aria-busy', 'true');
  const match = routes.map((r) => ({r, m: path.match(r.pattern)})).find((x) => x.m);
  try {
    if (!match) {
      replace(main, el('h1', {text: 'Page not found'}), el('p', {}, el('a', {href: '#/', text: 'Go to the units'})));
      ctx.ready('Page not found');
      return;
    }
    await match.r.view(ctx, match.m);
  } catch (e) {
    if (controller.signal.aborted) return;
    showLoadError(ctx, e);
  }
}

export function showLoadError(ctx, e) {
  console.error(e);
  const message = e instanceof ApiError ? e.describe() : 'Something went wrong on this page.';
  const notFound = e instanceof ApiError && e.status === 404;
  replace(ctx.main,
    el('h1', {text: notFound ? 'Not found' : 'This page could not load'}),
    el('div', {class: 'alert error', attrs: {role: 'alert'}}, el('p', {text: message})),
    el('p', {}, notFound ? el('a', {href: '#/', text: 'Go to the units'})
      : el('button', {type: 'button', class: 'button', text: 'Try again', on: {click: () => route()}})));
  ctx.ready('Error');
}

/** Who is signed in, and sign out. */
function setUpSession(user) {
  const box = document.getElementById('session');
  replace(box,
    el('span', {text: `Signed in as ${user.subject} (${user.roles.join(', ')}, ${user.tenant})`}),
    el('button', {type: 'button', class: 'button secondary', text: 'Sign out',
      on: {click: () => { signOut(); location.assign(loginUrl()); }}}));
}

function setUpLearnerForm() {
  const form = document.getElementById('who');
  const input = document.getElementById('learner-id');
  const status = document.getElementById('who-status');
  if (isLearnerOnly()) {
    // a signed-in learner is who their sign-in says: nothing to type
    form.hidden = true;
    return;
  }
  input.value = learnerId();
  status.textContent = learnerId() ? `Learning as ${learnerId()}` : 'Not saved yet';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const saved = setLearnerId(input.value);
    status.textContent = saved ? `Saved. Learning as ${saved}` : 'Cleared';
  });
  window.addEventListener('learner-changed', (event) => {
    if (input.value.trim() !== event.detail) input.value = event.detail;
    status.textContent = event.detail ? `Learning as ${event.detail}` : 'Not saved yet';
    route({keepFocus: true});
  });
}

// An LTI launch lands here as #lti_token=...&expires_in=...&next=/quiz/<id>: sign in with the launch's session
// token, then drop it from the address bar and history before showing where the launch leads.
const launch = new URLSearchParams(location.hash.replace(/^#/, ''));
if (launch.has('lti_token')) {
  const before = currentUser();
  const incoming = decodeSubject(launch.get('lti_token'));
  // a link carrying someone else's launch must not silently replace who is signed in here
  if (!before || before.subject === incoming
      || window.confirm(`Sign in as ${incoming} from your course, instead of ${before.subject}?`)) {
    signIn(launch.get('lti_token'), launch.get('expires_in'));
  }
  const next = launch.get('next') || '/';
  history.replaceState(null, '', `${location.pathname}#${next.startsWith('/') ? next : '/'}`);
}

function decodeSubject(jwt) {
  try {
    return JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub || '';
  } catch { return ''; }
}

if (!currentUser()) {
  // nobody signed in (or the sign-in expired): sign in first, then come back here
  location.replace(loginUrl());
} else {
  setUpSession(currentUser());
  setUpLearnerForm();
  window.addEventListener('hashchange', () => route());
  route();
}
