using NakamuraMisaki.Application.Import.Common;

namespace NakamuraMisaki.Application.Import.AgentTasks;

public sealed class AgentTaskImportPlan(ILegacyReader<LegacyAgentTask> reader, IImportTarget<LegacyAgentTask> target)
    : IdentityImportPlan<LegacyAgentTask>(reader, target)
{
    public override ImportSource Source => ImportSource.AgentTasks;
    public override string KeyName => "uuid";
}
