using NakamuraMisaki.Domain.Handoffs.Specifications;

namespace NakamuraMisaki.Infrastructure.Persistence.Specifications;

/// <summary>
/// <see cref="HandoffSpecifications"/> in SQL, for where SQL is written by hand: the reminder claim and the index
/// filters use these constants, and SpecificationSqlTests holds each to its expression and to the indexes PostgreSQL
/// reports.
/// </summary>
public static class HandoffSpecificationSql
{
    /// <summary><see cref="HandoffSpecifications.Open"/>.</summary>
    public const string Open = "completed_at IS NULL";

    /// <summary><see cref="HandoffSpecifications.ReminderOutstanding"/>.</summary>
    public const string ReminderOutstanding = "reminded_at IS NULL AND reminder_failed_at IS NULL AND completed_at IS NULL";
}
