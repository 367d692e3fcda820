using System.Globalization;
using System.Text.Json.Nodes;

namespace WeChatPay.Tool.Tests;

/// <summary>Request bodies for the sandbox's 商家券 endpoints.</summary>
internal static class Stocks
{
    /// <summary>A stock definition with every required field, in MERCHANT_UPLOAD mode.</summary>
    public static string Definition(string merchantId)
    {
        var begin = DateTimeOffset.UtcNow.AddDays(-1).ToOffset(TimeSpan.FromHours(8));
        return new JsonObject
        {
            ["stock_name"] = "工具测试券",
            ["belong_merchant"] = merchantId,
            ["comment"] = "tool test stock",
            ["goods_name"] = "全场可用",
            ["stock_type"] = "NORMAL",
            ["coupon_use_rule"] = new JsonObject
            {
                ["coupon_available_time"] = new JsonObject
                {
                    ["available_begin_time"] = begin.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                    ["available_end_time"] = begin.AddDays(60).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                },
                ["fixed_normal_coupon"] = new JsonObject { ["discount_amount"] = 500, ["transaction_minimum"] = 1000 },
                ["use_method"] = "OFF_LINE",
            },
            ["stock_send_rule"] = new JsonObject { ["max_coupons"] = 10, ["max_coupons_per_user"] = 1 },
            ["out_request_no"] = "tool-" + Guid.NewGuid().ToString("N"),
            ["coupon_code_mode"] = "MERCHANT_UPLOAD",
        }.ToJsonString();
    }
}
