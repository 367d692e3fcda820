namespace WeChatPay.Apis.Payments;

/// <summary>Where the payment happens (<c>scene_info</c>).</summary>
public sealed class PaymentSceneInfo
{
    /// <summary>The payer's IP address, IPv4 or IPv6 (<c>payer_client_ip</c>).</summary>
    public required string PayerClientIp { get; set; }

    /// <summary>The merchant's device or till number (<c>device_id</c>).</summary>
    public string? DeviceId { get; set; }

    /// <summary>The store (<c>store_info</c>).</summary>
    public StoreInfo? StoreInfo { get; set; }

    /// <summary>The H5 scene; required for H5 orders (<c>h5_info</c>).</summary>
    public H5Info? H5Info { get; set; }
}

/// <summary>The merchant's store (<c>store_info</c>).</summary>
public sealed class StoreInfo
{
    /// <summary>The store's number (<c>id</c>).</summary>
    public required string Id { get; set; }

    /// <summary>The store's name (<c>name</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The administrative area code (<c>area_code</c>).</summary>
    public string? AreaCode { get; set; }

    /// <summary>The address (<c>address</c>).</summary>
    public string? Address { get; set; }
}

/// <summary>An H5 order's scene (<c>h5_info</c>).</summary>
public sealed class H5Info
{
    /// <summary>The scene type: <c>iOS</c>, <c>Android</c> or <c>Wap</c> (<c>type</c>).</summary>
    public required string Type { get; set; }

    /// <summary>The app's name (<c>app_name</c>).</summary>
    public string? AppName { get; set; }

    /// <summary>The web site's URL (<c>app_url</c>).</summary>
    public string? AppUrl { get; set; }

    /// <summary>The iOS bundle ID (<c>bundle_id</c>).</summary>
    public string? BundleId { get; set; }

    /// <summary>The Android package name (<c>package_name</c>).</summary>
    public string? PackageName { get; set; }
}

/// <summary>Settlement of an order (<c>settle_info</c>).</summary>
public sealed class SettleInfo
{
    /// <summary>Whether the order's funds are to be shared (分账) (<c>profit_sharing</c>).</summary>
    public bool? ProfitSharing { get; set; }
}
