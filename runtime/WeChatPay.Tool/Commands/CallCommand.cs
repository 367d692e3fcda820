using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace WeChatPay.Tool.Commands;

/// <summary>
/// <c>wechatpay call METHOD PATH</c>: one signed call against the credentials directory's <c>base_url</c>; prints the
/// verified answer's JSON. Exit codes: 0 on 2xx, 2 on an API error, 3 on a verification failure, 4 with no connection.
/// </summary>
internal static class CallCommand
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static Command Create(ToolConsole console)
    {
        var method = new Argument<string>("METHOD") { Description = "GET, POST, PUT, PATCH or DELETE." };
        method.Validators.Add(result =>
        {
            if (!Methods.Contains(result.GetValueOrDefault<string>(), StringComparer.OrdinalIgnoreCase))
                result.AddError($"METHOD must be one of {string.Join(", ", Methods)}.");
        });
        var path = new Argument<string>("PATH") { Description = "The API path, for example /v3/certificates (escaped, as sent)." };
        var json = new Option<string?>("--json") { Description = "The request body: JSON text, or @FILE to read it from FILE.", HelpName = "BODY|@FILE" };
        var query = new Option<string[]>("--query")
        {
            Description = "A query parameter, key=value (escaped by the tool); repeat for more.",
            HelpName = "KEY=VALUE",
            DefaultValueFactory = _ => [],
        };
        query.Validators.Add(result =>
        {
            foreach (var pair in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (pair.IndexOf('=', StringComparison.Ordinal) <= 0)
                    result.AddError($"--query '{pair}' is not key=value.");
            }
        });
        var credentials = ToolOptions.Credentials("The credentials directory (apiclient_key.pem, pub_key.pem, wechatpay.json with base_url).");

        var command = new Command("call", "Makes a signed call, verifies the answer and prints its JSON. "
            + "Exit codes: 0 on 2xx, 2 on an API error (code, message and Request-ID printed), 3 when verification fails, 4 with no connection.")
        {
            method, path, json, query, credentials,
        };
        command.SetAction((result, cancellationToken) => RunAsync(console,
            result.GetValue(method)!, result.GetValue(path)!, result.GetValue(json), result.GetValue(query)!, result.GetValue(credentials)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ToolConsole console, string method, string path, string? json, string[] query, string directory,
        CancellationToken cancellationToken)
    {
        try
        {
            var body = ReadBody(json);
            var options = ToolOptions.LoadClientOptions(directory);
            using var client = new WeChatPayClient(options);
            var request = new WeChatPayRequest(new HttpMethod(method.ToUpperInvariant()), Target(path, query)) { Body = body };
            var response = await client.SendAsync(request, cancellationToken);
            if (!response.Body.IsEmpty)
                console.Out.WriteLine(Encoding.UTF8.GetString(response.Body.Span));
            return ExitCodes.Success;
        }
        catch (Exception ex) when (Failures.IsExpected(ex))
        {
            return Failures.Report(ex, console.Error);
        }
    }

    /// <summary>The body bytes: the text of <c>--json</c>, or the file it names after <c>@</c>; it must be JSON.</summary>
    /// <exception cref="InvalidOperationException">The body is not JSON (the message gives the position, not the text).</exception>
    internal static byte[] ReadBody(string? json)
    {
        if (json is null)
            return [];
        var body = json.StartsWith('@') ? File.ReadAllBytes(json[1..]) : Encoding.UTF8.GetBytes(json);
        try
        {
            using var _ = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"--json is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }

        return body;
    }

    /// <summary>The request target: PATH with each key=value escaped and appended to its query.</summary>
    internal static string Target(string path, IReadOnlyList<string> query)
    {
        if (query.Count == 0)
            return path;
        var target = new StringBuilder(path);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var pair in query)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            target.Append(separator).Append(Uri.EscapeDataString(pair[..equals])).Append('=').Append(Uri.EscapeDataString(pair[(equals + 1)..]));
            separator = '&';
        }

        return target.ToString();
    }
}
