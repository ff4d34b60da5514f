using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Configuration;

namespace NakamuraMisaki.Infrastructure.Slack;

internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options) => new[]
    {
        options.BaseAddress.IsAbsoluteUri ? null : "Slack:BaseAddress must be an absolute URL.",
        options.Timeout > TimeSpan.Zero ? null : "Slack:Timeout must be positive.",
    }.ToResult();
}
