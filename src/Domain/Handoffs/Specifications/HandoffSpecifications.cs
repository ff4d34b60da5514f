using System.Linq.Expressions;

namespace NakamuraMisaki.Domain.Handoffs.Specifications;

/// <summary>
/// The hand-off rules that queries share, each written once as an expression (as <c>TaskSpecifications</c>): EF Core
/// translates them, the entity runs them compiled. Where SQL must be hand-written (the reminder claim, the index
/// filters) Infrastructure's HandoffSpecificationSql spells them, and SpecificationSqlTests holds that to these.
/// </summary>
public static class HandoffSpecifications
{
    /// <summary>Open: not completed yet, accepted or not (the recipient's pending list, the sender's open ones).</summary>
    public static readonly Expression<Func<Handoff, bool>> Open = handoff => handoff.CompletedAt == null;

    /// <summary>
    /// Its reminder is still to be sent: not sent, not given up on, and the hand-off not completed. Whether it is due
    /// yet is a matter of time (<see cref="ReminderDueUntil"/>).
    /// </summary>
    public static readonly Expression<Func<Handoff, bool>> ReminderOutstanding =
        handoff => handoff.RemindedAt == null && handoff.ReminderFailedAt == null && handoff.CompletedAt == null;

    private static readonly Func<Handoff, bool> IsReminderOutstandingCompiled = ReminderOutstanding.Compile();

    /// <summary>
    /// A reminder is due once the hand-over is at most <paramref name="leadTime"/> away: for every hand-off whose
    /// handoff_at is at or before the instant this returns.
    /// </summary>
    public static DateTimeOffset ReminderDueUntil(DateTimeOffset now, TimeSpan leadTime) => now + leadTime;

    internal static bool IsReminderOutstanding(Handoff handoff) => IsReminderOutstandingCompiled(handoff);
}
