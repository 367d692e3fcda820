namespace WeChatPay.Tool.Tests.Readme;

/// <summary>
/// The package readme's example (docs/package/README.md), compiled here; <see cref="ReadmeSnippetTests"/> checks the
/// text is the readme's, word for word.
/// </summary>
internal static class PackageReadmeSnippet
{
    public static IPackageReadmeApi Create()
    {
        // README package begin
        var client = new WeChatPayClient(new WeChatPayOptions
        {
            MerchantId = "1900000001",
            MerchantSerialNumber = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
            MerchantPrivateKeyPath = "apiclient_key.pem",
            PublicKeyId = "PUB_KEY_ID_0114232134912410000000000000",
            PlatformPublicKeyPath = "pub_key.pem",
        });
        var api = IPackageReadmeApi.Create(client);   // generated
        // README package end
        return api;
    }
}

// README package types begin
public partial interface IPackageReadmeApi
{
    [Get("v3/marketing/busifavor/stocks/{stock_id}")]
    Task<Stock> GetStockAsync(string stockId, [Query] string belongMerchant);
}
public sealed record Stock(string StockId, string StockName, string StockState);
// README package types end
