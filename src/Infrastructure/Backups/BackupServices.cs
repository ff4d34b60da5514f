using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Backups;

namespace NakamuraMisaki.Infrastructure.Backups;

public static class BackupServices
{
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>();
        services.AddSingleton<ArchiveRestorer>();
        services.AddSingleton<ArchiveVerifier>();
        services.AddSingleton<IDatabaseBackups, PgDumpBackups>();
        return services;
    }
}

internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        var errors = new List<string>();
        if (options.Interval < TimeSpan.FromMinutes(1))
        {
            errors.Add("Backup:Interval must be at least 00:01:00.");
        }

        if (options.RetentionCount < 1)
        {
            errors.Add("Backup:RetentionCount must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
