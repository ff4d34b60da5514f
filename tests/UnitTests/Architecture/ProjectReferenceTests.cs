using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NakamuraMisaki.UnitTests.Architecture;

/// <summary>The project graph is the architecture: Domain ← Application ← Infrastructure ← Api.</summary>
public sealed class ProjectReferenceTests
{
    internal static readonly string Root = FindRoot();

    public static TheoryData<string, string[]> AllowedReferences() => new()
    {
        { "src/Domain/NakamuraMisaki.Domain.csproj", [] },
        { "src/Application/NakamuraMisaki.Application.csproj", ["NakamuraMisaki.Domain"] },
        { "src/Infrastructure/NakamuraMisaki.Infrastructure.csproj", ["NakamuraMisaki.Application", "NakamuraMisaki.Domain"] },
        { "Migrations/NakamuraMisaki.Migrations.csproj", ["NakamuraMisaki.Infrastructure"] },
        // The importer of the old stores is a module beside the layers: it uses them, and only the Api uses it.
        { "src/Import/NakamuraMisaki.Import.csproj", ["NakamuraMisaki.Application", "NakamuraMisaki.Infrastructure", "NakamuraMisaki.Domain"] },
    };

    [Theory]
    [MemberData(nameof(AllowedReferences))]
    public void A_layer_references_only_the_layers_beneath_it(string project, string[] allowed)
    {
        var actual = References(project);
        var forbidden = actual.Except(allowed).ToArray();
        Assert.True(forbidden.Length == 0, $"{project} must not reference {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void Nothing_references_the_api()
    {
        var offenders = ProductionProjects()
            .Where(p => References(p).Contains("NakamuraMisaki.Api"))
            .ToArray();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Only_the_api_references_the_importer()
    {
        var referrers = ProductionProjects()
            .Where(p => References(p).Contains("NakamuraMisaki.Import"))
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .ToArray();
        Assert.Equal(["NakamuraMisaki.Api"], referrers);
    }

    [Fact]
    public void The_domain_uses_no_packages()
    {
        var packages = XDocument.Load(Path.Combine(Root, "src/Domain/NakamuraMisaki.Domain.csproj"))
            .Descendants("PackageReference").ToArray();
        Assert.Empty(packages);
    }

    /// <summary>
    /// Files of the Api that compose the application or start its database: only they may name EF Core or Npgsql.
    /// Everything else (endpoints, the exception handler) sees Application types only.
    /// </summary>
    private static readonly string[] ApiComposition = ["Program.cs", "ApiServices.cs", "Database/", "CommandLine/Import/ImportCommand.cs"];

    private static readonly Regex DataAccessNamespace = new(
        @"^\s*using\s+(static\s+)?(Microsoft\.EntityFrameworkCore|Npgsql)\b|\b(Microsoft\.EntityFrameworkCore|Npgsql)\.[A-Z]",
        RegexOptions.Multiline);

    [Fact]
    public void The_api_uses_ef_core_and_npgsql_only_where_it_composes_the_application()
    {
        var api = Path.Combine(Root, "src/Api");
        var offenders = SourceFiles(api)
            .Where(file => !ApiComposition.Any(allowed =>
                Path.GetRelativePath(api, file).Replace('\\', '/').StartsWith(allowed, StringComparison.Ordinal)))
            .Where(file => DataAccessNamespace.IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(Root, file))
            .ToArray();
        Assert.True(offenders.Length == 0, "Map Application exceptions, not EF Core's or Npgsql's: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_application_does_not_reference_npgsql()
    {
        const string project = "src/Application/NakamuraMisaki.Application.csproj";
        var packages = XDocument.Load(Path.Combine(Root, project)).Descendants("PackageReference")
            .Select(p => p.Attribute("Include")!.Value);
        Assert.DoesNotContain(packages, p => p.StartsWith("Npgsql", StringComparison.OrdinalIgnoreCase));
        var offenders = SourceFiles(Path.Combine(Root, "src/Application"))
            .Where(file => Regex.IsMatch(File.ReadAllText(file), @"^\s*using\s+(static\s+)?Npgsql\b|\bNpgsql\.[A-Z]", RegexOptions.Multiline))
            .ToArray();
        Assert.Empty(offenders);
    }

    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

    private static IEnumerable<string> ProductionProjects() =>
        Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Root, "Migrations"), "*.csproj"))
            .Select(p => Path.GetRelativePath(Root, p));

    private static string[] References(string project) =>
        XDocument.Load(Path.Combine(Root, project)).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToArray();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NakamuraMisaki.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NakamuraMisaki.sln not found above " + AppContext.BaseDirectory);
    }
}
