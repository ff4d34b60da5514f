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
