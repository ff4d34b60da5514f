using Microsoft.Extensions.DependencyInjection;

namespace NakamuraMisaki.Import.Export;

public static class ExportServices
{
    /// <summary>The export to the old file layout; registered by the export command only, on top of Infrastructure's data source.</summary>
    public static IServiceCollection AddLegacyExport(this IServiceCollection services)
    {
        services.AddSingleton<SessionFilesExporter>();
        services.AddSingleton<NoteFilesExporter>();
        services.AddSingleton<AgentTaskDatabaseExporter>();
        services.AddSingleton<TasksAndHandoffsExporter>();
        services.AddSingleton(sp => new LegacyExporter(
            sp.GetRequiredService<SessionFilesExporter>(), sp.GetRequiredService<NoteFilesExporter>(),
            sp.GetRequiredService<AgentTaskDatabaseExporter>(), sp.GetRequiredService<TasksAndHandoffsExporter>()));
        return services;
    }
}
