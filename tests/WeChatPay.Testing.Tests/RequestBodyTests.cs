using System.Net;
using System.Net.Sockets;
using System.Text;
using WeChatPay.Testing.Hosting;

namespace WeChatPay.Testing.Tests;

/// <summary>Defect 8: request bodies are read as they arrive, under a cap, never by allocating what Content-Length announces.</summary>
public sealed class RequestBodyTests
{
    [Fact]
    public async Task Announced_length_is_not_allocated_before_the_bytes_arrive()
    {
        using var stream = new MemoryStream(new byte[10]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        try
        {
            await RequestBodyReader.ReadAsync(stream, contentLength: 16 * 1024 * 1024, cap: 16 * 1024 * 1024, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            // A body shorter than announced may be refused; what matters is what was allocated for it.
        }

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024, "the announced 16 MiB was allocated up front");
    }

    [Fact]
    public async Task Body_over_the_cap_is_a_signed_413_over_kestrel()
    {
        var sandbox = TestKeys.NewSandbox(new SandboxOptions { MaxRequestBodySize = 64 * 1024 });
        await using var server = await SandboxServer.StartAsync(sandbox);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, "v3/marketing/busifavor/stocks"))
        {
            Content = new ByteArrayContent(new byte[200 * 1024]),
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(response.Headers.Contains("Wechatpay-Signature"));
    }

    [Fact]
    public async Task Connections_that_announce_huge_bodies_do_not_each_hold_their_announced_size()
    {
        var sandbox = TestKeys.NewSandbox();
        await using var server = await SandboxServer.StartAsync(sandbox);
        var sockets = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                var socket = new TcpClient();
                await socket.ConnectAsync(IPAddress.Loopback, server.BaseAddress.Port);
                await socket.GetStream().WriteAsync(Encoding.ASCII.GetBytes(
                    $"POST /v3/marketing/busifavor/stocks HTTP/1.1\r\nHost: x\r\nContent-Length: {16 * 1024 * 1024}\r\n\r\n0123456789"));
                sockets.Add(socket);
            }

            // A signed request still goes through while those connections hang.
            using var http = new HttpClient();
            using var answer = await http.GetAsync(new Uri(server.BaseAddress, "v3/certificates"));
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        }
        finally
        {
            foreach (var socket in sockets)
                socket.Dispose();
        }
    }
}
