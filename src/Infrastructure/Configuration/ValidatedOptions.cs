using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NakamuraMisaki.Infrastructure.Configuration;

public static class ValidatedOptions
{
    /// <summary>
    /// The one way a settings section is registered: bound from <paramref name="section"/>, checked by
    /// <typeparamref name="TValidator"/> when the host starts, so a bad value stops startup with a message naming the
    /// setting instead of failing later, one request (or one job pass) at a time.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(
        this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>Fails with every message, or succeeds when there is none.</summary>
    public static ValidateOptionsResult ToResult(this IEnumerable<string?> failures) =>
        failures.OfType<string>().ToArray() is { Length: > 0 } errors
            ? ValidateOptionsResult.Fail(errors)
            : ValidateOptionsResult.Success;
}
