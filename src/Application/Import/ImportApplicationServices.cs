using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Import.AgentTasks;
using NakamuraMisaki.Application.Import.Notes;
using NakamuraMisaki.Application.Import.Sessions;

namespace NakamuraMisaki.Application.Import;

public static class ImportApplicationServices
{
    /// <summary>Registered only by the import command: the web service has no use for them.</summary>
    public static IServiceCollection AddLegacyImport(this IServiceCollection services)
    {
        // Transient: a plan remembers, for one run, that the embedding provider failed.
        services.AddTransient<SessionImportPlan>();
        services.AddTransient<NoteImportPlan>();
        services.AddTransient<AgentTaskImportPlan>();
        services.AddTransient<LegacyImporter>();
        services.AddSingleton<ImportMetrics>();
        return services;
    }
}
