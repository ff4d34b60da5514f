using FluentValidation;
using NakamuraMisaki.Domain.AgentTasks;

namespace NakamuraMisaki.Application.AgentTasks.Queries;

internal static class AgentTaskQueryRules
{
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> KnownStatuses<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.Must(statuses => statuses.All(s => AgentTaskNames.Status.TryParse(s, out _)))
            .WithMessage((request, statuses) =>
                $"'{string.Join("', '", statuses.Where(s => !AgentTaskNames.Status.TryParse(s, out _)))}' is not a status; use " +
                string.Join(", ", AgentTaskNames.Status.All) + ".");

    public static IRuleBuilderOptions<T, string?> KnownTaskSource<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .Must(s => AgentTaskNames.Source.TryParse(s, out _))
            .WithMessage("'{PropertyValue}' is not a task source; use " +
                         string.Join(" or ", AgentTaskNames.Source.All) + ".");
}
