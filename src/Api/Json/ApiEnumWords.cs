using NakamuraMisaki.Application.Context;
using NakamuraMisaki.Application.Notes.Queries.SearchNotes;
using NakamuraMisaki.Domain.AgentTasks;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Handoffs;
using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Api.Json;

/// <summary>
/// Every enum the API reads or writes, with its one table of words: the JSON converter and the OpenAPI schemas read
/// them here, so the wire, the document, the database and the parsers spell a value alike.
/// </summary>
internal static class ApiEnumWords
{
    public static readonly IReadOnlyDictionary<Type, IEnumWords> ByType = new IEnumWords[]
    {
        TaskItemStatusNames.Words,
        HandoffStatusNames.Words,
        AgentTaskNames.Status,
        AgentTaskNames.Source,
        AgentTaskNames.Type,
        MessageRoleNames.Words,
        SearchModes.Words,
        ContextItemKinds.Words,
    }.ToDictionary(words => words.EnumType);
}
