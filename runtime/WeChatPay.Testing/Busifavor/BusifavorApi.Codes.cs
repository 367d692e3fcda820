using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Busifavor;

// One pre-stored code: 查询预存code详情 and 删除预存code.
internal sealed partial class BusifavorApi
{
    private ApiResult QueryCode(RouteContext context)
    {
        lock (_gate)
        {
            var stock = FindStock(context, context.Path("stock_id"));
            var entry = FindCode(stock, context.Path("coupon_code"));
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("code_information");
                w.WriteString("code", entry.Code);
                w.WriteString("code_status", entry.Status);
                w.WriteString("upload_time", entry.UploadTimeText);
                if (entry.DispatchedTime is { } dispatched)
                {
                    w.WriteString("dispatched_time", SandboxJson.Time(dispatched));
                    w.WriteString("openid", entry.OpenId);
                    w.WriteString("coupon_code", entry.Code);
                }
                w.WriteEndObject();
                if (stock.Coupons.TryGetValue(entry.Code, out var coupon))
                {
                    w.WritePropertyName("coupon_information");
                    WriteCoupon(w, coupon);
                }
                w.WriteEndObject();
            }));
        }
    }

    // Only a code not yet handed out can be deleted; it then no longer counts in the stock's codes.
    private ApiResult DeleteCode(RouteContext context)
    {
        if (!context.Query.TryGetValue("delete_request_no", out var requestNo) || requestNo.Length == 0)
            throw SandboxError.ParamError("delete_request_no必填 (delete_request_no is required)", "delete_request_no", "required field is missing", "query");
        lock (_gate)
        {
            var stock = FindStock(context, context.Path("stock_id"));
            var code = context.Path("coupon_code");
            if (!stock.Deletions.TryGetValue(requestNo, out var deleted))
            {
                var entry = FindCode(stock, code);
                if (entry.Status != "AVAILABLE")
                    throw SandboxError.InvalidRequest($"code {code}已发放，不可删除 (a dispatched code cannot be deleted)");
                stock.Codes.Remove(entry);
                stock.CodeIndex.Remove(code);
                deleted = Now;
                stock.Deletions[requestNo] = deleted;
            }
            return ApiResult.Ok(SandboxJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("stock_id", stock.StockId);
                w.WriteString("delete_time", SandboxJson.Time(deleted));
                w.WriteEndObject();
            }));
        }
    }

    private static CodeEntry FindCode(Stock stock, string code) =>
        stock.CodeIndex.TryGetValue(code, out var entry)
            ? entry
            : throw SandboxError.NotExists($"批次{stock.StockId}中不存在code {code} (no such pre-stored code)");
}
