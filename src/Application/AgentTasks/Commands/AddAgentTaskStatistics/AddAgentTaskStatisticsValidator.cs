using FluentValidation;

namespace NakamuraMisaki.Application.AgentTasks.Commands.AddAgentTaskStatistics;

public sealed class AddAgentTaskStatisticsValidator : AbstractValidator<AddAgentTaskStatistics>
{
    /// <summary>
    /// Far above any real report, and low enough that bigint counters cannot overflow in practice
    /// (9.2e18 / 1e12 = nine million maximal reports on one run).
    /// </summary>
    public const long MaxDelta = 1_000_000_000_000;

    public AddAgentTaskStatisticsValidator()
    {
        RuleFor(x => x.LlmCalls).InclusiveBetween(0, MaxDelta);
        RuleFor(x => x.ToolCalls).InclusiveBetween(0, MaxDelta);
        RuleFor(x => x.Tokens).InclusiveBetween(0, MaxDelta);
        RuleFor(x => x.Compressions).InclusiveBetween(0, MaxDelta);
    }
}
