using NakamuraMisaki.Infrastructure.Database;

namespace NakamuraMisaki.IntegrationTests.Database;

public sealed class DatabaseOptionsValidatorTests
{
    [Fact]
    public void A_negative_host_recheck_is_refused_naming_the_setting_and_the_defaults_pass()
    {
        var validator = new DatabaseOptionsValidator();

        var refused = validator.Validate(null, new DatabaseOptions { HostRecheckSeconds = -1 });

        Assert.True(refused.Failed);
        Assert.Contains("Database:HostRecheckSeconds", refused.FailureMessage);
        Assert.True(validator.Validate(null, new DatabaseOptions()).Succeeded);
    }
}
