using System.Text.Json.Serialization;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis.Transfers;

/// <summary>A transfer bill's state (<c>state</c>). Values this version does not know are kept; see <see cref="IsKnown"/>.</summary>
/// <param name="Value">The spelling on the wire, for example <c>SUCCESS</c>.</param>
[JsonConverter(typeof(WireValueConverter<TransferBillState>))]
public readonly record struct TransferBillState(string Value) : IWireValue<TransferBillState>
{
    /// <summary><c>ACCEPTED</c>: accepted.</summary>
    public static TransferBillState Accepted { get; } = new("ACCEPTED");

    /// <summary><c>PROCESSING</c>: in progress.</summary>
    public static TransferBillState Processing { get; } = new("PROCESSING");

    /// <summary><c>WAIT_USER_CONFIRM</c>: waiting for the user to confirm.</summary>
    public static TransferBillState WaitUserConfirm { get; } = new("WAIT_USER_CONFIRM");

    /// <summary><c>TRANSFERING</c>: confirmed, being paid (WeChat Pay's spelling).</summary>
    public static TransferBillState Transfering { get; } = new("TRANSFERING");

    /// <summary><c>SUCCESS</c>: paid.</summary>
    public static TransferBillState Success { get; } = new("SUCCESS");

    /// <summary><c>FAIL</c>: failed; see <c>fail_reason</c>.</summary>
    public static TransferBillState Fail { get; } = new("FAIL");

    /// <summary><c>CANCELING</c>: being cancelled.</summary>
    public static TransferBillState Canceling { get; } = new("CANCELING");

    /// <summary><c>CANCELLED</c>: cancelled.</summary>
    public static TransferBillState Cancelled { get; } = new("CANCELLED");

    /// <summary>Whether this version of the SDK declares the value.</summary>
    public bool IsKnown => Value is "ACCEPTED" or "PROCESSING" or "WAIT_USER_CONFIRM" or "TRANSFERING" or "SUCCESS" or "FAIL" or "CANCELING" or "CANCELLED";

    static TransferBillState IWireValue<TransferBillState>.FromWire(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? "";
}
