using System.Globalization;
using System.Text;

namespace WeChatPay.Generator.Benchmarks;

/// <summary>
/// A synthetic API surface the size of WeChat Pay's: <see cref="Interfaces"/> partial interfaces of
/// <see cref="EndpointsPerInterface"/> endpoints each, three model types per interface (request, result, item),
/// one shared enum, and one unrelated file to edit.
/// </summary>
public static class ScaleCorpus
{
    public const int Interfaces = 100;
    public const int EndpointsPerInterface = 10;
    public const int ModelTypesPerInterface = 3;

    public const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using WeChatPay;
        """;

    /// <summary>
    /// The unrelated file. <paramref name="answer"/> is the character a body edit changes (inside a method body: no
    /// declaration changes); <paramref name="method"/> is the one a declaration edit changes (a method's name: the
    /// inside of a type); <paramref name="type"/> is the one a type edit changes (a type's name).
    /// </summary>
    public static string Unrelated(int answer, string method = "Answer", string type = "Helper") => $$"""
        namespace Scale.Unrelated
        {
            public static class {{type}}
            {
                public static int {{method}}() => {{answer}};
            }
        }
        """;

    public const string Shared = """
        namespace Scale
        {
            public enum ItemState { Available, Dispatched, [JsonEnumValue("SENDED")] Sent }
        }
        """;

    /// <summary>The file of interface <paramref name="i"/>: its ten endpoints and its three models.</summary>
    public static string Interface(int i)
    {
        var n = i.ToString("D3", CultureInfo.InvariantCulture);
        var s = new StringBuilder();
        s.Append("namespace Scale.Area").Append(n).Append('\n').Append("{\n");
        s.Append("    public partial interface IArea").Append(n).Append("Api\n    {\n");
        s.Append($"        [Post(\"v3/area{n}/stocks/{{stock_id}}/items\")] Task<Result{n}> CreateAsync(string stockId, Request{n} json, CancellationToken cancellationToken = default);\n");
        s.Append($"        [Post(\"v3/area{n}/stocks/{{stock_id}}/items\")] Result{n} Create(string stockId, Request{n} json);\n");
        s.Append($"        [Get(\"v3/area{n}/stocks/{{stock_id}}/items\")] Task<Result{n}> ListAsync(string stockId, ItemState? status, string appid, int offset, int limit, CancellationToken cancellationToken = default);\n");
        s.Append($"        [Get(\"v3/area{n}/stocks/{{stock_id}}/items/{{item_id}}\")] Task<Item{n}> GetAsync(string stockId, string itemId);\n");
        s.Append($"        [Get(\"v3/area{n}/stocks/<stock_id>/items/<item_id>\")] ValueTask<WeChatPayResponse<Item{n}>> GetResponseAsync(string stockId, string itemId);\n");
        s.Append($"        [Put(\"v3/area{n}/stocks/{{stock_id}}/items/{{item_id}}\")] Task<Item{n}> PutAsync(string stockId, string itemId, Item{n} json);\n");
        s.Append($"        [Patch(\"v3/area{n}/stocks/{{stock_id}}\")] Task PatchAsync(string stockId, Request{n} json, [Header(\"Idempotency-Key\")] string? key);\n");
        s.Append($"        [Delete(\"v3/area{n}/stocks/{{stock_id}}/items/{{item_id}}\")] Task DeleteAsync(string stockId, string itemId);\n");
        s.Append($"        [Get(\"v3/area{n}/bills\")] Task<byte[]> DownloadAsync(DateTimeOffset billDate, string? tarType);\n");
        s.Append($"        [Get(\"v3/area{n}/search\")] Task<Result{n}> SearchAsync([Query] Request{n} filter);\n");
        s.Append("    }\n\n");
        s.Append($"    public sealed record Request{n}(string UploadRequestNo, string? Name, long Amount, ItemState? State, DateTimeOffset? Since);\n\n");
        s.Append($"    public sealed record Result{n}\n    {{\n");
        s.Append("        public required string StockId { get; init; }\n");
        s.Append("        public int TotalCount { get; init; }\n");
        s.Append($"        public List<Item{n}>? Data {{ get; init; }}\n");
        s.Append("        public Dictionary<string, string>? Extra { get; init; }\n");
        s.Append("        public DateTimeOffset SuccessTime { get; init; }\n    }\n\n");
        s.Append($"    public sealed class Item{n}\n    {{\n");
        s.Append("        public string Code { get; set; } = \"\";\n");
        s.Append("        public ItemState CodeStatus { get; set; }\n");
        s.Append("        public DateTimeOffset? DispatchedTime { get; set; }\n");
        s.Append("        [Sensitive] public string? Openid { get; set; }\n");
        s.Append("        public Guid TraceId { get; set; }\n");
        s.Append("        public decimal? Price { get; set; }\n    }\n");
        s.Append("}\n");
        return s.ToString();
    }

    public static IEnumerable<string> All(int answer)
    {
        yield return Usings;
        yield return Shared;
        for (var i = 0; i < Interfaces; i++)
            yield return Interface(i);
        yield return Unrelated(answer);
    }
}
