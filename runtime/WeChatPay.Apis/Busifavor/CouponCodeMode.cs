using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Busifavor;

/// <summary>Where a stock's coupon codes come from (<c>coupon_code_mode</c>). Values this version does not know are kept in <see cref="Value"/>; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire.</param>
[JsonConverter(typeof(WireValueConverter<CouponCodeMode>))]
public readonly record struct CouponCodeMode(string Value) : IWireValue<CouponCodeMode>
{
    /// <summary><c>WECHATPAY_MODE</c>: WeChat Pay assigns them.</summary>
    public static CouponCodeMode WechatpayMode { get; } = new("WECHATPAY_MODE");

    /// <summary><c>MERCHANT_API</c>: the merchant names each code when it sends one.</summary>
    public static CouponCodeMode MerchantApi { get; } = new("MERCHANT_API");

    /// <summary><c>MERCHANT_UPLOAD</c>: the merchant uploads codes beforehand (预存code) and WeChat Pay hands them out.</summary>
    public static CouponCodeMode MerchantUpload { get; } = new("MERCHANT_UPLOAD");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "WECHATPAY_MODE" or "MERCHANT_API" or "MERCHANT_UPLOAD";

    static CouponCodeMode IWireValue<CouponCodeMode>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
