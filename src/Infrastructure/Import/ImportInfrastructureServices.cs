using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Import.AgentTasks;
using NakamuraMisaki.Application.Import.Common;
using NakamuraMisaki.Application.Import.Notes;
using NakamuraMisaki.Application.Import.Sessions;
using NakamuraMisaki.Infrastructure.Import.Reading;
using NakamuraMisaki.Infrastructure.Import.Writing;

namespace NakamuraMisaki.Infrastructure.Import;

public static class ImportInfrastructureServices
{
    /// <summary>The old stores' readers and the bulk writers; registered only by the import command.</summary>
    public static IServiceCollection AddLegacyStores(this IServiceCollection services)
    {
        services.AddSingleton<ILegacyReader<LegacySession>, SessionFilesReader>();
        services.AddSingleton<ILegacyReader<LegacyNote>, NoteFilesReader>();
        services.AddSingleton<ILegacyReader<LegacyAgentTask>, AgentTaskDatabaseReader>();
        services.AddSingleton<IImportTarget<LegacySession>, SessionImportTarget>();
        services.AddSingleton<INoteImportTarget, NoteImportTarget>();
        services.AddSingleton<IImportTarget<LegacyAgentTask>, AgentTaskImportTarget>();
        return services;
    }
}
