// Same-origin calls through the gateway, with the signed-in user's bearer token. Every failure becomes an ApiError
// the views can show; a 401 (no or expired sign-in) sends the user to the sign-in page.
import {loginUrl, signOut, token} from './session.js';

const TIMEOUT_MS = 30000;

export class ApiError extends Error {
  /** status 0 means the request never got an answer (offline, timeout, connection reset). */
  /** type: the problem's type URI ("" when the answer was not a problem document). */
  constructor(status, title, detail, errors = [], network = false, type = '') {
    super(detail || title);
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.network = network;
  }

  /** One sentence for the learner. */
  describe() {
    if (this.network) return 'Could not reach Markpoint. Check your connection and try again.';
    if (this.status === 503) return this.detail || 'That part of Markpoint is not available right now. Try again in a moment.';
    const fields = this.errors.map((e) => e.message).filter(Boolean);
    return [this.detail || this.title, ...fields.filter((m) => !(this.detail || '').includes(m))].filter(Boolean).join(' ');
  }
}

/** body: a value sent as JSON, or a Blob/File sent as it is (its own type, or contentType). */
async function request(method, path, body, headers = {}, {timeout = TIMEOUT_MS, contentType} = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  const raw = body instanceof Blob;
  const type = body === undefined ? {} : {'Content-Type': raw ? (contentType || body.type || 'application/octet-stream') : 'application/json'};
  const bearer = token();
  const auth = bearer ? {Authorization: `Bearer ${bearer}`} : {};
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: {Accept: 'application/json, application/problem+json', ...type, ...auth, ...headers},
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      signal: controller.signal,
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'Network error', e.name === 'AbortError' ? 'The request timed out.' : String(e.message || e), [], true);
  } finally {
    clearTimeout(timer);
  }
  let payload = null;
  const text = await response.text().catch(() => '');
  if (text) {
    try { payload = JSON.parse(text); } catch { payload = null; }
  }
  if (response.status === 401) {
    signOut();
    location.assign(loginUrl());
  }
  if (!response.ok) {
    const problem = payload && typeof payload === 'object' ? payload : {};
    throw new ApiError(response.status, problem.title || `HTTP ${response.status}`, problem.detail || '',
      Array.isArray(problem.errors) ? problem.errors : [], false, typeof problem.type === 'string' ? problem.type : '');
  }
  return {status: response.status, body: payload, headers: response.headers};
}

export const api = {
  async get(path) { return (await request('GET', path)).body; },
  /** The whole response: {status, body, headers} (for the ETag). */
  getFull: (path) => request('GET', path),
  async post(path, body, headers, options) { return request('POST', path, body, headers, options); },
  async put(path, body, headers) { return request('PUT', path, body, headers); },
};

const enc = encodeURIComponent;

export const units = {
  list: () => api.get('/api/v1/units'),
  get: (id) => api.get(`/api/v1/units/${enc(id)}`),
};

