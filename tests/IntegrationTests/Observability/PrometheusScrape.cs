using System.Globalization;
using System.Text.RegularExpressions;

namespace NakamuraMisaki.IntegrationTests.Observability;

/// <summary>The samples of one /metrics answer in Prometheus text format: <c>name{label="value",…} number</c>.</summary>
internal sealed partial class PrometheusScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public PrometheusScrape(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (Sample().Match(line) is not { Success: true } sample)
            {
                continue;
            }

            var labels = Label().Matches(sample.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
            _samples.Add((sample.Groups["name"].Value, labels,
                double.Parse(sample.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Values of the samples called <paramref name="name"/> that carry every label given.</summary>
    public double[] Values(string name, params (string Key, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
            .Select(s => s.Value).ToArray();

    /// <summary>The one value that matches, or 0 when the series has not been written yet (a counter not yet incremented).</summary>
    public double ValueOrZero(string name, params (string Key, string Value)[] labels) => Values(name, labels) switch
    {
        [] => 0,
        [var one] => one,
        var many => throw new InvalidOperationException($"{many.Length} samples of {name} match; name more labels."),
    };

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)""")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex Label();
}
