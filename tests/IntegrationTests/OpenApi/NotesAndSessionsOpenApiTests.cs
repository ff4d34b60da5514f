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

    [Theory]
    [InlineData("AppendSessionMessageBody", "metadata")]
    [InlineData("NewSessionMessage", "metadata")]
    [InlineData("JsonElement", null)] // a session's options, and every stored JSON value in a response
    public async Task A_free_form_field_is_described_as_a_JSON_object_of_at_most_16_levels(string schema, string? property)
    {
        var document = await Client.GetOkJsonAsync("/openapi/v1.json");
        var described = document.GetProperty("components").GetProperty("schemas").GetProperty(schema);
        if (property is not null)
        {
            described = described.GetProperty("properties").GetProperty(property);
        }

        Assert.Contains("object", described.GetProperty("type").ToString(), StringComparison.Ordinal);
        Assert.StartsWith("A JSON object", described.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("at most 16 levels", described.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
