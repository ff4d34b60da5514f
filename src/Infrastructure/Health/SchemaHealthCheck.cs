using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NakamuraMisaki.Infrastructure.Persistence;

namespace NakamuraMisaki.Infrastructure.Health;

public static class SchemaHealthCheck
{
    /// <summary>
    /// EF Core's own context check (the health-check package's), through the pooled context requests use: healthy when
    /// the schema is the one this code expects, no migration pending. A schema behind the code is not ready: requests
    /// would fail on missing tables or columns. It fails as Degraded, not Unhealthy: a schema being migrated is expected
    /// while an instance starts (logged as a warning, not an error); readiness answers 503 for it all the same.
    /// </summary>
    public static IHealthChecksBuilder AddSchemaCheck(this IHealthChecksBuilder checks, string name, string[] tags) =>
        checks.AddDbContextCheck<AppDbContext>(name, HealthStatus.Degraded, tags,
            customTestQuery: async (db, ct) => !(await db.Database.GetPendingMigrationsAsync(ct)).Any());
}
