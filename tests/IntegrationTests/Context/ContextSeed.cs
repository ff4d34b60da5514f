using System.Text.Json;
using NakamuraMisaki.IntegrationTests.Handoffs;
using NakamuraMisaki.IntegrationTests.Notes;
using NakamuraMisaki.IntegrationTests.Sessions;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Context.ContextRequests;

namespace NakamuraMisaki.IntegrationTests.Context;

/// <summary>
/// A user with a bit of everything: a conversation (s-now), an earlier one (s-old), notes, tasks in every state, and
/// hand-offs both ways; and Bob, whose own things must never show in Alice's context. The clock is at
/// <see cref="ApiFactory.Epoch"/> (2026-06-15 12:00 in Tokyo).
/// </summary>
internal sealed record ContextSeed(JsonElement Overdue, JsonElement DueToday, JsonElement WaitingHandoff)
{
    public const string Session = "s-now";
    public const string Query = "本番DBの移行手順";

    public static readonly string[] Conversation =
    [
        "移行のリハーサルはいつでしたっけ?", "来週の火曜です。", "本番DBの移行手順をもう一度確認したい", "手順書は notes にあります。", "ありがとう、見てみます。",
    ];

    public static async Task<ContextSeed> PlantAsync(HttpClient client)
    {
        var now = ApiFactory.Epoch;
        await client.CreateSessionAsync(Session);
        foreach (var (content, i) in Conversation.Select((c, i) => (c, i)))
        {
            await client.AppendAsync(Session, content, role: i % 2 == 0 ? "user" : "assistant");
        }

        await client.CreateSessionAsync("s-old");
        await client.AppendAsync("s-old", "本番DBの移行手順は論理レプリケーションで、切り替えは深夜に行う");
        await client.AppendAsync("s-old", "ランチはどこにしますか");

        await client.SaveNoteAsync("本番DBの移行手順: 1. 論理レプリケーション開始 2. 差分確認 3. 切り替え", category: "decisions");
        await client.SaveNoteAsync("移行手順のリハーサルで pg_dump は遅すぎた", category: "learnings");
        await client.SaveNoteAsync("来月の歓迎会の店を予約する", category: "todos");

        var overdue = await client.CreateTaskAsync("移行リハーサルの報告", dueAt: now.AddDays(-1));
        var dueToday = await client.CreateTaskAsync("手順書のレビュー", dueAt: now.AddHours(5), description: "DBA チームに確認");
        await client.CreateTaskAsync("来週の準備", dueAt: now.AddDays(1));
        await client.CreateTaskAsync("日付なし");
        var done = await client.CreateTaskAsync("終わった移行タスク", dueAt: now.AddDays(-2));
        await client.TransitionAsync(done, "complete");
        await client.CreateTaskAsync("Bob の期限切れタスク", assignee: Bob, creator: Alice, dueAt: now.AddDays(-3));

        var waiting = await client.CreateHandoffAsync(from: Bob, to: Alice, progressNote: "移行スクリプトは半分まで", nextSteps: "残りの差分確認");
        await client.CreateHandoffAsync(from: Alice, to: Bob, progressNote: "Alice から Bob へ", nextSteps: "Bob がやる");

        await client.CreateSessionAsync("bobs", user: Bob);
        await client.AppendAsync("bobs", "本番DBの移行手順 (Bob の秘密)", user: Bob);
        await client.SaveNoteAsync("本番DBの移行手順 (Bob のメモ)", user: Bob);
        return new ContextSeed(overdue, dueToday, waiting);
    }
}
