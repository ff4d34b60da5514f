using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

public sealed class NoteValidationTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"user_id":"U0ALICE01","content":"x"}""", "user_id" },
        { """{"user_id":"U0BOB0002","content":"x"}""", "user_id" },
        { """{}""", "content" },
        { """{"content":"   "}""", "content" },
        { $$"""{"content":"{{new string('a', 50_001)}}"}""", "content" },
        { """{"content":"x","category":"Code Changes"}""", "category" },
        { """{"content":"x","category":""}""", "category" },
        { """{"content":"x","session_id":"a/b"}""", "session_id" },
        { """{"content":"x","tags":["a"]}""", "tags" },
        { """{"content":42}""", "content" },
        { """not json""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Saving_refuses_a_bad_body_naming_the_field(string body, string field)
    {
        await AssertValidationProblemAsync(await Client.PostAsync(Route, NoteJson.Raw(body)), field);
        Assert.Empty((await Client.GetOkJsonAsync(Route)).Contents());
    }

    [Theory]
    [InlineData("/api/v1/notes?limit=0", "limit")]
    [InlineData("/api/v1/notes?limit=101", "limit")]
    [InlineData("/api/v1/notes?offset=-1", "offset")]
    [InlineData("/api/v1/notes?category=BAD!", "category")]
    [InlineData("/api/v1/notes/not-a-uuid", "id")]
    [InlineData("/api/v1/notes/by-session/bad%20id", "session_id")]
    [InlineData("/api/v1/notes/search", "q")]
    [InlineData("/api/v1/notes/search?q=%20%20", "q")]
    [InlineData("/api/v1/notes/search?q=x&limit=0", "limit")]
    [InlineData("/api/v1/notes/search?q=x&limit=101", "limit")]
    [InlineData("/api/v1/notes/search?q=x&category=A%20B", "category")]
    public async Task Reads_refuse_bad_parameters_naming_them(string uri, string field) =>
        await AssertValidationProblemAsync(await Client.GetAsync(uri), field);

    [Fact]
    public async Task Search_refuses_an_over_long_query()
    {
        var uri = $"{Route}/search?q={new string('x', 1_001)}";
        await AssertValidationProblemAsync(await Client.GetAsync(uri), "q");
    }

    [Fact]
    public async Task Delete_refuses_an_id_that_is_not_a_uuid() =>
        await AssertValidationProblemAsync(await Client.DeleteAsync($"{Route}/nope"), "id");

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100001", "limit")]
    [InlineData("batch_size=0", "batch_size")]
    [InlineData("batch_size=513", "batch_size")]
    [InlineData("after=yesterday", "after")]
    public async Task Re_embed_refuses_bad_parameters(string query, string field) =>
        await AssertValidationProblemAsync(await Client.PostAsync($"{Route}/re-embed?{query}", null), field);

    [Fact]
    public async Task An_unknown_note_is_404()
    {
        await AssertProblemAsync(await Client.GetAsync($"{Route}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.DeleteAsync($"{Route}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }
}
