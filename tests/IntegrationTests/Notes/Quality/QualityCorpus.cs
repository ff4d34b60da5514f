namespace NakamuraMisaki.IntegrationTests.Notes.Quality;

/// <summary>
/// A labelled corpus for search quality: a Japanese/English team's notes, and queries of five kinds with the notes
/// that should be found. The targets were written by hand; the distractors are ordinary notes (every subject × every
/// predicate) that share the corpus's everyday words but none of the queries' key terms.
/// </summary>
public static class QualityCorpus
{
    public enum Kind
    {
        ExactTerm,
        ShortWord,
        Paraphrase,
        Typo,
        Width,
    }

    public sealed record Query(string Text, Kind Kind, int[] Relevant);

    public static readonly string[] Targets =
    [
        "PG-1234: 本番DBの接続数が上限に達したのでmax_connectionsを300に上げた", // 0
        "PG-1243: ステージングのディスク容量を100GB増やした",
        "バッチがOOMで落ちた。ヒープを4GBに増やして再実行",
        "Zoom会議のリンクをカレンダーに貼った",
        "JIRA-5521 のレビューは田中さんが担当",
        "INC-0042 postmortem: the cache stampede took down the API for 12 minutes", // 5
        "Renewed the TLS cert for api.example.com (expires 2027-03-01)",
        "kubectl rollout undo deployment/web で直前のリビジョンに戻せる",
        "The S3 bucket nm-backups-prod keeps 30 days of snapshots",
        "v2.14.3 で CSV エクスポートの文字化けを修正",
        "Error E1017 means the license key has expired", // 10
        "佐藤さんから Redis 7 へのアップグレード案をもらった",
        "ポート 5432 がファイアウォールで塞がれていた",
        "Grafana dashboard 'API latency' shows p95 per route",
        "SLACK_BOT_TOKEN を 1Password の共有保管庫に移した",
        "週末に猫を動物病院へ連れて行く", // 15
        "犬の散歩当番は火曜日",
        "東京オフィスの移転日が5月に決まった",
        "大阪の顧客訪問は来週木曜",
        "会議資料は共有ドライブに置いた",
        "見積の金額を再確認する", // 20
        "雨の日は在宅勤務にする",
        "CIが赤いまま放置されている",
        "UIの文言を敬語に統一",
        "鍵は受付で借りる",
        "駅前の店でランチ会", // 25
        "税金の書類を提出",
        "夏休みの申請は6月中に",
        "Go のバージョンを 1.23 に上げた",
        "AI 要約機能の社内向けデモ",
        "本番データベースの移行手順：メンテナンス画面を出してからバックアップを取り、マイグレーションを実行する", // 30
        "データベースのバックアップは毎晩3時に自動で取得される",
        "ログイン画面で二段階認証のエラーが出る問題を調査。原因はトークンの有効期限切れ",
        "来週の定例会議は水曜日の午後三時に変更になった",
        "ユーザー一覧APIのレスポンスが遅いので、インデックスを追加して改善した",
        "The CI pipeline fails on the integration tests because the PostgreSQL service takes too long to start", // 35
        "Decided to use pgvector with an HNSW index for semantic search over notes",
        "Remember to renew the TLS certificate for the staging server before March",
        "The staging server was rebooted after the kernel update",
        "Refactored the payment service to retry failed webhook deliveries",
        "新人向けのオンボーディング資料を更新した。開発環境の構築手順を追記", // 40
        "On-call handbook: page the secondary if the primary does not acknowledge within 10 minutes",
        "経費精算は月末までにワークフローで申請すること",
        "Moved the nightly report job from cron to the job runner",
        "顧客からの問い合わせはサポート窓口のチケットで管理する",
        "The deployment of the billing service failed twice", // 45
        "Kubernetes cluster upgrade scheduled for Friday",
        "Performance regression in the search endpoint after the release",
        "Database connection pool exhausted during the traffic spike",
        "Authentication middleware rejects expired tokens",
        "Elasticsearch index mappings were changed", // 50
        "リファクタリングの方針をまとめた",
        "スケジューラーの設定を見直した",
        "PostgreSQL vacuum settings tuned for large tables",
        "Documented the rollback procedure for migrations",
        "カタカナ表記のゆれを直した", // 55
        "社内ＡＰＩのレート制限を緩めた",
        "ﾊﾞｯｸｱｯﾌﾟ用のスクリプトを修正",
        "ﾒﾝﾃﾅﾝｽ告知を全社に送った",
        "朝会のメモ：今日はブロッカーなし", // 59
        "Sprint retro: keep the demo short and record it", // 60
    ];

    private static readonly string[] JapaneseSubjects =
        ["週次レポート", "請求書", "採用面接", "社内勉強会", "サーバー監視", "ログ収集", "契約更新", "予算案", "デザインレビュー", "品質保証"];

    private static readonly string[] JapanesePredicates =
        ["の担当を決めた", "を来月に延期した", "の進め方を相談した", "のチェックリストを作った", "で問題が見つかった", "の書類を送った", "について議論した"];

