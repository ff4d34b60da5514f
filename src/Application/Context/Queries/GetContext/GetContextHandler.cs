using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Tasks.Queries.ListTasksDueToday;
using static NakamuraMisaki.Application.Context.ContextItemKind;

namespace NakamuraMisaki.Application.Context.Queries.GetContext;

public sealed class GetContextHandler(IUser user, ContextSources sources, ITokenCounters tokenizers, TimeProvider clock)
    : IRequestHandler<GetContext, ContextResponse>
{
    public async ValueTask<ContextResponse> Handle(GetContext request, CancellationToken cancellationToken)
    {
        var me = user.ActingId();
        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZoneOrDefault);
        var texts = new ContextTexts(zone);
        var kinds = ContextItemKinds.Parse(request.Include);
        var limits = request.Limits?.OrDefaults() ?? ContextLimits.Defaults;
        var query = request.Query.Trim();

        // The session is checked even when its messages are not wanted: another user's session is a 404 either way.
        var recent = request.SessionId is { } session
            ? await sources.RecentAsync(me, session, kinds.Contains(Message) ? limits.RecentMessages!.Value : 0, cancellationToken)
            : [];
        var ranked = new List<ContextCandidate>();
        if (kinds.Contains(Note))
        {
            ranked.AddRange(await sources.NotesAsync(query, limits.Notes!.Value, texts, cancellationToken));
        }

        if (kinds.Contains(PastMessage))
        {
            ranked.AddRange(await sources.PastMessagesAsync(query, limits.PastMessages!.Value, recent, texts, cancellationToken));
        }

        if (kinds.Contains(ContextItemKind.Task))
        {
            var day = LocalDay.Containing(now, zone);
            ranked.AddRange(await sources.TasksAsync(me, limits.Tasks!.Value, day, now, texts, cancellationToken));
        }

        if (kinds.Contains(Handoff))
        {
            ranked.AddRange(await sources.HandoffsAsync(me, limits.Handoffs!.Value, now, texts, cancellationToken));
        }

        var tokenizer = request.Tokenizer ?? ContextTokenizers.Default;
        var budget = request.BudgetTokens!.Value;
        var (items, used, truncated) = ContextPacker.Pack(recent, ranked, tokenizers.For(tokenizer), budget);
        return new ContextResponse(items, used, budget, truncated, tokenizer);
    }
}
