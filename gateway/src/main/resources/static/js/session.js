// Who is signed in: the bearer token from the sign-in page, kept for this tab only (sessionStorage), never in a
// cookie, so no other site can make the browser send it (no CSRF).
const TOKEN = 'markpoint.token';
const WHO = 'markpoint.identity';

/** {subject, tenant, roles, expiresAt (ms)} or null when nobody is signed in (or the token has expired). */
export function currentUser() {
  try {
    const who = JSON.parse(sessionStorage.getItem(WHO) || 'null');
    if (!who || !sessionStorage.getItem(TOKEN)) return null;
    if (who.expiresAt && who.expiresAt < Date.now()) return null;
    return who;
  } catch { return null; }
}

export function token() {
  try { return currentUser() ? sessionStorage.getItem(TOKEN) : null; } catch { return null; }
}

/** Stores a token from /auth/dev/token (or any RS256 JWT the gateway trusts) and what it says. */
export function signIn(accessToken, expiresInSeconds) {
  const claims = decode(accessToken);
  const who = {
    subject: claims.sub || '',
    tenant: claims.tenant || '',
    roles: Array.isArray(claims.roles) ? claims.roles : [],
    expiresAt: Date.now() + (Number(expiresInSeconds) || 3600) * 1000,
  };
  sessionStorage.setItem(TOKEN, accessToken);
  sessionStorage.setItem(WHO, JSON.stringify(who));
  return who;
}

export function signOut() {
  try { sessionStorage.removeItem(TOKEN); sessionStorage.removeItem(WHO); } catch { /* nothing stored */ }
}

/** Only a learner (no staff role): their learner id is who they signed in as. */
export function isLearnerOnly(user = currentUser()) {
  return !!user && user.roles.length > 0 && user.roles.every((r) => r === 'learner');
}

/** The sign-in page, coming back to where the user is now. */
export function loginUrl() {
  return `/login.html?next=${encodeURIComponent(location.hash || '#/')}`;
}

function decode(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent([...atob(part)].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch { return {}; }
}
