namespace NakamuraMisaki.Bench.SessionMessages;

/// <summary>Chat-sized Japanese texts (40-400 characters), deterministic for a seed.</summary>
internal sealed class SyntheticTexts(int seed)
{
    private static readonly string[] Phrases =
    [
        "本番DBの移行手順を確認しました。", "明日の会議の資料を作ります。", "テストが失敗しています、ログを見てください。",
        "レビューありがとうございます。", "Slackの通知が届かない件を調べます。", "タスクを完了にしました。",
        "pgvector のインデックスを作り直します。", "引き継ぎの内容をまとめました。",
    ];

    private readonly Random _random = new(seed);
    private readonly object _lock = new();

    public string Message()
    {
        lock (_lock)
        {
            var length = _random.Next(40, 400);
            var text = new System.Text.StringBuilder(length + 40);
            while (text.Length < length)
            {
                text.Append(Phrases[_random.Next(Phrases.Length)]);
            }

            return text.ToString(0, length);
        }
    }
}
