using FluentValidation;
using NakamuraMisaki.Domain.AgentTasks;

namespace NakamuraMisaki.Application.AgentTasks.Commands.RegisterAgentTask;

public sealed class RegisterAgentTaskValidator : AbstractValidator<RegisterAgentTask>
{
    public RegisterAgentTaskValidator()
    {
        RuleFor(x => x.Uuid).NotEmpty();
        RuleFor(x => x.TaskSource).NotNull();
        RuleFor(x => x.TaskType).NotNull()
            .Must((x, type) => x.TaskSource is not { } source || AgentTaskTarget.Allows(source, type!.Value))
            .WithMessage(x => $"A {AgentTaskNames.Source.Name(x.TaskSource!.Value)} task cannot be a {AgentTaskNames.Type.Name(x.TaskType!.Value)}; " +
                              "use pull_request with github, merge_request with gitlab, issue with either.");
        RuleFor(x => x.Owner).RequiredText(AgentTaskFieldRules.OwnerMaxLength);
        RuleFor(x => x.Repo).RequiredText(AgentTaskFieldRules.RepoMaxLength);
        RuleFor(x => x.TaskId).RequiredText(AgentTaskFieldRules.TaskIdMaxLength);
        RuleFor(x => x.ProcessId).GreaterThan(0);
        RuleFor(x => x.Hostname).OptionalText(AgentTaskFieldRules.HostnameMaxLength);
        RuleFor(x => x.LlmProvider).OptionalText(AgentTaskFieldRules.LlmProviderMaxLength);
        RuleFor(x => x.Model).OptionalText(AgentTaskFieldRules.ModelMaxLength);
        RuleFor(x => x.ContextLength).GreaterThan(0);
        RuleFor(x => x.User).OptionalText(AgentTaskFieldRules.UserMaxLength);
    }
}
