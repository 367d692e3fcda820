namespace WeChatPay.Apis.Json;

/// <summary>
/// A string-valued WeChat Pay code (a state, a type, a channel) that keeps values this version does not know:
/// WeChat Pay adds states over time, and an unknown one must still reach the caller instead of failing the call.
/// </summary>
/// <typeparam name="TSelf">The value type.</typeparam>
public interface IWireValue<TSelf>
    where TSelf : struct, IWireValue<TSelf>
{
    /// <summary>The spelling on the wire, for example <c>SUCCESS</c>.</summary>
    string Value { get; }

    /// <summary>Wraps a spelling read from the wire, known or not.</summary>
    static abstract TSelf FromWire(string value);
}
