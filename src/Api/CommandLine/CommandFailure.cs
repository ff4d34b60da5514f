using System.Data.Common;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Database;

namespace NakamuraMisaki.Api.CommandLine;

/// <summary>
/// How a verb reports what stopped it: one line on its output naming the cause. A condition with a message of its own
/// (an unreachable database, a missing program, a bad setting, a full disk) is said and no more; only a failure no
/// message names (a bug) also gets its stack trace, on stderr.
/// </summary>
internal static class CommandFailure
{
    public static async Task WriteAsync(string what, Exception exception, TextWriter output)
    {
        if (!IsNamed(exception))
        {
            await Console.Error.WriteLineAsync(exception.ToString());
        }

        await output.WriteLineAsync($"{what}: {exception.GetBaseException().Message}");
    }

    private static bool IsNamed(Exception exception) =>
        DatabaseUnavailability.Explains(exception) || exception is InvalidOperationException or DbException
            or IOException or UnauthorizedAccessException or OptionsValidationException or HttpRequestException;
}