/** Every item of a cursor-paged list ({items, next}); path already has its query string. */
export async function allPages(path, maxPages = 20) {
  const all = [];
  let cursor = '';
  for (let page = 0; page < maxPages; page++) {
    const body = await api.get(`${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${enc(cursor)}` : ''}`);
    all.push(...(body.items || []));
    if (!body.next) break;
    cursor = body.next;
  }
  return all;
}

/** Every published question of a unit (follows the cursor). */
/** Every question of a unit; {publishedOnly: true} leaves out drafts and retired ones (what learners practise). */
export function questionsOfUnit(unitId, {publishedOnly = false} = {}) {
  return allPages(`/api/v1/questions?unit=${enc(unitId)}${publishedOnly ? '&status=published' : ''}`);
}

/** A learner's mastery per outcome id; an empty map before their first answer (the API answers 404). */
export async function masteryOf(learnerId) {
  if (!learnerId) return new Map();
  try {
    const body = await api.get(`/api/v1/progress/learners/${enc(learnerId)}/mastery`);
    return new Map((body.outcomes || []).map((o) => [o.outcomeId, o]));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return new Map();
    throw e;
  }
}

export function markAnswer({answer, learnerId, questionId}, idempotencyKey) {
  return api.post('/api/v1/marking/mark', {answer, learnerId, questionId}, {'Idempotency-Key': idempotencyKey});
}

/** A random UUID; crypto.randomUUID is missing on plain-http LAN addresses, getRandomValues is not. */
export function newKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const quizzes = {
  /** scope: {unitId} or {outcomes: [...]}. */
  start: async (learnerId, scope, maxItems) => (await api.post('/api/v1/progress/quizzes', {learnerId, ...scope, maxItems})).body,
  get: (id) => api.get(`/api/v1/progress/quizzes/${enc(id)}`),
  next: async (id) => (await api.post(`/api/v1/progress/quizzes/${enc(id)}/next`)).body,
  /** Resolves to {status: marked|pending, mark, mastery, message}. */
  answer: async (id, itemId, answer, key) => (await api.post(
    `/api/v1/progress/quizzes/${enc(id)}/items/${enc(itemId)}/answer`, {answer}, {'Idempotency-Key': key})).body,
};

export const marks = {
  get: (id) => api.get(`/api/v1/marking/marks/${enc(id)}`),
};

export const moderation = {
  /** A page of the review queue: {items: [mark...], next}. */
  queue: ({cursor = '', questionId = '', limit = 20} = {}) => api.get(
    `/api/v1/marking/review-queue?limit=${limit}${questionId ? `&questionId=${enc(questionId)}` : ''}${cursor ? `&cursor=${enc(cursor)}` : ''}`),
  accept: async (markId, tutorId) => (await api.post(`/api/v1/marking/marks/${enc(markId)}/accept`, {tutorId})).body,
  override: async (markId, mark, reason, tutorId) => (await api.post(
    `/api/v1/marking/marks/${enc(markId)}/override`, {mark, reason, tutorId})).body,
  /** {n, exact, adjacent, qwk, pearson}; questionId '' for every question. */
  agreement: (questionId = '') => api.get(`/api/v1/marking/agreement${questionId ? `?questionId=${enc(questionId)}` : ''}`),
};

export const bank = {
  question: (id) => api.getFull(`/api/v1/questions/${enc(id)}`),
  /** Saves a draft; ifMatch is the ETag the question was read with (412 when someone saved in between). */
  save: (id, body, ifMatch) => api.put(`/api/v1/questions/${enc(id)}`, body, ifMatch ? {'If-Match': ifMatch} : {}),
  publish: (id, ifMatch) => api.post(`/api/v1/questions/${enc(id)}/publish`, undefined, ifMatch ? {'If-Match': ifMatch} : {}),
  /** Marks a sample answer against a scheme as it stands (no learner: nothing counts towards anyone's mastery). */
  preview: async (answer, scheme) => (await api.post('/api/v1/marking/preview', {answer, scheme})).body,
};

export const imports = {
  /** Starts an import of a file; resolves to the job ({id, status, total, done, items, skipped, warnings}). */
  start: async (file, format) => (await api.post(`/api/v1/imports?format=${enc(format)}&source=${enc(file.name)}`, file,
    {}, {timeout: 120000, contentType: format === 'qti' ? 'application/zip' : format === 'moodle' ? 'application/xml' : 'text/plain'})).body,
  get: (id) => api.get(`/api/v1/imports/${enc(id)}`),
};

/**
 * Cohort analytics (progress-service). Paged lists are {items, next}. On a server without them every call fails
 * with a 404 that is not the API's own "not-found" problem, which the dashboard shows as "cohort analytics unavailable".
 */
const cohortPath = (id, tail, query = {}) => {
  const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')).toString();
  return `/api/v1/progress/cohorts/${enc(id)}${tail ? `/${tail}` : ''}${q ? `?${q}` : ''}`;
};

/** A 404 the API answered itself (problem type .../not-found): the thing asked for does not exist. */
export const isMissing = (e) => e instanceof ApiError && e.status === 404 && e.type.endsWith('/not-found');

export const cohorts = {
  list: () => allPages('/api/v1/progress/cohorts', 5),
  /** {id, name, learnerIds, createdAt} */
  get: (id) => api.get(cohortPath(id, '')),
  create: async (name, learnerIds) => (await api.post('/api/v1/progress/cohorts', {name, learnerIds})).body,
  /** {outcomes: [{outcomeId, unitId}], items: [{learnerId, cells: [{outcomeId, mastery, low, high, evidence, status}]}], next};
   *  a cell without evidence has null mastery/low/high, evidence 0 and status "no-evidence". */
  grid: (id, unit, cursor = '') => api.get(cohortPath(id, 'grid', {unit, cursor, limit: 200})),
  outcomes: (id, unit) => allPages(cohortPath(id, 'outcomes', {unit}), 2),
  /** Over all the learners' outcomes (the API takes no unit). */
  atRisk: (id) => allPages(cohortPath(id, 'at-risk'), 2),
  questions: (id, unit) => allPages(cohortPath(id, 'questions', {unit}), 2),
  missedPoints: (id, unit) => allPages(cohortPath(id, 'missed-points', {unit}), 1),
  misconceptions: (id, unit) => allPages(cohortPath(id, 'misconceptions', {unit}), 1),
  /** {outcomeId, points: [{date, meanMastery, answers}]}; meanMastery is null on a day nobody had evidence. */
  trend: (id, outcome, days = 30) => api.get(cohortPath(id, 'trend', {outcome, days})),
  /** Newest first; none for a learner who has never answered (the API answers 404 for them). */
  learnerAnswers: async (learnerId, outcome) => {
    try {
      return await allPages(`/api/v1/progress/learners/${enc(learnerId)}/answers?outcome=${enc(outcome)}`, 2);
    } catch (e) {
      if (isMissing(e)) return [];
      throw e;
    }
  },
};
