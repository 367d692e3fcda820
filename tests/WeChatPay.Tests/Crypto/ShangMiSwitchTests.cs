using System.Reflection;
using System.Xml.Linq;
using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Crypto;

/// <summary>
/// The WeChatPay.ShangMi.IsSupported switch (what &lt;WeChatPayShangMiSupport&gt;true&lt;/WeChatPayShangMiSupport&gt;
/// turns on; this test project sets it): off, every way into SM2/SM3/SM4 fails with a message naming the switch and
/// the property, and RSA keeps working. The switch is process-wide, so these tests run alone (a collection without
/// parallelization) and turn it back on afterwards.
/// </summary>
[Collection(ShangMiSwitchCollection.Name)]
public sealed class ShangMiSwitchTests
{
    private const string Switch = "WeChatPay.ShangMi.IsSupported";

    [Fact]
    public void The_project_property_reaches_the_runtime_configuration_and_turns_ShangMi_on()
    {
        // <WeChatPayShangMiSupport>true</WeChatPayShangMiSupport> in the test project, through build/WeChatPay.SourceGen.targets.
        Assert.Equal("true", AppContext.GetData(Switch) as string, ignoreCase: true);
        Assert.True(ShangMiSupport.IsSupported);
        Assert.NotEmpty(Sm3.Hash("abc"u8));
    }

