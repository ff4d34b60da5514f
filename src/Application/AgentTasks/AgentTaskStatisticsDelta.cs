namespace NakamuraMisaki.Application.AgentTasks;

/// <summary>Amounts to add to an agent task's counters; each is zero or more (validated before it gets here).</summary>
public sealed record AgentTaskStatisticsDelta(long LlmCalls, long ToolCalls, long Tokens, long Compressions);
