using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.AgentTasks.Commands;

/// <summary>Lengths are generous bounds on what forges and hosts produce, and match the column definitions.</summary>
public static class AgentTaskFieldRules
{
    public const int OwnerMaxLength = 255;
    public const int RepoMaxLength = 255;
    public const int TaskIdMaxLength = 64;
    public const int HostnameMaxLength = 255;
    public const int LlmProviderMaxLength = 64;
    public const int ModelMaxLength = 255;
    public const int UserMaxLength = 255;

    /// <summary>Tracebacks can be long; a failing agent must still be able to record why it failed.</summary>
    public const int ErrorMessageMaxLength = 100_000;

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.NotEmpty()
            .NotBlank()
            .MaximumLength(maxLength);

    /// <summary>Absent is fine; present must say something (an empty hostname is a client bug, not a value).</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.NotBlank(advice: "; leave it out instead")
            .MaximumLength(maxLength);
}
