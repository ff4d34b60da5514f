using System.Net;
using System.Net.Sockets;

namespace NakamuraMisaki.IntegrationTests.Support;

internal static class FreePort
{
    /// <summary>A loopback TCP port free right now, for a server a test starts.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
