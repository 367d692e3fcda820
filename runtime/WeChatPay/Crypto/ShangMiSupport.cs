namespace WeChatPay;

/// <summary>
/// The <c>WeChatPay.ShangMi.IsSupported</c> feature switch, off by default: an application that sets nothing is
/// RSA-only, and a trimmed or native-AOT publish removes SM2, SM3, SM4 and BouncyCastle from it. A ShangMi merchant's
/// application turns it on with <c>&lt;WeChatPayShangMiSupport&gt;true&lt;/WeChatPayShangMiSupport&gt;</c> in its project.
/// </summary>
/// <remarks>
/// Every method that reaches BouncyCastle starts with <c>if (!ShangMiSupport.IsSupported) throw …;</c> written out
/// in that method (not in a helper), so that the trimmer sees the rest of the method as unreachable. The trimmer
/// learns the switch from <c>[FeatureSwitchDefinition]</c> (.NET 9 and later) and from the embedded
/// <c>ILLink.Substitutions.xml</c> (.NET 8).
/// </remarks>
internal static class ShangMiSupport
{
    /// <summary>The AppContext switch name.</summary>
    internal const string SwitchName = "WeChatPay.ShangMi.IsSupported";

    /// <summary>
    /// Whether SM2/SM3/SM4 may be used; <see langword="false"/> unless the application turned the switch on. Read on
    /// each use (one dictionary lookup, next to an SM2 operation) rather than cached, so that tests can flip it.
    /// </summary>
#if NET9_0_OR_GREATER
    [System.Diagnostics.CodeAnalysis.FeatureSwitchDefinition(SwitchName)]
#endif
    internal static bool IsSupported => AppContext.TryGetSwitch(SwitchName, out var supported) && supported;

    /// <summary>The explanation every ShangMi refusal carries, naming the property that turns it on.</summary>
    internal const string TurnedOff =
        "ShangMi (SM2/SM3/SM4) support is off in this application; set <WeChatPayShangMiSupport>true</WeChatPayShangMiSupport> "
        + "in its project file (the AppContext switch " + SwitchName + ") to use SignatureScheme.ShangMi and SM2 keys.";

    /// <summary>What a ShangMi primitive throws when the switch is off.</summary>
    internal static NotSupportedException NotSupported() => new(TurnedOff);

    /// <summary>What loading an SM2 key or configuring ShangMi throws when the switch is off.</summary>
    internal static WeChatPayConfigurationException NotConfigurable(string what) => new($"{what} is an SM2 (ShangMi) key, but {TurnedOff}");
}
