namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>
/// A small fixed corpus in Japanese and English, with near-topic distractors, and queries that reuse the words of the
/// note they should find (paraphrase-free: the offline embedder is lexical, not semantic).
/// </summary>
internal static class NoteCorpus
{
    public static readonly (string Content, string Category)[] Notes =
    [
        ("本番データベースの移行手順：メンテナンス画面を出してからバックアップを取り、マイグレーションを実行する", "decisions"),
        ("データベースのバックアップは毎晩3時に自動で取得される", "learnings"),
        ("ログイン画面で二段階認証のエラーが出る問題を調査した。原因はトークンの有効期限切れ", "errors"),
        ("来週の定例会議は水曜日の午後三時に変更になった", "todos"),
        ("Slack通知のボットにリマインダー機能を追加した", "code_changes"),
        ("ユーザー一覧APIのレスポンスが遅いので、インデックスを追加して改善した", "learnings"),
        ("The CI pipeline fails on the integration tests because the PostgreSQL service takes too long to start", "errors"),
        ("Decided to use pgvector with an HNSW index for semantic search over notes", "decisions"),
        ("Remember to renew the TLS certificate for the staging server before March", "todos"),
        ("The staging server was rebooted after the kernel update", "learnings"),
        ("Refactored the payment service to retry failed webhook deliveries", "code_changes"),
    ];

    /// <summary>Query → the index in <see cref="Notes"/> that must rank first.</summary>
    public static TheoryData<string, int> Queries() => new()
    {
        { "データベースの移行手順", 0 },
        { "バックアップは毎晩", 1 },
        { "二段階認証のエラー", 2 },
        { "定例会議", 3 },
        { "リマインダー機能", 4 },
        { "インデックスを追加", 5 },
        { "integration tests fail", 6 },
        { "HNSW index", 7 },
        { "TLS certificate", 8 },
        { "kernel update", 9 },
        { "webhook retry", 10 },
    };
}
