namespace NakamuraMisaki.Bench.NotesSearch;

/// <summary>
/// Deterministic note-like texts, half Japanese (words run together, as the bot's notes are) and half English, drawn
/// from a small work vocabulary so that many notes share words, as real ones do. Queries are 2 to 3 vocabulary
/// words, so each has many lexical neighbours and ties are common: a hard case for an approximate index.
/// </summary>
internal sealed class SyntheticCorpus(int seed)
{
    private static readonly string[] Japanese =
    [
        "データベース", "移行", "手順", "バックアップ", "本番", "検証", "環境", "障害", "対応", "調査", "原因", "ログ",
        "エラー", "認証", "トークン", "有効期限", "定例", "会議", "議事録", "リリース", "デプロイ", "ロールバック",
        "監視", "アラート", "通知", "ボット", "リマインダー", "タスク", "期限", "引き継ぎ", "設計", "レビュー",
        "テスト", "結合", "単体", "性能", "改善", "インデックス", "クエリ", "遅延", "キャッシュ", "設定", "変更",
        "権限", "ユーザー", "一覧", "画面", "修正", "追加", "削除", "確認", "資料", "作成", "共有", "承認", "予算",
        "見積もり", "契約", "顧客", "問い合わせ", "の", "を", "に", "で", "が", "は", "と", "した", "する", "予定",
    ];

    private static readonly string[] English =
    [
        "database", "migration", "steps", "backup", "production", "staging", "environment", "incident", "root",
        "cause", "logs", "error", "authentication", "token", "expiry", "weekly", "meeting", "notes", "release",
        "deploy", "rollback", "monitoring", "alert", "notification", "bot", "reminder", "task", "deadline", "handoff",
        "design", "review", "tests", "integration", "unit", "performance", "improve", "index", "query", "latency",
        "cache", "config", "change", "permissions", "users", "list", "screen", "fix", "add", "remove", "check",
        "document", "share", "approve", "budget", "estimate", "contract", "customer", "ticket", "the", "for", "after",
        "before", "with", "was", "is", "we", "planned", "failed", "pipeline", "certificate", "webhook", "retry",
    ];

    private static readonly string[] Categories = ["general", "code_changes", "decisions", "todos", "errors", "learnings"];

    private readonly Random _random = new(seed);

    public string Note()
    {
        var japanese = _random.Next(2) == 0;
        var words = Enumerable.Range(0, _random.Next(6, 15)).Select(_ => Pick(japanese ? Japanese : English));
        return string.Join(japanese ? "" : " ", words);
    }

    /// <summary>Content words only: particles and "the" make no query.</summary>
    public string Query()
    {
        var japanese = _random.Next(2) == 0;
        var vocabulary = (japanese ? Japanese : English).Where(w => w.Length > 3 || (japanese && w.Length > 1)).ToArray();
        var words = Enumerable.Range(0, _random.Next(2, 4)).Select(_ => vocabulary[_random.Next(vocabulary.Length)]);
        return string.Join(japanese ? "" : " ", words);
    }

    public string Category() => Pick(Categories);

    public int Next(int max) => _random.Next(max);

    private string Pick(string[] words) => words[_random.Next(words.Length)];
}
