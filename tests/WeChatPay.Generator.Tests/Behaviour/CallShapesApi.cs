using System.Text.Json.Serialization;

namespace WeChatPay.Generator.Tests.Behaviour;

/// <summary>Every supported return type and binding: sync/Task/ValueTask, responses, downloads, query models, headers.</summary>
public partial interface ICallShapesApi
{
    [Get("v3/things/{thing_id}")]
    Task<Thing> GetThingAsync(string thingId, CancellationToken cancellationToken);

    [Get("/v3/things/<thing_id>")]
    Thing GetThing(string thingId);

    [Get("v3/things/{thing_id}")]
    ValueTask<Thing> GetThingValueAsync(string thingId, CancellationToken cancellationToken = default);

    [Get("v3/things/{thing_id}")]
    Task<WeChatPayResponse<Thing>> GetThingResponseAsync(string thingId);

    [Get("v3/things/{thing_id}")]
    Task<WeChatPayResponse> GetThingRawAsync(string thingId);

    [Get("v3/things")]
    Task<ThingPage> SearchAsync([Query] ThingFilter? filter, int? offset, [Query("page_size")] int limit, ThingKind kind, DateTimeOffset since, bool? active, Guid traceId, DateTime? until);

    [Put("v3/things/{id}")]
    Task PutThingAsync([Path("id")] long thingId, [Body] Thing thing, [Header("Idempotency-Key")] string? idempotencyKey);

    [Patch("v3/things/{thing_id}/kinds/{kind}")]
    ValueTask PatchThingAsync(string thingId, ThingKind kind, ThingPatch json);

    [Delete("v3/things/{thing_id}")]
    void DeleteThing(string thingId);

    [Get("v3/bill/download")]
    Task<Stream> DownloadStreamAsync(string token);

    [Get("v3/bill/download")]
    Task<byte[]> DownloadBytesAsync(string token);

    [Post("v3/secrets")]
    Task<SecretReceipt> SendSecretAsync(SecretRequest json, CancellationToken cancellationToken);

    [Post("v3/secrets")]
    SecretReceipt SendSecret(SecretRequest json);

    [Get("v3/secrets/{secret_id}")]
    Task<SecretRecord> GetSecretAsync(string secretId);

    [Post("v3/secrets/book")]
    Task<SecretReceipt> SendSecretBookAsync(SecretBook json);

    [Post("v3/secrets/contacts")]
    Task<SecretReceipt> SendContactsAsync(List<Contact> json);

    [Get("v3/secrets/by-id")]
    Task<Dictionary<string, SecretRecord>> GetSecretsByIdAsync();

    [Get("v3/secrets/pages")]
    Task<WeChatPayResponse<List<SecretRecord[]>>> GetSecretPagesAsync();
}

public sealed record Thing(string Id, string Name, ThingKind Kind);

public sealed record ThingPatch(string? Name);

public sealed record ThingPage(int TotalCount, List<Thing> Data);

public sealed class ThingFilter
{
    public string? Name { get; set; }
    public ThingKind? Kind { get; set; }
    [JsonPropertyName("created_before")]
    public DateTimeOffset? Before { get; set; }
    public int? MinCount { get; set; }
    [JsonIgnore]
    public string? NotSent { get; set; }
}

public enum ThingKind
{
    Plain,
    MerchantUpload,
    [JsonEnumValue("SENDED")]
    Sent,
}

/// <summary>A request with [Sensitive] fields: encrypted with the platform key on a copy.</summary>
public sealed record SecretRequest(
    [property: Sensitive] string Name,
    Contact Primary,
    List<Contact>? Others,
    string Note);

public sealed record Contact([property: Sensitive] string? Phone, string Label);

public sealed record SecretReceipt(string Id, string EchoName);

/// <summary>[Sensitive] fields reached through dictionary values and a list of lists.</summary>
public sealed record SecretBook(Dictionary<string, Contact> ByRole, List<List<Contact>>? Groups, string Note);

/// <summary>A response with [Sensitive] fields: decrypted with the merchant key.</summary>
public sealed class SecretRecord
{
    public string Id { get; set; } = "";
    [Sensitive]
    public string? IdCard { get; set; }
    public Contact[]? Contacts { get; set; }
}
