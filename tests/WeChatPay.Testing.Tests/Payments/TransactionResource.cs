using System.Text.Json.Serialization;

namespace WeChatPay.Testing.Tests.Payments;

/// <summary>The decrypted TRANSACTION.SUCCESS resource, the fields these tests check.</summary>
public sealed record TransactionResource(
    [property: JsonPropertyName("appid")] string? AppId,
    [property: JsonPropertyName("mchid")] string? MchId,
    [property: JsonPropertyName("out_trade_no")] string? OutTradeNo,
    [property: JsonPropertyName("transaction_id")] string? TransactionId,
    [property: JsonPropertyName("trade_state")] string? TradeState,
    [property: JsonPropertyName("combine_out_trade_no")] string? CombineOutTradeNo);

/// <summary>The decrypted REFUND.* resource.</summary>
public sealed record RefundResource(
    [property: JsonPropertyName("mchid")] string MchId,
    [property: JsonPropertyName("out_trade_no")] string OutTradeNo,
    [property: JsonPropertyName("out_refund_no")] string OutRefundNo,
    [property: JsonPropertyName("refund_id")] string RefundId,
    [property: JsonPropertyName("refund_status")] string RefundStatus,
    [property: JsonPropertyName("amount")] RefundResourceAmount Amount);

public sealed record RefundResourceAmount(
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("refund")] long Refund);

[JsonSerializable(typeof(TransactionResource))]
[JsonSerializable(typeof(RefundResource))]
public sealed partial class PaymentJson : JsonSerializerContext;