    [Fact]
    public void The_switch_is_off_when_the_application_sets_nothing()
    {
        var targets = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "WeChatPay.SourceGen.targets")); // copied from runtime/WeChatPay/build
        XNamespace ns = targets.Root!.Name.Namespace;
        var property = Assert.Single(targets.Descendants(ns + "WeChatPayShangMiSupport"));
        Assert.Equal("false", property.Value);
        Assert.Equal("'$(WeChatPayShangMiSupport)' != 'true'", (string?)property.Attribute("Condition"));
        var option = Assert.Single(targets.Descendants(ns + "RuntimeHostConfigurationOption"));
        Assert.Equal(Switch, (string?)option.Attribute("Include"));
        Assert.Equal("true", (string?)option.Attribute("Trim"));
        Assert.Null(option.Attribute("Condition"));
    }

    [Theory]
    [InlineData("pkcs8")]
    [InlineData("sec1")]
    [InlineData("encrypted")]
    public void Sm2_merchant_keys_are_refused_with_a_message_naming_the_switch(string form)
    {
        var identity = TestIdentities.ShangMi; // made (with SM2) before the switch goes off
        var pem = form switch
        {
            "pkcs8" => identity.MerchantPrivateKeyPem,
            "sec1" => identity.MerchantPrivateKeyLegacyPem,
            _ => identity.MerchantPrivateKeyEncryptedPem,
        };

        var error = WithShangMiOff(() => Assert.Throws<WeChatPayConfigurationException>(() => MerchantPrivateKey.FromPem(pem, TestIdentities.Passphrase)));

        Assert.Contains(Switch, error.Message);
        Assert.DoesNotContain("BEGIN", error.Message);
    }

    [Fact]
    public void Sm2_platform_keys_and_certificates_are_refused_with_a_message_naming_the_switch()
    {
        var identity = TestIdentities.ShangMi;

        var (publicKey, certificate) = WithShangMiOff(() => (
            Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromPublicKeyPem(TestIdentities.PublicKeyId, identity.PublicKeyPem)),
            Assert.Throws<WeChatPayConfigurationException>(() => PlatformKey.FromCertificatePem(identity.PlatformCertificatePem))));

        Assert.Contains(Switch, publicKey.Message);
        Assert.Contains(Switch, certificate.Message);
    }

    [Fact]
    public void A_ShangMi_client_is_refused_with_a_message_naming_the_switch()
    {
        var options = Gateway.Options(TestIdentities.ShangMi, new ManualTimeProvider());

        var error = WithShangMiOff(() => Assert.Throws<WeChatPayConfigurationException>(() => new WeChatPayClient(options, new FakeWire(_ => throw new InvalidOperationException()))));

        Assert.Contains("SignatureScheme is ShangMi", error.Message);
        Assert.Contains(Switch, error.Message);
        Assert.Contains("<WeChatPayShangMiSupport>true</WeChatPayShangMiSupport>", error.Message);
    }

    [Fact]
    public void The_primitives_throw_not_supported()
    {
        var identity = TestIdentities.ShangMi; // made (with SM2) before the switch goes off
        var key = identity.CreateMerchantKey();
        var sm2Key = Sm2.ImportPrivateKeyPem(identity.MerchantPrivateKeyPem);
        var platformKey = identity.CreatePublicKey();

        var errors = WithShangMiOff(() => new Exception[]
        {
            Assert.Throws<NotSupportedException>(() => Sm3.Hash("abc"u8)),
            Assert.Throws<NotSupportedException>(() => Sm2.GenerateKey()),
            Assert.Throws<NotSupportedException>(() => Sm2.ImportPublicKeyPem(identity.PublicKeyPem)),
            Assert.Throws<NotSupportedException>(() => Sm2.ImportPrivateKeyPem(identity.MerchantPrivateKeyPem)),
            Assert.Throws<NotSupportedException>(() => Sm2.Sign(sm2Key, "message"u8)),
            Assert.Throws<NotSupportedException>(() => AeadSm4Gcm.Decrypt(TestIdentities.ApiV3Key, "0123456789ab", "", Convert.ToBase64String(new byte[32]))),
            Assert.Throws<NotSupportedException>(() => AeadSm4Gcm.Encrypt(TestIdentities.ApiV3Key, "0123456789ab", "", "x")),
            Assert.Throws<NotSupportedException>(() => key.Sign("message"u8)),
            Assert.Throws<NotSupportedException>(() => platformKey.Encrypt("x")),
            Assert.Throws<NotSupportedException>(() => MerchantPrivateKey.FromSm2(sm2Key)),
        });

        Assert.All(errors, e => Assert.Contains(Switch, e.Message));
    }

    [Fact]
    public async Task Rsa_keeps_working_with_ShangMi_off()
    {
        var id = TestIdentities.Rsa;
        var encryptedPem = id.MerchantPrivateKeyEncryptedPem;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));

        AppContext.SetSwitch(Switch, false);
        try
        {
            using var encrypted = MerchantPrivateKey.FromPem(encryptedPem, TestIdentities.Passphrase);
            using var legacy = MerchantPrivateKey.FromPem(id.MerchantPrivateKeyLegacyPem);
            Assert.Equal(SignatureScheme.Rsa, PlatformKey.FromCertificatePem(id.PlatformCertificatePem).Scheme);
            using var client = new WeChatPayClient(Gateway.Options(id, time, publicKey: true, certificate: true), wire);
            await client.SendAsync(new WeChatPayRequest(HttpMethod.Get, "v3/a"));
            var wrongPassphrase = Assert.Throws<WeChatPayConfigurationException>(() => MerchantPrivateKey.FromPem(encryptedPem, "wrong"));
            Assert.Contains("passphrase is wrong", wrongPassphrase.Message);
            Assert.Contains(Switch, wrongPassphrase.Message);
        }
        finally
        {
            AppContext.SetSwitch(Switch, true);
        }

        Assert.Single(wire.Requests);
    }

    [Fact]
    public void The_trimmer_substitution_names_the_switch_and_the_property_that_reads_it()
    {
        var assembly = typeof(WeChatPayClient).Assembly;
        using var stream = assembly.GetManifestResourceStream("ILLink.Substitutions.xml");
        Assert.NotNull(stream);
        var xml = XDocument.Load(stream);

        var target = Assert.Single(xml.Descendants("assembly"));
        Assert.Equal(assembly.GetName().Name, (string?)target.Attribute("fullname"));
        Assert.Equal(ShangMiSupport.SwitchName, (string?)target.Attribute("feature"));
        Assert.Equal("false", (string?)target.Attribute("featurevalue"));
        var type = Assert.Single(target.Elements("type"));
        Assert.Equal(typeof(ShangMiSupport).FullName, (string?)type.Attribute("fullname"));
        var method = Assert.Single(type.Elements("method"));
        var getter = typeof(ShangMiSupport).GetProperty(nameof(ShangMiSupport.IsSupported), BindingFlags.Static | BindingFlags.NonPublic)!.GetMethod!;
        Assert.Equal($"System.Boolean {getter.Name}()", (string?)method.Attribute("signature"));
        Assert.Equal("false", (string?)method.Attribute("value"));
        Assert.Equal(Switch, ShangMiSupport.SwitchName);
    }

    private static T WithShangMiOff<T>(Func<T> action)
    {
        AppContext.SetSwitch(Switch, false);
        try
        {
            Assert.False(ShangMiSupport.IsSupported);
            return action();
        }
        finally
        {
            AppContext.SetSwitch(Switch, true);
        }
    }
}

/// <summary>Runs the switch tests alone: the AppContext switch they flip is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ShangMiSwitchCollection
{
    public const string Name = "ShangMi switch (process-wide)";
}
