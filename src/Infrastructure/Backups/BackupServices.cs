using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Backups;
using NakamuraMisaki.Infrastructure.Configuration;
using NakamuraMisaki.Infrastructure.Database.Embedded;

namespace NakamuraMisaki.Infrastructure.Backups;

public static class BackupServices
{
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<BackupOptions, BackupOptionsValidator>(configuration, BackupOptions.Section);
        services.AddSingleton<ArchiveRestorer>();
        services.AddSingleton<ArchiveVerifier>();
        services.AddSingleton<ThrowawayClusters>();
        services.AddHostedService<LeftoverClusterRemoval>();
        services.AddSingleton<IDatabaseBackups, PgDumpBackups>();
        services.AddSingleton<IBackupSchedule, BackupSchedule>();
        services.AddHostedService<Jobs.ScheduledBackupJob>();
        return services;
    }
}

internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        return new[]
        {
            options.Interval < TimeSpan.FromMinutes(1) ? "Backup:Interval must be at least 00:01:00." : null,
            options.RetentionCount < 1 ? "Backup:RetentionCount must be at least 1." : null,
            options.Enabled == true && string.IsNullOrWhiteSpace(options.Directory)
                ? "Backup:Directory is required when Backup:Enabled is true." : null,
        }.ToResult();
    }
}
