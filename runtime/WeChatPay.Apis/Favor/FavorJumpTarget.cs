using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Favor;

/// <summary>Where the coupon's “use now” button leads (<c>jump_target</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<FavorJumpTarget>))]
public readonly record struct FavorJumpTarget(string Value) : IWireValue<FavorJumpTarget>
{
    /// <summary><c>PAYMENT_CODE</c>: the WeChat Pay payment code.</summary>
    public static FavorJumpTarget PaymentCode { get; } = new("PAYMENT_CODE");

    /// <summary><c>MINI_PROGRAM</c>: the merchant's mini program (needs <c>mini_program_appid</c> and <c>mini_program_path</c>).</summary>
    public static FavorJumpTarget MiniProgram { get; } = new("MINI_PROGRAM");

    /// <summary><c>DEFAULT_PAGE</c>: the default page, also when the field is left out.</summary>
    public static FavorJumpTarget DefaultPage { get; } = new("DEFAULT_PAGE");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "PAYMENT_CODE" or "MINI_PROGRAM" or "DEFAULT_PAGE";

    static FavorJumpTarget IWireValue<FavorJumpTarget>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
