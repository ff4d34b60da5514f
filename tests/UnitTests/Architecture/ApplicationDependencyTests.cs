using System.Text.RegularExpressions;
using NakamuraMisaki.Application;

namespace NakamuraMisaki.UnitTests.Architecture;

/// <summary>
/// Application holds use cases. Database drivers and the old stores' formats (SQLite rows, JSON element readers) live
/// in Infrastructure or in the importer (src/Import); see docs/decisions on where import lives.
/// </summary>
public sealed partial class ApplicationDependencyTests
{
    /// <summary>
    /// The sessions API's own contract carries the client's JSON objects as they came (a session's options, a message's
    /// metadata), and one rule checks that such a value is an object of bounded size; an audit event's response echoes
    /// its stored details the same way: request/response shapes, not format adapters. Anything else reading JSON
    /// elements belongs outside Application.
    /// </summary>
    private static readonly string[] JsonElementAllowedIn =
    [
        "Sessions/Commands/CreateSession/CreateSession.cs",
        "Sessions/SessionResponse.cs",
        "Sessions/Messages/NewSessionMessage.cs",
        "Sessions/Messages/Commands/AppendSessionMessages/AppendSessionMessage.cs",
        "Sessions/Messages/SessionMessageResponse.cs",
        "Common/Validation/JsonObjectRules.cs",
        "Audit/Queries/ListAuditEvents/ListAuditEvents.cs",
    ];

    [Theory]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.Data.Sqlite")]
    public void Application_does_not_reference_a_database_driver(string assembly)
    {
        var referenced = typeof(DependencyInjection).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        Assert.DoesNotContain(assembly, referenced);
        Assert.Empty(SourcesMentioning(new Regex($@"\b{Regex.Escape(assembly)}\b")));
    }

    [Fact]
    public void Application_does_not_read_json_elements_outside_the_sessions_contract()
    {
        var offenders = SourcesMentioning(JsonElementPattern()).Except(JsonElementAllowedIn).ToArray();
        Assert.True(offenders.Length == 0, $"JsonElement used in Application: {string.Join(", ", offenders)}");
    }

    private static IEnumerable<string> SourcesMentioning(Regex pattern)
    {
        var application = Path.Combine(ProjectReferenceTests.Root, "src", "Application");
        return Directory.EnumerateFiles(application, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => pattern.IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(application, f).Replace('\\', '/'));
    }

    [GeneratedRegex(@"\bJsonElement\b")]
    private static partial Regex JsonElementPattern();
}
