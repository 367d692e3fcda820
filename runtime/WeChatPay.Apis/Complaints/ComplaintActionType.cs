using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Complaints;

/// <summary>
/// What happened to a complaint, as its notification says (<c>action_type</c>). Values this version does not know
/// are kept; see <see cref="IsKnown"/>.
/// </summary>
/// <param name="Value">The spelling on the wire, for example <c>CREATE_COMPLAINT</c>.</param>
[JsonConverter(typeof(WireValueConverter<ComplaintActionType>))]
public readonly record struct ComplaintActionType(string Value) : IWireValue<ComplaintActionType>
{
    /// <summary><c>CREATE_COMPLAINT</c>: a user filed a complaint (event COMPLAINT.CREATE).</summary>
    public static ComplaintActionType CreateComplaint { get; } = new("CREATE_COMPLAINT");

    /// <summary><c>CONTINUE_COMPLAINT</c>: the user complained again.</summary>
    public static ComplaintActionType ContinueComplaint { get; } = new("CONTINUE_COMPLAINT");

    /// <summary><c>USER_RESPONSE</c>: the user left a message.</summary>
    public static ComplaintActionType UserResponse { get; } = new("USER_RESPONSE");

    /// <summary><c>RESPONSE_BY_PLATFORM</c>: WeChat Pay answered.</summary>
    public static ComplaintActionType ResponseByPlatform { get; } = new("RESPONSE_BY_PLATFORM");

    /// <summary><c>SELLER_REFUND</c>: the merchant refunded.</summary>
    public static ComplaintActionType SellerRefund { get; } = new("SELLER_REFUND");

    /// <summary><c>MERCHANT_RESPONSE</c>: the merchant answered the user.</summary>
    public static ComplaintActionType MerchantResponse { get; } = new("MERCHANT_RESPONSE");

    /// <summary><c>MERCHANT_CONFIRM_COMPLETE</c>: the merchant reported it handled.</summary>
    public static ComplaintActionType MerchantConfirmComplete { get; } = new("MERCHANT_CONFIRM_COMPLETE");

    /// <summary><c>MERCHANT_APPROVE_REFUND</c>: the merchant approved the refund the user asked for.</summary>
    public static ComplaintActionType MerchantApproveRefund { get; } = new("MERCHANT_APPROVE_REFUND");

    /// <summary><c>MERCHANT_REJECT_REFUND</c>: the merchant rejected it.</summary>
    public static ComplaintActionType MerchantRejectRefund { get; } = new("MERCHANT_REJECT_REFUND");

    /// <summary><c>REFUND_SUCCESS</c>: the approved refund was paid.</summary>
    public static ComplaintActionType RefundSuccess { get; } = new("REFUND_SUCCESS");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "CREATE_COMPLAINT" or "CONTINUE_COMPLAINT" or "USER_RESPONSE" or "RESPONSE_BY_PLATFORM" or "SELLER_REFUND"
        or "MERCHANT_RESPONSE" or "MERCHANT_CONFIRM_COMPLETE" or "MERCHANT_APPROVE_REFUND" or "MERCHANT_REJECT_REFUND" or "REFUND_SUCCESS";

    static ComplaintActionType IWireValue<ComplaintActionType>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
