using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Tasks;
using NakamuraMisaki.Domain.Tasks.Specifications;

namespace NakamuraMisaki.Infrastructure.Persistence.Specifications;

/// <summary>
/// <see cref="TaskSpecifications"/> in SQL, for where SQL is written by hand (an index filter): written from the
/// specification's own status list and the status table, and held to the expression by SpecificationSqlTests.
/// </summary>
public static class TaskSpecificationSql
{
    /// <summary><see cref="TaskSpecifications.Open"/>: "status IN ('pending', 'in_progress')".</summary>
    public static readonly string Open =
        TaskItemStatusNames.Words.SqlIn("status", TaskSpecifications.OpenStatuses.ToArray());
}
