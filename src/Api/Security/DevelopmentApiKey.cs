using System.Security.Cryptography;

namespace NakamuraMisaki.Api.Security;

/// <summary>
/// In Development with no key configured, the service makes one on first start and keeps it in .data/dev-api-key,
/// so `scripts/run.sh` gives a usable API with nothing to set up. The key is printed once, when it is created.
/// </summary>
internal static class DevelopmentApiKey
{
    public const string Client = "development";

    public static void AddWhenUnconfigured(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()
            || builder.Configuration.GetSection($"{ApiKeyOptions.Section}:ApiKeys").GetChildren().Any())
        {
            return;
        }

        var path = Path.Combine(RepositoryPaths.DataDirectory(builder.Environment.ContentRootPath), "dev-api-key");
        string key;
        if (File.Exists(path))
        {
            key = File.ReadAllText(path).Trim();
            Console.WriteLine($"Development API key: the one in {path}");
        }
        else
        {
            key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, key);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            Console.WriteLine($"Development API key (created once, kept in {path}): {key}");
        }

        builder.Configuration[$"{ApiKeyOptions.Section}:ApiKeys:0:Client"] = Client;
        builder.Configuration[$"{ApiKeyOptions.Section}:ApiKeys:0:Sha256"] = ApiKeyStore.Hash(key);
    }
}
