using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Favor;

/// <summary>A 代金券 stock's state (<c>status</c>), written in lower case by WeChat Pay. Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<FavorStockStatus>))]
public readonly record struct FavorStockStatus(string Value) : IWireValue<FavorStockStatus>
{
    /// <summary><c>unactivated</c>: created, not yet started (未激活).</summary>
    public static FavorStockStatus Unactivated { get; } = new("unactivated");

    /// <summary><c>audit</c>: under review (审核中).</summary>
    public static FavorStockStatus Audit { get; } = new("audit");

    /// <summary><c>running</c>: issuing (运行中).</summary>
    public static FavorStockStatus Running { get; } = new("running");

    /// <summary><c>stoped</c>: stopped for good (已停止; WeChat Pay's spelling).</summary>
    public static FavorStockStatus Stopped { get; } = new("stoped");

    /// <summary><c>paused</c>: paused; restart resumes it (暂停发放).</summary>
    public static FavorStockStatus Paused { get; } = new("paused");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "unactivated" or "audit" or "running" or "stoped" or "paused";

    static FavorStockStatus IWireValue<FavorStockStatus>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
