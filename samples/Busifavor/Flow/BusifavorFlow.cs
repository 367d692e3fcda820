using System.Globalization;
using System.Security.Cryptography;
using WeChatPay.Apis.Busifavor;
using Busifavor.Output;
using WeChatPay;

namespace Busifavor.Flow;

/// <summary>
/// The sample's story, told through the generated <see cref="IBusifavorApi"/>: create a stock, upload pre-stored
/// codes (some invalid, some duplicated), list them page by page, then send and use a coupon. Every result printed
/// comes from a response whose signature verified; a verification failure throws and nothing of it is printed.
/// </summary>
public sealed class BusifavorFlow
{
    // The example appid and openid of WeChat Pay's documentation; a live run uses the merchant's own.
    public const string DefaultAppId = "wxd678efh567hg6787";
    public const string DefaultOpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
    private const int PageSize = 4;

    private readonly IBusifavorApi _api;
    private readonly TextWriter _out;
    private readonly string _merchantId;
    private readonly string _batch;

    /// <param name="api">The generated client.</param>
    /// <param name="output">Where the story is printed.</param>
    /// <param name="merchantId">The mchid, the stock's <c>belong_merchant</c>.</param>
    /// <param name="batch">Makes this run's codes and request numbers unique; random when null.</param>
    public BusifavorFlow(IBusifavorApi api, TextWriter output, string merchantId, string? batch = null)
    {
        _api = api;
        _out = output;
        _merchantId = merchantId;
        _batch = batch ?? RandomNumberGenerator.GetHexString(8);
    }

    public string AppId { get; init; } = DefaultAppId;

    public string OpenId { get; init; } = DefaultOpenId;

    /// <summary>How the user receives the coupon of step 4; step 4 is left out when null.</summary>
    public CouponReceiver? ReceiveCoupon { get; init; }

