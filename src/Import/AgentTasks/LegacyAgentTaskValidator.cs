using FluentValidation;
using NakamuraMisaki.Application.AgentTasks.Commands;

namespace NakamuraMisaki.Import.AgentTasks;

/// <summary>The column bounds of agent_tasks: a longer value would make the database refuse the whole batch.</summary>
public sealed class LegacyAgentTaskValidator : AbstractValidator<LegacyAgentTask>
{
    public LegacyAgentTaskValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(t => t.Target.Owner).MaximumLength(AgentTaskFieldRules.OwnerMaxLength).OverridePropertyName("owner");
        RuleFor(t => t.Target.Repo).MaximumLength(AgentTaskFieldRules.RepoMaxLength).OverridePropertyName("repo");
        RuleFor(t => t.Target.TaskId).MaximumLength(AgentTaskFieldRules.TaskIdMaxLength).OverridePropertyName("task_id");
        RuleFor(t => t.Runner.Hostname).MaximumLength(AgentTaskFieldRules.HostnameMaxLength).OverridePropertyName("hostname");
        RuleFor(t => t.Runner.LlmProvider).MaximumLength(AgentTaskFieldRules.LlmProviderMaxLength).OverridePropertyName("llm_provider");
        RuleFor(t => t.Runner.Model).MaximumLength(AgentTaskFieldRules.ModelMaxLength).OverridePropertyName("model");
        RuleFor(t => t.ErrorMessage).MaximumLength(AgentTaskFieldRules.ErrorMessageMaxLength).OverridePropertyName("error_message");
        RuleFor(t => t.User).MaximumLength(AgentTaskFieldRules.UserMaxLength).OverridePropertyName("user");
    }
}
