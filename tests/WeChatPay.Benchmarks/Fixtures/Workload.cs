using System.Globalization;
using System.Text;

namespace WeChatPay.Benchmarks.Fixtures;

/// <summary>The requests every contender sends and the constant answers the in-memory gateway returns.</summary>
public static class Workload
{
    public const string StockId = "1212000000000000000000042";
    public const string CodesPath = "v3/marketing/busifavor/stocks/" + StockId + "/couponcodes";
    public const string ListQuery = "?status=AVAILABLE&appid=wx233544546545989&offset=0&limit=10";
    public const string Status = "AVAILABLE";
    public const string AppId = "wx233544546545989";
    public const int Offset = 0;
    public const int Limit = 10;
    public const int UploadBatch = 20;

    /// <summary>A batch of 20 codes: 18 new, one invalid (a space) and one repeated.</summary>
    public static UploadCouponCodesRequest UploadRequest()
    {
        var codes = new List<string>(UploadBatch);
        for (var i = 0; i < UploadBatch - 2; i++)
            codes.Add("ABC" + i.ToString("D8", CultureInfo.InvariantCulture));
        codes.Add("bad code");
        codes.Add(codes[0]);
        return new UploadCouponCodesRequest { CouponCodeList = codes, UploadRequestNo = "100002322019090134234sfdf" };
    }

    public static byte[] UploadResponseBody()
    {
        var codes = UploadRequest().CouponCodeList;
        var json = new StringBuilder();
        json.Append("{\"stock_id\":\"").Append(StockId).Append("\",\"total_count\":").Append(codes.Count)
            .Append(",\"success_count\":").Append(codes.Count - 2).Append(",\"success_codes\":[");
        for (var i = 0; i < codes.Count - 2; i++)
            json.Append(i == 0 ? "" : ",").Append('"').Append(codes[i]).Append('"');
        json.Append("],\"success_time\":\"2026-11-29T13:29:35+08:00\",\"fail_count\":1,")
            .Append("\"fail_codes\":[{\"coupon_code\":\"bad code\",\"code\":\"LENGTH_LIMIT\",\"message\":\"长度超过最大值32位\"}],")
            .Append("\"exist_codes\":[],\"duplicate_codes\":[\"").Append(codes[0]).Append("\"]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    public static byte[] ListResponseBody()
    {
        var json = new StringBuilder();
        json.Append("{\"stock_id\":\"").Append(StockId).Append("\",\"total_count\":18,\"limit\":10,\"offset\":0,\"data\":[");
        for (var i = 0; i < Limit; i++)
        {
            var code = "ABC" + i.ToString("D8", CultureInfo.InvariantCulture);
            json.Append(i == 0 ? "" : ",")
                .Append("{\"code\":\"").Append(code).Append("\",\"code_status\":\"AVAILABLE\",")
                .Append("\"upload_time\":\"2026-11-29T13:29:35+08:00\",")
                .Append(i % 2 == 0 ? "\"dispatched_time\":\"2026-11-29T14:00:00+08:00\",\"openid\":\"oK7fFt8zzEZ909XH-LE2#\",\"unionid\":\"oK7fFt8zzEZ909XH-LE2#u\"," : "")
                .Append("\"coupon_code\":\"").Append(code).Append("\"}");
        }
        json.Append("]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
