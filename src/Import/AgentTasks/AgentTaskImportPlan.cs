using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.AgentTasks;

public sealed class AgentTaskImportPlan(ILegacyReader<LegacyAgentTask> reader, IImportWriter<LegacyAgentTask> writer)
    : WriteAsReadPlan<LegacyAgentTask>(reader, writer)
{
    public override ImportSource Source => ImportSource.AgentTasks;
    public override string KeyName => "uuid";
}
