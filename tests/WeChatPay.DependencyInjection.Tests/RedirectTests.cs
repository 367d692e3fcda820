using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace WeChatPay.DependencyInjection.Tests;

/// <summary>Defect 2, DI side: the registered HttpClient never follows a redirect, so a request body never reaches another host.</summary>
public class RedirectTests
{
    [Fact]
    public async Task Registered_client_does_not_follow_a_redirect_to_another_host()
    {
        using var elsewhere = new OneAnswerServer(_ => "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
        using var gateway = new OneAnswerServer(_ => $"HTTP/1.1 307 Temporary Redirect\r\nLocation: {elsewhere.BaseAddress}v3/stolen\r\nContent-Length: 0\r\n\r\n");
        var services = new ServiceCollection();
        services.AddWeChatPay(options => TestKeys.Configure(options, gateway.BaseAddress));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<WeChatPayClient>();

        var error = await Assert.ThrowsAsync<WeChatPayException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Post, "v3/pay") { Body = "{\"amount\":1}"u8.ToArray() }));

        Assert.Contains("redirect", error.Message);
        Assert.Equal(0, elsewhere.Requests);
        Assert.Equal(1, gateway.Requests);
    }

    /// <summary>A loopback server on a free port that answers every connection's first request with fixed text.</summary>
    private sealed class OneAnswerServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private int _requests;

        public OneAnswerServer(Func<string, string> answer)
        {
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (true)
                {
                    using var connection = await _listener.AcceptTcpClientAsync();
                    var stream = connection.GetStream();
                    var buffer = new byte[8192];
                    var head = new StringBuilder();
                    while (!head.ToString().Contains("\r\n\r\n"))
                    {
                        var n = await stream.ReadAsync(buffer);
                        if (n == 0)
                            break;
                        head.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }

                    Interlocked.Increment(ref _requests);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer(head.ToString())));
                }
            });
        }

        public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose() => _listener.Stop();
    }
}
