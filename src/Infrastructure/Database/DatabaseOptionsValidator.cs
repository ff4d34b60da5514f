using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Configuration;

namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>The Database section's settings checked at start (an unknown Database:Pooler already fails its binding).</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) => new[]
    {
        // 0 is Npgsql's "check the host's role at every open": allowed, if costly.
        options.HostRecheckSeconds >= 0 ? null : $"{DatabaseOptions.Section}:{nameof(options.HostRecheckSeconds)} must be 0 or more.",
    }.ToResult();
}
