using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>Search parameters a client got wrong: 400 naming the parameter, never a 500 or a silent default.</summary>
public sealed class NoteSearchValidationTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, string> BadParameters() => new()
    {
        { "q=x&mode=fuzzy", "mode" },
        { "q=x&mode=HYBRID", "mode" },
        { "q=x&mode=", "mode" },
        { "q=x&min_score=-0.1", "min_score" },
        { "q=x&min_score=1.5", "min_score" },
        { "q=x&min_score=NaN", "min_score" },
        { "q=x&min_score=Infinity", "min_score" },
        { "q=%20%20%E3%80%80", "q" },
        { "q=%21%3F%E3%80%82%E3%80%81...", "q" },
        { "q=" + new string('x', 10_000), "q" },
        { "q=a%00b", "q" },
        { "q=%ED%A0%80", "q" },
        { "q=a%ED%B0%80b", "q" },
        { "q=x&limit=0", "limit" },
        { "q=x&limit=101", "limit" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string parameter)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Route}/search?{query}");
        var response = await Client.SendAsync(request.ActAs(Alice));

        await AssertValidationProblemAsync(response, parameter);
    }

    [Theory]
    [InlineData("q=x&mode=hybrid&min_score=0")]
    [InlineData("q=x&mode=vector&min_score=1")]
    [InlineData("q=%F0%A0%AE%B7&mode=text")]
    [InlineData("q=C%23")]
    public async Task Good_parameters_are_answered(string query)
    {
        await Client.GetOkJsonAsync($"{Route}/search?{query}", Alice);
    }
}
