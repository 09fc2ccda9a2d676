using System.Net;
using System.Net.Sockets;

namespace C3V.Common;

/// <summary>A TCP port on 127.0.0.1 that nothing listens on right now (the system picks it), for local servers and silos.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
