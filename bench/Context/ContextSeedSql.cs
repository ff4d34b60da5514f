namespace NakamuraMisaki.Bench.Context;

/// <summary>The bench's rows, generated inside the server (the figures are about reading, not loading).</summary>
internal static class ContextSeedSql
{
    private const string Phrases =
        "ARRAY['本番DBの移行手順を確認します。', 'デプロイのロールバック方法をまとめた。', '障害対応の連絡先は当番表にある。', " +
        "'OOM killer がワーカーを落とした。', '週次レポートの締め切りは金曜。', 'ランチはカレーにしよう。', " +
        "'移行リハーサルの結果を共有します。', 'The release checklist needs one more review.']";

    /// <summary><paramref name="count"/> notes, the first <paramref name="userNotes"/> the bench user's, the rest 50 others'.</summary>
    public static string Notes(int count, int userNotes, string user) =>
        "INSERT INTO notes (id, user_id, session_id, category, content, created_at) " +
        $"SELECT gen_random_uuid(), CASE WHEN n <= {userNotes} THEN '{user}' ELSE 'U0OTHER' || lpad((n % 50)::text, 2, '0') END, NULL, " +
        $"'general', ({Phrases})[1 + n % 8] || ' ' || ({Phrases})[1 + (n * 7) % 8] || ' #' || n, " +
        $"now() - n * interval '1 minute' FROM generate_series(1, {count}) n";

    /// <summary>A session of <paramref name="owner"/> with <paramref name="count"/> messages of 40-400 characters.</summary>
    public static string Session(string sessionId, string owner, int count) =>
        "INSERT INTO sessions (session_id, user_id, title, workspace_path, message_count, is_active, options, created_at, " +
        $"last_active, last_message_seq) VALUES ('{sessionId}', '{owner}', 'bench', NULL, {count}, true, '{{}}', now(), now(), {count}); " +
        "INSERT INTO session_messages (session_id, seq, role, content, metadata, created_at) " +
        $"SELECT '{sessionId}', n, CASE WHEN n % 2 = 0 THEN 'assistant' ELSE 'user' END, " +
        $"repeat(({Phrases})[1 + (n + length('{sessionId}')) % 8], 1 + (n * 37) % 10), '{{}}', " +
        $"now() - ({count} - n) * interval '1 second' FROM generate_series(1, {count}) n";

    /// <summary>200 open tasks of the user due around now (some overdue), and 50 hand-offs waiting on them.</summary>
    public static string TasksAndHandoffs(string user) =>
        "INSERT INTO tasks (id, title, description, assignee_user_id, creator_user_id, status, due_at, created_at, updated_at) " +
        $"SELECT gen_random_uuid(), '移行タスク ' || n, 'bench', '{user}', 'U0OTHER01', 'pending', now() + (n - 100) * interval '2 hours', " +
        "now(), now() FROM generate_series(1, 200) n; " +
        "INSERT INTO handoffs (id, from_user_id, to_user_id, progress_note, next_steps, handoff_at, created_at) " +
        $"SELECT gen_random_uuid(), 'U0OTHER02', '{user}', '進捗 ' || n, '次の手順 ' || n, now() - n * interval '1 hour', now() " +
        "FROM generate_series(1, 50) n";
}
