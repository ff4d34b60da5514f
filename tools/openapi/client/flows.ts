// What the Slack bot does, written against a client generated from the served document (scripts/test.sh generates
// client/schema.d.ts and runs `tsc --noEmit`). It compiles without casts or hand-written types, or the document lies.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

type Task = components["schemas"]["TaskResponse"];
type Problem = components["schemas"]["ProblemDetails"];

export function botClient(baseUrl: string, apiKey: string, slackUserId: string) {
  return createClient<paths>({
    baseUrl,
    headers: { Authorization: `Bearer ${apiKey}`, "X-Slack-User-Id": slackUserId },
  });
}

const acting = (user: string) => ({ "X-Slack-User-Id": user });

export async function taskFlow(api: ReturnType<typeof botClient>, me: string, colleague: string): Promise<Task[]> {
  const created = await api.POST("/api/v1/tasks", {
    params: { header: acting(me) },
    body: { title: "資料を作る", assignee_user_id: colleague, due_at: new Date().toISOString() },
  });
  if (created.error) throw new Error(describe(created.error));
  const etag = created.response.headers.get("ETag") ?? "*";
  const location: string | null = created.response.headers.get("Location");

  const started = await api.POST("/api/v1/tasks/{id}/start", {
    params: { path: { id: created.data.id }, header: { ...acting(colleague), "If-Match": etag } },
  });
  if (started.error) throw new Error(`${started.response.status}: ${describe(started.error)} (${location})`);

  const renamed = await api.PATCH("/api/v1/tasks/{id}", {
    params: { path: { id: started.data.id }, header: acting(me) },
    body: { title: "資料を仕上げる", description: null },
  });
  if (renamed.error) throw new Error(describe(renamed.error));

  const done = await api.POST("/api/v1/tasks/{id}/complete", {
    params: { path: { id: renamed.data.id }, header: acting(colleague) },
  });
  if (done.error) throw new Error(describe(done.error));
  const completedAt: string | null = done.data.completed_at;

  const mine = await api.GET("/api/v1/tasks", {
    params: {
      header: acting(colleague),
      query: { assignee: colleague, status: ["pending", "in_progress", "completed"], limit: 100, offset: 0 },
    },
  });
  if (mine.error) throw new Error(describe(mine.error));
  const today = await api.GET("/api/v1/tasks/due-today", { params: { header: acting(me), query: { tz: "Asia/Tokyo" } } });
  const overdue = await api.GET("/api/v1/tasks/overdue", { params: { header: acting(me), query: { limit: 20 } } });
  const stale = await api.GET("/api/v1/tasks/stale", { params: { header: acting(me), query: { days: 3 } } });
  const found = await api.GET("/api/v1/tasks/search", { params: { header: acting(me), query: { q: "資料", include_closed: true } } });
  const cancelled = await api.POST("/api/v1/tasks/{id}/cancel", { params: { path: { id: done.data.id }, header: acting(me) } });
  if (cancelled.response.status === 409 && cancelled.error) console.log(cancelled.error.detail, completedAt);
  await api.DELETE("/api/v1/tasks/{id}", { params: { path: { id: done.data.id }, header: acting(me) } });
  return [...mine.data.items, ...(today.data ?? []), ...(overdue.data?.items ?? []), ...(stale.data?.items ?? []), ...(found.data ?? [])];
}

export async function handoffFlow(api: ReturnType<typeof botClient>, me: string, colleague: string, taskId: string) {
  const sent = await api.POST("/api/v1/handoffs", {
    params: { header: acting(me) },
    body: { to_user_id: colleague, progress_note: "半分できた", next_steps: "レビュー", task_id: taskId },
  });
  if (sent.error) throw new Error(describe(sent.error));
  const pending = await api.GET("/api/v1/handoffs/pending", { params: { header: acting(colleague), query: { limit: 20 } } });
  const first = pending.data?.items[0];
  if (first) {
    const accepted = await api.POST("/api/v1/handoffs/{id}/accept", { params: { path: { id: first.id }, header: acting(colleague) } });
    const status: "pending" | "accepted" | "completed" | undefined = accepted.data?.status;
    const remindedAt: string | null | undefined = accepted.data?.reminded_at;
    console.log(status, remindedAt);
    await api.POST("/api/v1/handoffs/{id}/complete", { params: { path: { id: first.id }, header: acting(me) } });
  }
  const history = await api.GET("/api/v1/handoffs/sent", { params: { header: acting(me), query: { include_completed: true } } });
  await api.DELETE("/api/v1/handoffs/{id}", { params: { path: { id: sent.data.id }, header: acting(me) } });
  return history.data?.items.map((h) => `${h.from_user_id} → ${h.to_user_id}: ${h.next_steps}`) ?? [];
}

export async function notesFlow(api: ReturnType<typeof botClient>, me: string, sessionId: string) {
  const saved = await api.POST("/api/v1/notes", {
    params: { header: acting(me) },
    body: { content: "デプロイ手順: scripts/run.sh", category: "decisions", session_id: sessionId },
  });
  if (saved.error) throw new Error(describe(saved.error));
  const hits = await api.GET("/api/v1/notes/search", { params: { header: acting(me), query: { q: "デプロイ", limit: 5 } } });
  const scores = hits.data?.items.map((hit) => `${hit.content} (${hit.score})`) ?? [];
  const list = await api.GET("/api/v1/notes", { params: { header: acting(me), query: { category: "decisions" } } });
  const bySession = await api.GET("/api/v1/notes/by-session/{session_id}", {
    params: { path: { session_id: sessionId }, header: acting(me) },
  });
  const one = await api.GET("/api/v1/notes/{id}", { params: { path: { id: saved.data.id }, header: acting(me) } });
  await api.DELETE("/api/v1/notes/{id}", { params: { path: { id: saved.data.id }, header: acting(me) } });
  return [...scores, ...(list.data?.items ?? []).map((n) => n.category), ...(bySession.data?.items ?? []).map((n) => n.id), one.data?.created_at];
}

export async function sessionFlow(api: ReturnType<typeof botClient>, me: string) {
  const created = await api.POST("/api/v1/sessions", {
    params: { header: acting(me) },
    body: { title: "朝会", options: { model: "claude", max_turns: 3 } },
  });
  if (created.error) throw new Error(describe(created.error));
  const id = created.data.session_id;
  await api.POST("/api/v1/sessions/{session_id}/touch", { params: { path: { session_id: id }, header: acting(me) } });
  const latest = await api.GET("/api/v1/sessions/latest", { params: { header: acting(me) } });
  const one = await api.GET("/api/v1/sessions/{session_id}", { params: { path: { session_id: id }, header: acting(me) } });
  const all = await api.GET("/api/v1/sessions", { params: { header: acting(me), query: { limit: 10 } } });
  return [latest.data?.title, one.data?.is_active, all.data?.total];
}

function describe(problem: Problem): string {
  const traceId: string | undefined = problem.trace_id;
  return `${problem.status} ${problem.title}: ${problem.detail ?? ""} (trace ${traceId ?? "?"})`;
}
