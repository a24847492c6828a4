// Same-origin calls through the gateway. Every failure becomes an ApiError the views can show.

const TIMEOUT_MS = 30000;

export class ApiError extends Error {
  /** status 0 means the request never got an answer (offline, timeout, connection reset). */
  constructor(status, title, detail, errors = [], network = false) {
    super(detail || title);
    this.status = status;
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

async function request(method, path, body, headers = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: {Accept: 'application/json, application/problem+json', ...(body !== undefined ? {'Content-Type': 'application/json'} : {}), ...headers},
      body: body !== undefined ? JSON.stringify(body) : undefined,
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
  if (!response.ok) {
    const problem = payload && typeof payload === 'object' ? payload : {};
    throw new ApiError(response.status, problem.title || `HTTP ${response.status}`, problem.detail || '',
      Array.isArray(problem.errors) ? problem.errors : []);
  }
  return {status: response.status, body: payload};
}

export const api = {
  async get(path) { return (await request('GET', path)).body; },
  async post(path, body, headers) { return request('POST', path, body, headers); },
};

const enc = encodeURIComponent;

export const units = {
  list: () => api.get('/api/v1/units'),
  get: (id) => api.get(`/api/v1/units/${enc(id)}`),
};

/** Every published question of a unit (follows the cursor). */
export async function questionsOfUnit(unitId) {
  const all = [];
  let cursor = '';
  for (let page = 0; page < 20; page++) {
    const body = await api.get(`/api/v1/questions?unit=${enc(unitId)}&limit=200${cursor ? `&cursor=${enc(cursor)}` : ''}`);
    all.push(...(body.items || []));
    if (!body.next) break;
    cursor = body.next;
  }
  return all;
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
