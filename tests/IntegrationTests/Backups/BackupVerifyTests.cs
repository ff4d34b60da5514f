using System.Text.Json.Nodes;
using NakamuraMisaki.Application.Backups;
using NakamuraMisaki.IntegrationTests.Notes;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Backups;

public sealed class BackupVerifyTests(ApiFactory factory) : BackupTest(factory)
{
    [Fact]
    public async Task Verify_restores_a_good_archive_elsewhere_and_checks_counts_schema_and_a_search_per_model()
    {
        await Client.CreateTaskAsync();
        await Client.SaveNoteAsync("バックアップの確認をする");

        var verify = await Service.RunAsync("backup", "verify", await BackupAsync());

        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains("ok   rows in tasks: 1 (manifest 1)", verify.Output);
        Assert.Contains("ok   rows in notes: 1 (manifest 1)", verify.Output);
        Assert.Contains("ok   schema migration", verify.Output);
        Assert.Matches(@"ok   notes search \(.+\): note .* at cosine distance 0", verify.Output);
    }

    [Fact]
    public async Task Verify_fails_an_archive_whose_row_counts_differ_from_its_manifest()
    {
        await Client.CreateTaskAsync();
        var archive = await BackupAsync();
        var manifestPath = BackupManifest.PathFor(archive);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!;
        manifest["tables"]!["tasks"] = 2;
        await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString());

        var verify = await Service.RunAsync("backup", "verify", archive);

        Assert.True(verify.ExitCode == 1, verify.Output);
        Assert.Contains("FAIL rows in tasks: 1 (manifest 2)", verify.Output);
    }
}
