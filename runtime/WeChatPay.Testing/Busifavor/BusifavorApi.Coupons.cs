using System.Globalization;
using System.Text.Json;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Busifavor;

// A user's coupons: 查询用户单张券详情, 根据过滤条件查询用户券, 申请退券, 使券失效, 关联订单信息 and 取消关联订单信息.
internal sealed partial class BusifavorApi
{
    public const int MaxUserCouponLimit = 50;

    /// <summary>The coupon's state now: a usable coupon past its expiry reads as EXPIRED.</summary>
    private string StateOf(Coupon coupon) => coupon.State == "SENDED" && Now > coupon.ExpireTime ? "EXPIRED" : coupon.State;

    private ApiResult QueryUserCoupon(RouteContext context)
    {
        lock (_gate)
        {
            var coupon = FindCoupon(context.Merchant.MerchantId, null, context.Path("coupon_code"));
            if (coupon is null || coupon.OpenId != context.Path("openid") || coupon.AppId != context.Path("appid"))
                throw SandboxError.NotExists($"用户{context.Path("openid")}名下不存在券{context.Path("coupon_code")} (no such coupon for this user)");
            return ApiResult.Ok(SandboxJson.Write(w => WriteCoupon(w, coupon)));
        }
    }

    private ApiResult ListUserCoupons(RouteContext context)
    {
        var openid = context.Path("openid");
        if (!context.Query.TryGetValue("appid", out var appid) || appid.Length == 0)
            throw SandboxError.ParamError("appid必填 (appid is required)", "appid", "required field is missing", "query");
        var offset = QueryInteger(context, "offset", 0, 0, int.MaxValue);
        var limit = QueryInteger(context, "limit", DefaultListLimit, 1, MaxUserCouponLimit);
        context.Query.TryGetValue("stock_id", out var stockId);
        context.Query.TryGetValue("coupon_state", out var state);
        context.Query.TryGetValue("belong_merchant", out var belongMerchant);
        context.Query.TryGetValue("creator_merchant", out var creatorMerchant);
        context.Query.TryGetValue("sender_merchant", out var senderMerchant);
        lock (_gate)
        {
            var matching = new List<Coupon>();
            foreach (var stock in _stocks.Values.OrderBy(s => s.StockId, StringComparer.Ordinal))
            {
                if (stock.Owner != context.Merchant.MerchantId || (stockId is not null && stock.StockId != stockId)
                    || (belongMerchant is not null && stock.BelongMerchant != belongMerchant)
                    || (creatorMerchant is not null && stock.Owner != creatorMerchant)
                    || (senderMerchant is not null && stock.Owner != senderMerchant))
                    continue;
                foreach (var coupon in stock.Coupons.Values)
                {
                    if (coupon.OpenId == openid && coupon.AppId == appid && (state is null || StateOf(coupon) == state))
                        matching.Add(coupon);
                }
            }
            // A stable order, so that coupons received in the same second keep their place from page to page.
            matching = matching.OrderBy(c => c.ReceiveTime).ToList();
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                // offset is a page index (分页页码), not an entry's position.
                var first = (long)offset * limit;
                w.WriteStartArray("data");
                for (var i = first; i < matching.Count && i < first + limit; i++)
                    WriteCoupon(w, matching[(int)i]);
                w.WriteEndArray();
                w.WriteNumber("total_count", matching.Count);
                w.WriteNumber("limit", limit);
                w.WriteNumber("offset", offset);
                w.WriteEndObject();
            }));
        }
    }

    private void WriteCoupon(Utf8JsonWriter w, Coupon coupon)
    {
        var stock = coupon.Stock;
        w.WriteStartObject();
        w.WriteString("belong_merchant", stock.BelongMerchant);
        w.WriteString("stock_name", stock.StockName);
        if (stock.Comment is not null)
            w.WriteString("comment", stock.Comment);
        w.WriteString("goods_name", stock.GoodsName);
        w.WriteString("stock_type", stock.StockType);
        w.WriteString("coupon_state", StateOf(coupon));
        foreach (var name in (ReadOnlySpan<string>)["coupon_use_rule", "custom_entrance", "display_pattern_info"])
        {
            if (stock.Definition.TryGetProperty(name, out var value))
            {
                w.WritePropertyName(name);
                value.WriteTo(w);
            }
        }
        w.WriteString("coupon_code", coupon.Code);
        w.WriteString("stock_id", stock.StockId);
        w.WriteString("available_start_time", SandboxJson.Time(coupon.AvailableStart));
        w.WriteString("expire_time", SandboxJson.Time(coupon.ExpireTime));
        w.WriteString("receive_time", SandboxJson.Time(coupon.ReceiveTime));
        w.WriteString("send_request_no", coupon.SendRequestNo);
        if (coupon.UseRequestNo is not null)
            w.WriteString("use_request_no", coupon.UseRequestNo);
        if (coupon.UseTime is { } used)
            w.WriteString("use_time", SandboxJson.Time(used));
        if (coupon.AssociatedOutTradeNo is not null)
            w.WriteString("associate_out_trade_no", coupon.AssociatedOutTradeNo);
        if (coupon.ReturnRequestNo is not null)
            w.WriteString("return_request_no", coupon.ReturnRequestNo);
        if (coupon.ReturnTime is { } returned)
            w.WriteString("return_time", SandboxJson.Time(returned));
        if (coupon.DeactivateRequestNo is not null)
            w.WriteString("deactivate_request_no", coupon.DeactivateRequestNo);
        if (coupon.DeactivateTime is { } deactivated)
            w.WriteString("deactivate_time", SandboxJson.Time(deactivated));
        if (coupon.DeactivateReason is not null)
            w.WriteString("deactivate_reason", coupon.DeactivateReason);
        w.WriteEndObject();
    }

    // 申请退券: a used coupon becomes usable again.
    private ApiResult ReturnCoupon(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var couponCode = JsonBody.RequiredString(body, "coupon_code");
        var stockId = JsonBody.RequiredString(body, "stock_id");
        var requestNo = JsonBody.RequiredString(body, "return_request_no");
        lock (_gate)
        {
            var coupon = RequireCoupon(context, stockId, couponCode);
            if (coupon.ReturnRequestNo != requestNo)
            {
                if (coupon.State != "USED")
                    throw SandboxError.InvalidRequest($"券{couponCode}未核销，不可退券 (only a used coupon can be returned)");
                coupon.State = "SENDED";
                coupon.ReturnRequestNo = requestNo;
                coupon.ReturnTime = Now;
                coupon.UseRequestNo = null;
                coupon.UseTime = null;
                coupon.WechatpayUseTime = null;
            }
            return Timestamp("wechatpay_return_time", coupon.ReturnTime!.Value);
        }
    }

    // 使券失效: an unused coupon can no longer be used.
    private ApiResult DeactivateCoupon(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var couponCode = JsonBody.RequiredString(body, "coupon_code");
        var stockId = JsonBody.RequiredString(body, "stock_id");
        var requestNo = JsonBody.RequiredString(body, "deactivate_request_no");
        var reason = PaymentRules.OptionalText(body, "deactivate_reason", 150);
        lock (_gate)
        {
            var coupon = RequireCoupon(context, stockId, couponCode);
            if (coupon.DeactivateRequestNo != requestNo)
            {
                if (StateOf(coupon) != "SENDED")
                    throw SandboxError.InvalidRequest($"券{couponCode}状态为{StateOf(coupon)}，不可失效 (only an unused coupon can be deactivated)");
                coupon.State = "DEACTIVATED";
                coupon.DeactivateRequestNo = requestNo;
                coupon.DeactivateTime = Now;
                coupon.DeactivateReason = reason;
            }
            return Timestamp("wechatpay_deactivate_time", coupon.DeactivateTime!.Value);
        }
    }

    // 关联订单信息 / 取消关联订单信息: only a used coupon is associated, with one order at a time.
    private ApiResult AssociateTrade(RouteContext context) => ChangeAssociation(context, associate: true);

    private ApiResult DisassociateTrade(RouteContext context) => ChangeAssociation(context, associate: false);

    private ApiResult ChangeAssociation(RouteContext context, bool associate)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var stockId = JsonBody.RequiredString(body, "stock_id");
        var couponCode = JsonBody.RequiredString(body, "coupon_code");
        var outTradeNo = JsonBody.RequiredString(body, "out_trade_no");
        JsonBody.RequiredString(body, "out_request_no");
        lock (_gate)
        {
            var coupon = RequireCoupon(context, stockId, couponCode);
            if (coupon.State != "USED")
                throw SandboxError.InvalidRequest($"券{couponCode}未核销，不可关联订单 (only a used coupon has an order)");
            if (associate)
            {
                if (coupon.AssociatedOutTradeNo is { } existing && existing != outTradeNo)
                    throw SandboxError.InvalidRequest($"券{couponCode}已关联订单{existing} (the coupon is associated with another order)");
                coupon.AssociatedOutTradeNo = outTradeNo;
                return Timestamp("wechatpay_associate_time", Now);
            }
            if (coupon.AssociatedOutTradeNo != outTradeNo)
                throw SandboxError.InvalidRequest($"券{couponCode}未关联订单{outTradeNo} (the coupon is not associated with this order)");
            coupon.AssociatedOutTradeNo = null;
            return Timestamp("wechatpay_disassociate_time", Now);
        }
    }

    private Coupon RequireCoupon(RouteContext context, string stockId, string couponCode)
    {
        FindStock(context, stockId);
        return FindCoupon(context.Merchant.MerchantId, stockId, couponCode)
            ?? throw SandboxError.NotExists($"券{couponCode}不存在 (no such coupon in stock {stockId})");
    }

    private static ApiResult Timestamp(string name, DateTimeOffset time) => ApiResult.Ok(SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString(name, SandboxJson.Time(time));
        w.WriteEndObject();
    }));
}