    private static readonly string[] EnglishSubjects =
        ["The weekly report", "The invoice template", "The hiring pipeline", "The load balancer", "The log shipper",
         "The contract renewal", "The budget draft", "The design review", "The QA checklist", "The mobile app"];

    private static readonly string[] EnglishPredicates =
        ["was postponed to next month", "needs an owner", "was discussed with the team", "has a new checklist",
         "had a bug in production", "was sent to the client", "was reviewed on Monday"];

    /// <summary>The targets first (so a query's relevant indices are theirs), then the distractors.</summary>
    public static readonly string[] Notes =
    [
        .. Targets,
        .. JapaneseSubjects.SelectMany(s => JapanesePredicates.Select(p => s + p)),
        .. EnglishSubjects.SelectMany(s => EnglishPredicates.Select(p => $"{s} {p}")),
    ];

    public static readonly Query[] Queries =
    [
        new("PG-1234", Kind.ExactTerm, [0]),
        new("PG-1243", Kind.ExactTerm, [1]),
        new("OOM", Kind.ExactTerm, [2]),
        new("Zoom", Kind.ExactTerm, [3]),
        new("JIRA-5521", Kind.ExactTerm, [4]),
        new("INC-0042", Kind.ExactTerm, [5]),
        new("api.example.com", Kind.ExactTerm, [6]),
        new("kubectl rollout undo", Kind.ExactTerm, [7]),
        new("nm-backups-prod", Kind.ExactTerm, [8]),
        new("v2.14.3", Kind.ExactTerm, [9]),
        new("E1017", Kind.ExactTerm, [10]),
        new("Redis 7", Kind.ExactTerm, [11]),
        new("5432", Kind.ExactTerm, [12]),
        new("Grafana", Kind.ExactTerm, [13]),
        new("SLACK_BOT_TOKEN", Kind.ExactTerm, [14]),
        new("猫", Kind.ShortWord, [15]),
        new("犬", Kind.ShortWord, [16]),
        new("東京", Kind.ShortWord, [17]),
        new("大阪", Kind.ShortWord, [18]),
        new("資料", Kind.ShortWord, [19, 40]),
        new("見積", Kind.ShortWord, [20]),
        new("雨", Kind.ShortWord, [21]),
        new("CI", Kind.ShortWord, [22, 35]),
        new("UI", Kind.ShortWord, [23]),
        new("鍵", Kind.ShortWord, [24]),
        new("駅", Kind.ShortWord, [25]),
        new("税", Kind.ShortWord, [26]),
        new("夏", Kind.ShortWord, [27]),
        new("Go", Kind.ShortWord, [28]),
        new("AI", Kind.ShortWord, [29]),
        new("データベースを移行するときの手順", Kind.Paraphrase, [30]),
        new("バックアップはいつ取られる", Kind.Paraphrase, [31]),
        new("二段階認証でエラーになる原因", Kind.Paraphrase, [32]),
        new("定例会議の日程変更", Kind.Paraphrase, [33]),
        new("APIが遅い問題の改善", Kind.Paraphrase, [34]),
        new("why do integration tests fail in CI", Kind.Paraphrase, [35]),
        new("which index did we pick for semantic search", Kind.Paraphrase, [36]),
        new("staging certificate renewal", Kind.Paraphrase, [37]),
        new("reboot after updating the kernel", Kind.Paraphrase, [38]),
        new("retry webhook deliveries in payments", Kind.Paraphrase, [39]),
        new("開発環境の構築手順", Kind.Paraphrase, [40]),
        new("who to page when the primary does not acknowledge", Kind.Paraphrase, [41]),
        new("経費の申請期限", Kind.Paraphrase, [42]),
        new("nightly report job", Kind.Paraphrase, [43]),
        new("問い合わせの管理方法", Kind.Paraphrase, [44]),
        new("deplyoment billing", Kind.Typo, [45]),
        new("kubernets upgrade", Kind.Typo, [46]),
        new("perfomance regresion", Kind.Typo, [47]),
        new("conection pool exausted", Kind.Typo, [48]),
        new("authentcation middlewere", Kind.Typo, [49]),
        new("elasticserch mappings", Kind.Typo, [50]),
        new("リファクタリンク", Kind.Typo, [51]),
        new("スケジュラーの設定", Kind.Typo, [52]),
        new("postgre vaccum", Kind.Typo, [53]),
        new("rollbak procedure", Kind.Typo, [54]),
        new("ＰＧ－１２３４", Kind.Width, [0]),
        new("ｶﾀｶﾅ表記", Kind.Width, [55]),
        new("API レート制限", Kind.Width, [56]),
        new("バックアップ用のスクリプト", Kind.Width, [57]),
        new("メンテナンス告知", Kind.Width, [58]),
        new("ＯＯＭ", Kind.Width, [2]),
        new("ｊｉｒａ－５５２１", Kind.Width, [4]),
        new("Ｒｅｄｉｓ ７", Kind.Width, [11]),
        new("５４３２", Kind.Width, [12]),
        new("ＫＵＢＥＣＴＬ ｒｏｌｌｏｕｔ", Kind.Width, [7]),
    ];
}