    /// <summary>The whole flow, on a stock created for it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var stockId = await CreateStockAsync(cancellationToken);
        await RunPreStoredCodesAsync(stockId, cancellationToken);
        await SendAndUseCouponAsync(stockId, cancellationToken);
        await ShowVerifiedErrorAsync(cancellationToken);
    }

    /// <summary>The pre-stored code flow only (upload, then list), on an existing MERCHANT_UPLOAD stock.</summary>
    public async Task RunPreStoredCodesAsync(string stockId, CancellationToken cancellationToken = default)
    {
        await UploadCodesAsync(stockId, cancellationToken);
        await ListCodesAsync(stockId, cancellationToken);
    }

    // 1. 创建商家券, then 查询商家券详情 in the synchronous form.
    private async Task<string> CreateStockAsync(CancellationToken cancellationToken)
    {
        Step(1, "Create a stock with merchant-uploaded codes (POST v3/marketing/busifavor/stocks, async)");
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var created = await _api.CreateStockAsync(new CreateStockRequest
        {
            StockName = "满100减10 (sample)",
            BelongMerchant = _merchantId,
            Comment = "SourceGen sample", // at most 20 characters
            GoodsName = "全场通用",
            StockType = StockType.Normal,
            CouponUseRule = new CouponUseRule
            {
                CouponAvailableTime = new CouponAvailableTime
                {
                    AvailableBeginTime = Truncate(now),
                    AvailableEndTime = Truncate(now.AddDays(30)),
                },
                FixedNormalCoupon = new FixedNormalCoupon { DiscountAmount = 1000, TransactionMinimum = 10000 },
                UseMethod = CouponUseMethod.OffLine,
            },
            StockSendRule = new StockSendRule { MaxCoupons = 100, MaxCouponsPerUser = 5 },
            OutRequestNo = $"CREATE-{_batch}",
            CouponCodeMode = CouponCodeMode.MerchantUpload,
        }, cancellationToken);
        Verified(created);
        var stockId = created.Value.StockId;
        _out.WriteLine($"  stock {stockId} created at {Time(created.Value.CreateTime)}");

        var details = _api.GetStock(stockId);
        Verified(details, "sync");
        var stock = details.Value;
        _out.WriteLine($"  stock {stock.StockId} \"{stock.StockName}\": {stock.StockType}, codes {stock.CouponCodeMode}, state {stock.StockState}, max {stock.StockSendRule?.MaxCoupons} coupons");
        return stockId;
    }

    // 2. 上传预存code: a batch with invalid and duplicated codes; then the same upload again (idempotent), and a
    //    second upload that overlaps the first.
    private async Task UploadCodesAsync(string stockId, CancellationToken cancellationToken)
    {
        Step(2, $"Upload pre-stored codes to stock {stockId} (POST …/stocks/{{stock_id}}/couponcodes)");
        var valid = Enumerable.Range(1, 8).Select(i => Code(i)).ToList();
        var batch = new List<string>(valid)
        {
            valid[1],                                    // duplicated within the request
            valid[4],                                    // duplicated within the request
            "THIS-CODE-IS-LONGER-THAN-32-CHARACTERS",    // too long
            "bad*code",                                  // '*' is not allowed
            "优惠码2026",                                 // only ASCII letters, digits and -_\/=| are allowed
        };
        var request = new UploadCouponCodesRequest { CouponCodeList = batch, UploadRequestNo = $"UPLOAD-{_batch}-1" };

        var first = await _api.UploadCouponCodesAsync(stockId, request, cancellationToken);
        Verified(first, "async");
        PrintUpload(request, first.Value);

        var again = _api.UploadCouponCodes(stockId, request);
        Verified(again, "sync");
        var same = again.Value.SuccessCount == first.Value.SuccessCount && again.Value.SuccessTime == first.Value.SuccessTime;
        _out.WriteLine(same
            ? $"  resent {request.UploadRequestNo}: the same result came back (success {again.Value.SuccessCount}, at {Time(again.Value.SuccessTime)}): upload_request_no is idempotent"
            : $"  resent {request.UploadRequestNo}: WeChat Pay answered differently (success {again.Value.SuccessCount}); upload_request_no was not idempotent");

        var overlap = new UploadCouponCodesRequest
        {
            CouponCodeList = [valid[0], valid[7], Code(9), Code(10)],
            UploadRequestNo = $"UPLOAD-{_batch}-2",
        };
        var second = _api.UploadCouponCodes(stockId, overlap);
        Verified(second, "sync");
        PrintUpload(overlap, second.Value);
    }

    private void PrintUpload(UploadCouponCodesRequest request, UploadCouponCodesResult result)
    {
        _out.WriteLine($"  upload {request.UploadRequestNo}: {request.CouponCodeList.Count} codes sent → total {result.TotalCount}, " +
            $"success {result.SuccessCount}, failed {result.FailCount}, already uploaded {result.ExistCodes?.Count ?? 0}, " +
            $"duplicated {result.DuplicateCodes?.Count ?? 0}, at {Time(result.SuccessTime)}");

        var table = new Table("coupon code", "result", "reason") { MaxWidth = 64 };
        foreach (var code in result.SuccessCodes ?? [])
            table.Add(code, "✔ stored", "");
        foreach (var failure in result.FailCodes ?? [])
            table.Add(failure.CouponCode, "✘ failed", $"{failure.Code}: {failure.Message}");
        foreach (var code in result.ExistCodes ?? [])
            table.Add(code, "= exists", "uploaded before");
        foreach (var code in result.DuplicateCodes ?? [])
            table.Add(code, "↺ repeated", "given more than once in this request; counted once");
        table.WriteTo(_out);
    }

    // 3. 查询预存code, every page, through the catalog's paged method: one signed GET a page, each verified before its codes arrive.
    private async Task ListCodesAsync(string stockId, CancellationToken cancellationToken)
    {
        Step(3, $"List the stock's codes, {PageSize} per page (GET …/stocks/{{stock_id}}/couponcodes, IAsyncEnumerable)");
        var table = new Table("#", "code", "status", "uploaded");
        var count = 0;
        await foreach (var entry in _api.ListAllCouponCodesAsync(stockId, new ListCouponCodesQuery { Limit = PageSize }, cancellationToken))
            table.Add((++count).ToString(CultureInfo.InvariantCulture), entry.Code, entry.CodeStatus.Value, Time(entry.UploadTime));
        _out.WriteLine($"  ✔ {count} codes, {PageSize} a page, each page verified before its codes were listed:");
        table.WriteTo(_out);
    }

    // 4. The user receives one of the pre-stored codes (发券插件), 核销用户券, then the user's coupon and the code's new status.
    private async Task SendAndUseCouponAsync(string stockId, CancellationToken cancellationToken)
    {
        if (ReceiveCoupon is null)
            return;
        Step(4, "Send a coupon to a user and use it");
        var (code, received) = await ReceiveCoupon(stockId, AppId, OpenId, $"SEND-{_batch}", cancellationToken);
        Verified(received, "async");
        _out.WriteLine($"  sent coupon {code} to {OpenId}");

        var used = await _api.UseCouponAsync(new UseCouponRequest
        {
            CouponCode = code,
            StockId = stockId,
            Appid = AppId,
            UseTime = Truncate(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8))),
            UseRequestNo = $"USE-{_batch}",
            Openid = OpenId,
        }, cancellationToken);
        Verified(used, "async");
        _out.WriteLine($"  coupon {code} used; WeChat Pay recorded it at {Time(used.Value.WechatpayUseTime)}");

        var coupon = _api.GetUserCoupon(OpenId, code, AppId);
        Verified(coupon, "sync");
        _out.WriteLine($"  user's coupon {coupon.Value.CouponCode}: {coupon.Value.CouponState}, " +
            $"received {Time(coupon.Value.ReceiveTime)}, used {Time(coupon.Value.UseTime)}");

        var dispatched = _api.ListCouponCodes(stockId, new ListCouponCodesQuery { Status = CouponCodeStatus.Dispatched.Value, Offset = 0, Limit = PageSize });
        Verified(dispatched, "sync");
        var table = new Table("code", "status", "dispatched", "openid");
        foreach (var entry in dispatched.Value.Data ?? [])
            table.Add(entry.Code, entry.CodeStatus.Value, Time(entry.DispatchedTime), entry.Openid);
        // total_count is every code of the stock; the page holds the DISPATCHED ones.
        _out.WriteLine($"  {dispatched.Value.Data?.Count ?? 0} code(s) DISPATCHED, of {dispatched.Value.TotalCount} uploaded:");
        table.WriteTo(_out);
    }

    // 5. Errors are signed and verified too: an unknown stock is 404 RESOURCE_NOT_EXISTS, thrown as WeChatPayApiException.
    private async Task ShowVerifiedErrorAsync(CancellationToken cancellationToken)
    {
        Step(5, "Ask for a stock that does not exist (errors are verified too)");
        try
        {
            await _api.GetStockAsync("1000000000", cancellationToken);
            _out.WriteLine("  unexpected: WeChat Pay returned a stock 1000000000");
        }
        catch (WeChatPayApiException ex) when (ex.Code == "RESOURCE_NOT_EXISTS")
        {
            _out.WriteLine($"  {(ex.IsVerified ? "✔ verified" : "⚠ UNVERIFIED")} error response, HTTP {(int)ex.StatusCode} {ex.Code}: {ex.ErrorMessage}, Request-ID {ex.RequestId ?? "(none)"}");
        }
    }

    private string Code(int i) => $"BF{_batch}{i:D4}".ToUpperInvariant();

    private void Step(int number, string title)
    {
        _out.WriteLine();
        _out.WriteLine($"{number}. {title}");
    }

    private void Verified(WeChatPayResponse response, string? form = null) =>
        _out.WriteLine($"  ✔ verified response{(form is null ? "" : " (" + form + ")")}, HTTP {(int)response.StatusCode}, Request-ID {response.RequestId ?? "(none)"}");

    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Offset);

    private static string Time(DateTimeOffset? time) =>
        time?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "-";
}
