using NakamuraMisaki.IntegrationTests.Notes;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.OpenApi;

public sealed class NotesAndSessionsOpenApiTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_openapi_document_names_every_notes_and_sessions_operation()
    {
        var document = await Client.GetOkJsonAsync("/openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(op => op.Value.ValueKind == System.Text.Json.JsonValueKind.Object && op.Value.TryGetProperty("operationId", out _))
            .Select(op => op.Value.GetProperty("operationId").GetString())
            .ToHashSet();
        string[] expected =
        [
            "SaveNote", "GetNote", "DeleteNote", "ListUserNotes", "ListSessionNotes", "SearchNotes", "ReEmbedNotes",
            "CreateSession", "GetSession", "GetLatestSession", "ListSessions", "TouchSession", "ExpireIdleSessions",
            "DeleteInactiveSessions",
        ];
        Assert.Empty(expected.Except(operations!));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/notes/search", out _));
    }
}
