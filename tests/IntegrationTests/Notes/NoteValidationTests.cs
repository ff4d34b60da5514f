using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

public sealed class NoteValidationTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"content":"x"}""", "user_id" },
        { """{"user_id":"alice","content":"x"}""", "user_id" },
        { """{"user_id":"U0ALICE01"}""", "content" },
        { """{"user_id":"U0ALICE01","content":"   "}""", "content" },
        { $$"""{"user_id":"U0ALICE01","content":"{{new string('a', 50_001)}}"}""", "content" },
        { """{"user_id":"U0ALICE01","content":"x","category":"Code Changes"}""", "category" },
        { """{"user_id":"U0ALICE01","content":"x","category":""}""", "category" },
        { """{"user_id":"U0ALICE01","content":"x","session_id":"a/b"}""", "session_id" },
        { """{"user_id":"U0ALICE01","content":"x","tags":["a"]}""", "tags" },
        { """{"user_id":"U0ALICE01","content":42}""", "content" },
        { """not json""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Saving_refuses_a_bad_body_naming_the_field(string body, string field)
    {
        await AssertValidationProblemAsync(await Client.PostAsync(Route, NoteJson.Raw(body)), field);
        Assert.Empty((await Client.GetOkJsonAsync($"{Route}?user={Alice}")).Contents());
    }

    [Theory]
    [InlineData("/api/v1/notes", "user")]
    [InlineData("/api/v1/notes?user=alice", "user")]
    [InlineData("/api/v1/notes?user=U0ALICE01&limit=0", "limit")]
    [InlineData("/api/v1/notes?user=U0ALICE01&limit=101", "limit")]
    [InlineData("/api/v1/notes?user=U0ALICE01&offset=-1", "offset")]
    [InlineData("/api/v1/notes?user=U0ALICE01&category=BAD!", "category")]
    [InlineData("/api/v1/notes/not-a-uuid?user=U0ALICE01", "id")]
    [InlineData("/api/v1/notes/0190d5f2-0000-7000-8000-000000000000", "user")]
    [InlineData("/api/v1/notes/by-session/s1", "user")]
    [InlineData("/api/v1/notes/by-session/bad%20id?user=U0ALICE01", "session_id")]
    [InlineData("/api/v1/notes/search?user=U0ALICE01", "q")]
    [InlineData("/api/v1/notes/search?user=U0ALICE01&q=%20%20", "q")]
    [InlineData("/api/v1/notes/search?q=x", "user")]
    [InlineData("/api/v1/notes/search?user=U0ALICE01&q=x&limit=0", "limit")]
    [InlineData("/api/v1/notes/search?user=U0ALICE01&q=x&limit=101", "limit")]
    [InlineData("/api/v1/notes/search?user=U0ALICE01&q=x&category=A%20B", "category")]
    public async Task Reads_refuse_bad_parameters_naming_them(string uri, string field) =>
        await AssertValidationProblemAsync(await Client.GetAsync(uri), field);

    [Fact]
    public async Task Search_refuses_an_over_long_query()
    {
        var uri = $"{Route}/search?user={Alice}&q={new string('x', 1_001)}";
        await AssertValidationProblemAsync(await Client.GetAsync(uri), "q");
    }

    [Theory]
    [InlineData("/api/v1/notes/0190d5f2-0000-7000-8000-000000000000", "user")]
    [InlineData("/api/v1/notes/nope?user=U0ALICE01", "id")]
    public async Task Delete_refuses_bad_parameters(string uri, string field) =>
        await AssertValidationProblemAsync(await Client.DeleteAsync(uri), field);

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
        await AssertProblemAsync(await Client.GetAsync($"{Route}/{Guid.NewGuid()}?user={Alice}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.DeleteAsync($"{Route}/{Guid.NewGuid()}?user={Alice}"), HttpStatusCode.NotFound);
    }
}
