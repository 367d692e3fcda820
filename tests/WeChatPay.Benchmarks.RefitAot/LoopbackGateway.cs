using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WeChatPay.Benchmarks.RefitAot;

/// <summary>
/// Serves a gateway handler (the <see cref="CannedGateway"/>) over HTTP/1.1 on a free loopback port, so that both AOT
/// apps send through a real <see cref="SocketsHttpHandler"/>, as a deployed app does, and carry its code. Minimal on
/// purpose: keep-alive, Content-Length or chunked request bodies, one request at a time per connection.
/// </summary>
public sealed class LoopbackGateway : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly HttpMessageInvoker _gateway;

    public LoopbackGateway(HttpMessageHandler gateway)
    {
        _gateway = new HttpMessageInvoker(gateway);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public void Dispose() => _listener.Stop();

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var input = new Input(stream);
            try
            {
                while (await input.ReadLineAsync() is { Length: > 0 } requestLine)
                {
                    var parts = requestLine.Split(' ');
                    using var request = new HttpRequestMessage(new HttpMethod(parts[0]), new Uri(BaseAddress, parts[1]));
                    var headers = new List<KeyValuePair<string, string>>();
                    while (await input.ReadLineAsync() is { Length: > 0 } line)
                        headers.Add(new(line[..line.IndexOf(':')].Trim(), line[(line.IndexOf(':') + 1)..].Trim()));
                    var body = await ReadBodyAsync(input, headers);
                    request.Content = new ByteArrayContent(body);
                    foreach (var (name, value) in headers)
                    {
                        if (!request.Headers.TryAddWithoutValidation(name, value))
                            request.Content.Headers.TryAddWithoutValidation(name, value);
                    }

                    using var response = await _gateway.SendAsync(request, CancellationToken.None);
                    await WriteAsync(stream, response);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The client closed the connection.
            }
        }
    }

    private static async Task<byte[]> ReadBodyAsync(Input input, List<KeyValuePair<string, string>> headers)
    {
        string? Header(string name) => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        if (Header("Content-Length") is { } length)
            return await input.ReadBytesAsync(int.Parse(length, CultureInfo.InvariantCulture));
        if (!string.Equals(Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase))
            return [];
        using var body = new MemoryStream();
        while (int.Parse((await input.ReadLineAsync())!.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture) is var size and > 0)
        {
            body.Write(await input.ReadBytesAsync(size));
            await input.ReadLineAsync();
        }

        while (await input.ReadLineAsync() is { Length: > 0 })
        {
            // Trailers, if any.
        }

        return body.ToArray();
    }

    private static async Task WriteAsync(NetworkStream stream, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers.Where(h => h.Key != "Content-Length")))
            head.Append(name).Append(": ").Append(string.Join(", ", values)).Append("\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()));
        await stream.WriteAsync(body);
    }

    /// <summary>Buffered reads of CRLF lines and exact byte counts from the connection.</summary>
    private sealed class Input(Stream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync()
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync())
                    return line.Length == 0 ? null : Encoding.UTF8.GetString(line.ToArray());
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                var stop = newline < 0 ? _end : newline;
                line.Write(_buffer, _start, stop - _start);
                _start = newline < 0 ? _end : newline + 1;
                if (newline >= 0)
                    return Encoding.UTF8.GetString(line.ToArray()).TrimEnd('\r');
            }
        }

        public async Task<byte[]> ReadBytesAsync(int count)
        {
            var bytes = new byte[count];
            var read = 0;
            while (read < count)
            {
                if (_start == _end && !await FillAsync())
                    throw new IOException("The connection closed inside a body.");
                var take = Math.Min(count - read, _end - _start);
                Array.Copy(_buffer, _start, bytes, read, take);
                _start += take;
                read += take;
            }

            return bytes;
        }

        private async Task<bool> FillAsync()
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer);
            return _end > 0;
        }
    }
}
