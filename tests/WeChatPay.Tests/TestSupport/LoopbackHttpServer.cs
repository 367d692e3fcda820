using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WeChatPay.Tests.TestSupport;

/// <summary>
/// A minimal HTTP/1.1 server on a free loopback port: it reads each request's head and body and answers with the
/// raw bytes <see cref="Answer"/> builds. For tests that need real sockets and answers no framework would write.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public LoopbackHttpServer(Func<string, byte[]> answer)
    {
        Answer = answer;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    /// <summary>Builds the raw answer from the request head (request line and headers).</summary>
    public Func<string, byte[]> Answer { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The request lines received, in order.</summary>
    public ConcurrentQueue<string> RequestLines { get; } = new();

    public static byte[] Raw(string head, byte[]? body = null)
        => [.. Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n") + "\r\n"), .. body ?? []];

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            try
            {
                var stream = connection.GetStream();
                var head = await ReadHeadAsync(stream);
                RequestLines.Enqueue(head.Split("\r\n")[0]);
                var length = head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    .Select(p => int.Parse(p[1].Trim())).FirstOrDefault();
                var body = new byte[length];
                await stream.ReadExactlyAsync(body, _stop.Token);
                await stream.WriteAsync(Answer(head), _stop.Token);
                await stream.FlushAsync(_stop.Token);
                connection.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception)
            {
                // The client went away; nothing to clean up but the socket.
            }
        }
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (!(bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
                break;
            bytes.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. bytes]);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
