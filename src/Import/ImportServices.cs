using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Import.AgentTasks;
using NakamuraMisaki.Import.Common;
using NakamuraMisaki.Import.Notes;
using NakamuraMisaki.Import.SessionMessages;
using NakamuraMisaki.Import.Sessions;

namespace NakamuraMisaki.Import;

public static class ImportServices
{
    /// <summary>
    /// The importer: per source a reader, a parser and a writer, and the run that ties them. Registered only by the
    /// import command, on top of the Application and Infrastructure services it uses (the data source, the embedder).
    /// </summary>
    public static IServiceCollection AddImportServices(this IServiceCollection services)
    {
        services.AddSingleton<ILegacyReader<LegacySession>, SessionFilesReader>();
        services.AddSingleton<IImportWriter<LegacySession>, SessionWriter>();
        services.AddSingleton<ILegacyReader<LegacySessionMessage>, SessionHistoryReader>();
        services.AddSingleton<IImportWriter<LegacySessionMessage>, SessionMessageWriter>();
        services.AddSingleton<ILegacyReader<LegacyNote>, NoteFilesReader>();
        services.AddSingleton<INoteWriter, NoteWriter>();
        services.AddSingleton<ILegacyReader<LegacyAgentTask>, AgentTaskDatabaseReader>();
        services.AddSingleton<IImportWriter<LegacyAgentTask>, AgentTaskWriter>();

        // Transient: a plan remembers, for one run, that the embedding provider failed.
        services.AddTransient<SessionImportPlan>();
        services.AddTransient<SessionMessageImportPlan>();
        services.AddTransient<NoteImportPlan>();
        services.AddTransient<AgentTaskImportPlan>();
        services.AddTransient<LegacyImporter>();
        services.AddSingleton<ImportMetrics>();
        return services;
    }
}
