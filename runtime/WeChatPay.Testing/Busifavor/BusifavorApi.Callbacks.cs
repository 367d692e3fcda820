using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Busifavor;

// 设置/查询商家券事件通知地址: one https URL per merchant.
internal sealed partial class BusifavorApi
{
    private readonly Dictionary<string, (string Url, DateTimeOffset UpdateTime)> _callbacks = new(StringComparer.Ordinal);

    private ApiResult SetCallback(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var mchid = JsonBody.OptionalString(body, "mchid") ?? context.Merchant.MerchantId;
        var url = PaymentRules.Text(body, "notify_url", 256);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            throw SandboxError.ParamError("notify_url须为https地址 (notify_url must be an https URL)", "/notify_url", "must be an absolute https URL", value: url);
        if (!merchantExists(mchid))
            throw new SandboxError(400, "MCH_NOT_EXISTS", $"商户号{mchid}不存在 (mchid is not a merchant)");
        lock (_gate)
        {
            var now = Now;
            _callbacks[mchid] = (url, now);
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("update_time", SandboxJson.Time(now));
                w.WriteString("notify_url", url);
                w.WriteString("mchid", mchid);
                w.WriteEndObject();
            }));
        }
    }

    private ApiResult GetCallback(RouteContext context)
    {
        var mchid = context.Query.TryGetValue("mchid", out var given) && given.Length > 0 ? given : context.Merchant.MerchantId;
        lock (_gate)
        {
            if (!_callbacks.TryGetValue(mchid, out var callback))
                throw SandboxError.NotExists($"商户{mchid}未设置事件通知地址 (no notify_url is set for this merchant)");
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("mchid", mchid);
                w.WriteString("notify_url", callback.Url);
                w.WriteEndObject();
            }));
        }
    }
}
