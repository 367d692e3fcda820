using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Busifavor;

/// <summary>How the coupon's code is shown to the user (<c>code_display_mode</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<CodeDisplayMode>))]
public readonly record struct CodeDisplayMode(string Value) : IWireValue<CodeDisplayMode>
{
    /// <summary><c>NOT_SHOW</c>: not shown.</summary>
    public static CodeDisplayMode NotShow { get; } = new("NOT_SHOW");

    /// <summary><c>BARCODE</c>: as a barcode.</summary>
    public static CodeDisplayMode Barcode { get; } = new("BARCODE");

    /// <summary><c>QRCODE</c>: as a QR code.</summary>
    public static CodeDisplayMode QrCode { get; } = new("QRCODE");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "NOT_SHOW" or "BARCODE" or "QRCODE";

    static CodeDisplayMode IWireValue<CodeDisplayMode>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
