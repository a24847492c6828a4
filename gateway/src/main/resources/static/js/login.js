// The dev sign-in page: asks the gateway's built-in issuer for a token, keeps it for this tab, goes back.
import {signIn, signOut} from './session.js';
import {el, replace} from './dom.js';

const error = document.getElementById('login-error');

function next() {
  const wanted = new URLSearchParams(location.search).get('next') || '#/';
  return wanted.startsWith('#') ? `/${wanted}` : '/';
}

function fail(message) {
  replace(error, el('div', {class: 'alert error'}, el('p', {text: message})));
}

async function login(subject, role, tenant) {
  replace(error);
  if (!subject.trim() || !tenant.trim()) {
    fail('Give a user id and a tenant.');
    return;
  }
  let response;
  try {
    response = await fetch('/auth/dev/token', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json, application/problem+json'},
      body: JSON.stringify({subject: subject.trim(), tenant: tenant.trim(), roles: [role], ttlSeconds: 8 * 3600}),
    });
  } catch {
    fail('Could not reach Markpoint. Check your connection and try again.');
    return;
  }
  const body = await response.json().catch(() => ({}));
  if (response.status === 404) {
    fail('The development sign-in is turned off here: sign in through your organisation instead.');
    return;
  }
  if (!response.ok) {
    fail(body.detail || `Sign-in failed (HTTP ${response.status}).`);
    return;
  }
  signIn(body.access_token, body.expires_in);
  location.assign(next());
}

signOut();
for (const button of document.querySelectorAll('.demo-accounts button')) {
  button.addEventListener('click', () => login(button.dataset.subject, button.dataset.role, 'demo'));
}
document.getElementById('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  login(form.subject.value, form.role.value, form.tenant.value);
});
