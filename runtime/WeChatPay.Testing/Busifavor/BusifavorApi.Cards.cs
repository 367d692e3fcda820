using System.Globalization;
using WeChatPay.Testing.Crypto;
using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing.Busifavor;

// 发放消费卡: consumption cards are made in the merchant platform, so the sandbox keeps a registry that the control
// route POST /sandbox/v1/marketing/busifavor/cards (or WeChatPaySandbox.CreateConsumptionCard) fills.
internal sealed partial class BusifavorApi
{
    public const int MaxCardIdLength = 28;

    private readonly Dictionary<string, ConsumptionCard> _cards = new(StringComparer.Ordinal);

    /// <summary>Registers a card of <paramref name="merchantId"/> owned by <paramref name="appId"/>; returns it as the control route answers.</summary>
    public byte[] CreateCard(string merchantId, string appId, long? quantity, string? cardId)
    {
        if (quantity is < 1)
            throw SandboxError.ParamError("quantity应为正整数 (quantity must be at least 1)", "/quantity", "must be at least 1",
                value: quantity.Value.ToString(CultureInfo.InvariantCulture));
        if (cardId is not null && (cardId.Length is 0 or > MaxCardIdLength || !cardId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            throw SandboxError.ParamError($"card_id应为1到{MaxCardIdLength}个字母、数字、_或- (card_id must be 1 to {MaxCardIdLength} letters, digits, _ or -)",
                "/card_id", $"must be 1 to {MaxCardIdLength} letters, digits, _ or -", value: cardId);
        lock (_gate)
        {
            if (cardId is null)
            {
                // Like WeChat's card IDs: "p" and 27 more characters.
                do cardId = "p" + SandboxRandom.Alphanumeric(MaxCardIdLength - 1);
                while (_cards.ContainsKey(cardId));
            }
            else if (_cards.ContainsKey(cardId))
                throw new SandboxError(400, "RESOURCE_ALREADY_EXISTS", $"消费卡{cardId}已存在 (card_id is taken)");
            var card = new ConsumptionCard(cardId, merchantId, appId, quantity, Now);
            _cards[cardId] = card;
            return WriteCard(card);
        }
    }

    private ApiResult CreateCardRoute(RouteContext context)
    {
        var body = JsonBody.ParseObject(context.Request.Body);
        var appId = PaymentRules.AppId(body, "appid");
        long? quantity = body.TryGetProperty("quantity", out var q) && q.ValueKind != System.Text.Json.JsonValueKind.Null
            ? JsonBody.RequiredInteger(body, "quantity") : null;
        var cardId = JsonBody.OptionalString(body, "card_id");
        return ApiResult.Ok(CreateCard(context.Merchant.MerchantId, appId, quantity, cardId));
    }

    private ApiResult QueryCardRoute(RouteContext context)
    {
        lock (_gate)
            return ApiResult.Ok(WriteCard(FindCard(context, context.Path("card_id"))));
    }

    // ---- 发放消费卡 POST /v3/marketing/busifavor/coupons/{card_id}/send ----------------------------------------------

    private ApiResult SendCard(RouteContext context)
    {
        var cardId = context.Path("card_id");
        if (cardId.Length > MaxCardIdLength)
            throw SandboxError.ParamError($"card_id长度不能超过{MaxCardIdLength} (card_id is longer than {MaxCardIdLength})", "card_id",
                $"must be at most {MaxCardIdLength} characters", "path", cardId);
        var body = JsonBody.ParseObject(context.Request.Body);
        var appId = PaymentRules.Text(body, "appid", 18);
        var openId = PaymentRules.Text(body, "openid", 28);
        var outRequestNo = PaymentRules.Text(body, "out_request_no", 32);
        var sendTime = JsonBody.RequiredTime(body, "send_time");
        if (sendTime < Now.AddHours(-24))
            throw SandboxError.ParamError("send_time不能早于当前时间24小时以上 (send_time is more than 24 hours ago)", "/send_time",
                "must not be more than 24 hours before now", value: SandboxJson.Time(sendTime));

        lock (_gate)
        {
            var card = FindCard(context, cardId);
            if (appId != card.AppId)
                throw new SandboxError(400, "APPID_MCHID_NOT_MATCH", $"appid与消费卡{cardId}的归属appid不一致 (appid is not the card's appid)");
            // A send is unique on out_request_no together with send_time: the same pair answers the same card_code.
            var key = outRequestNo + "\n" + sendTime.UtcTicks.ToString(CultureInfo.InvariantCulture);
            if (card.Sends.TryGetValue(key, out var first))
            {
                if (first.OpenId != openId)
                    throw new SandboxError(400, "RESOURCE_ALREADY_EXISTS", $"out_request_no {outRequestNo}已用于另一用户的发卡请求 (out_request_no and send_time were used for another openid)");
                return CardCode(first.Code);
            }
            if (card.Quantity is { } quantity && card.Codes.Count >= quantity)
                throw SandboxError.InvalidRequest($"消费卡{cardId}已发完，共{quantity}张 (the card has no stock left)");
            // Every send gets a code of its own, unique under the card_id.
            string code;
            do code = SandboxRandom.Digits(12);
            while (card.Codes.Contains(code));
            card.Codes.Add(code);
            card.Sends[key] = (openId, code);
            return CardCode(code);
        }
    }

    private ConsumptionCard FindCard(RouteContext context, string cardId)
    {
        // Another merchant's card is as absent as one that never existed.
        if (_cards.TryGetValue(cardId, out var card) && card.Owner == context.Merchant.MerchantId)
            return card;
        throw SandboxError.NotExists($"消费卡{cardId}不存在 (no such card_id; create it with POST /sandbox/v1/marketing/busifavor/cards)");
    }

    private static ApiResult CardCode(string code) => ApiResult.Ok(SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("card_code", code);
        w.WriteEndObject();
    }));

    private static byte[] WriteCard(ConsumptionCard card) => SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("card_id", card.CardId);
        w.WriteString("appid", card.AppId);
        if (card.Quantity is { } quantity)
            w.WriteNumber("quantity", quantity);
        w.WriteNumber("sent_count", card.Codes.Count);
        w.WriteString("create_time", SandboxJson.Time(card.CreateTime));
        w.WriteEndObject();
    });

    private sealed class ConsumptionCard(string cardId, string owner, string appId, long? quantity, DateTimeOffset createTime)
    {
        public string CardId { get; } = cardId;
        public string Owner { get; } = owner;
        public string AppId { get; } = appId;
        public long? Quantity { get; } = quantity;
        public DateTimeOffset CreateTime { get; } = createTime;
        public HashSet<string> Codes { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (string OpenId, string Code)> Sends { get; } = new(StringComparer.Ordinal);
    }
}
