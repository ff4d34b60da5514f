using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

// What a running .NET process allocates, by type: listens to the runtime's AllocationTick events (one each time about
// 100 KB has been allocated, naming the type of the object that crossed the line, so types are sampled in proportion
// to their bytes) for S seconds over EventPipe and prints "type<TAB>bytes" lines, most bytes first (bench/profile.sh
// divides them by the requests served meanwhile).
//
//   AllocationTypes PID SECONDS
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: AllocationTypes PID SECONDS");
    return 2;
}

var (pid, seconds) = (int.Parse(args[0], CultureInfo.InvariantCulture), double.Parse(args[1], CultureInfo.InvariantCulture));
var client = new DiagnosticsClient(pid);
var provider = new EventPipeProvider(
    ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC);
using var session = client.StartEventPipeSession([provider], requestRundown: false);
var bytesByType = new Dictionary<string, long>();
var source = new EventPipeEventSource(session.EventStream);
source.Clr.GCAllocationTick += tick =>
{
    var type = tick.TypeName ?? "?";
    bytesByType[type] = bytesByType.GetValueOrDefault(type) + tick.AllocationAmount64;
};
var reading = Task.Run(source.Process);
await Task.Delay(TimeSpan.FromSeconds(seconds));
session.Stop();
await reading;

foreach (var (type, bytes) in bytesByType.OrderByDescending(p => p.Value))
{
    Console.WriteLine($"{type}\t{bytes}");
}

return 0;
