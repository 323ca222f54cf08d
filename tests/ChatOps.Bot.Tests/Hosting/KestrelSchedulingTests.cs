using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Hosting;

public sealed class KestrelSchedulingTests
{
    /// <summary>The acknowledgement's latency depends on it (docs/benchmarks.md); a rebuilt host must keep it.</summary>
    [Fact]
    public async Task Host_RunsRequestsOnTheThreadThatReadTheSocket()
    {
        await using var host = await TestHost.StartAsync();

        var transport = host.Service<IOptions<SocketTransportOptions>>().Value;

        Assert.True(transport.UnsafePreferInlineScheduling);
    }
}
