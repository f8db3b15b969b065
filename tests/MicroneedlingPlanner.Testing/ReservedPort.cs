using System.Net;
using System.Net.Sockets;

namespace MicroneedlingPlanner.Testing;

/// <summary>
/// A loopback port held for as long as this object lives, so that an app can stop and a new one
/// start on the same address (a browser keeps its storage per address) with no moment in which
/// the port is free for something else to take. Asking for a free port, closing it and binding it
/// again later has such a moment.
/// </summary>
/// <remarks>
/// The port is held by a socket that is bound but never listens, with SO_REUSEPORT set. Each app
/// started with <see cref="PlannerAppFactory.StartOnKestrel(ReservedPort)"/> binds its own
/// listening socket with SO_REUSEPORT too, which the kernel allows only to sockets of the same user
/// that all set it; connections go to the listening socket alone, and between two apps they are
/// refused as they would be by a stopped server. The kernel does not hand a held port out for
/// bind(0) or an outgoing connection, and refuses it to any other socket that asks for it by
/// number (but for one of the same user with SO_REUSEPORT, as above).
/// </remarks>
public sealed class ReservedPort : IDisposable
{
    private readonly Socket holder;

    public ReservedPort()
    {
        holder = SharingSocket(AddressFamily.InterNetwork);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        // .NET's Bind turns SO_REUSEADDR on, which would let any socket with it bind the port while no app listens.
        holder.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
        Number = ((IPEndPoint)holder.LocalEndPoint!).Port;
    }

    public int Number { get; }

    /// <summary>Kestrel's listening socket for an endpoint on the reserved port.</summary>
    internal static Socket BindListener(EndPoint endpoint)
    {
        var socket = SharingSocket(endpoint.AddressFamily);
        socket.Bind(endpoint);
        return socket;
    }

    public void Dispose() => holder.Dispose();

    private static Socket SharingSocket(AddressFamily family)
    {
        // .NET has no name for SO_REUSEPORT; these are its numbers on Linux and on macOS.
        var (level, option) = OperatingSystem.IsLinux() ? (1, 15)
            : OperatingSystem.IsMacOS() ? (0xffff, 0x200)
            : throw new PlatformNotSupportedException("Holding a port across an app restart needs SO_REUSEPORT (Linux or macOS).");
        var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        socket.SetRawSocketOption(level, option, BitConverter.GetBytes(1));
        return socket;
    }
}
