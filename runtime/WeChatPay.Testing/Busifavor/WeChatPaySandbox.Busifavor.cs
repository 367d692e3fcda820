using WeChatPay.Testing.Gateway;
using WeChatPay.Testing.Payments;

namespace WeChatPay.Testing;

// 商家券 set-up that WeChat Pay does in the merchant platform, not through the API.
public sealed partial class WeChatPaySandbox
{
    /// <summary>
    /// Creates a consumption card (消费卡) of <paramref name="merchant"/>, as the merchant platform does, so that
    /// <c>POST /v3/marketing/busifavor/coupons/{card_id}/send</c> can issue it; the control route
    /// <c>POST /sandbox/v1/marketing/busifavor/cards</c> does the same. Returns the <c>card_id</c>.
    /// </summary>
    /// <param name="merchant">The merchant that sends the card.</param>
    /// <param name="appId">The card's appid (<c>wx</c> and 16 letters or digits); a send must name it.</param>
    /// <param name="quantity">How many users can receive it; unlimited when null.</param>
    /// <param name="cardId">The card ID (1–28 letters, digits, <c>_</c> or <c>-</c>); generated when null.</param>
    /// <exception cref="ArgumentException">The appid, quantity or card ID is malformed, or the card ID is taken.</exception>
    public string CreateConsumptionCard(SandboxMerchant merchant, string appId, long? quantity = null, string? cardId = null)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        if (!PaymentRules.LooksLikeAppId(appId))
            throw new ArgumentException("An appid is wx and 16 letters or digits.", nameof(appId));
        try
        {
            using var card = System.Text.Json.JsonDocument.Parse(_busifavor.CreateCard(merchant.MerchantId, appId, quantity, cardId));
            return card.RootElement.GetProperty("card_id").GetString()!;
        }
        catch (SandboxError error)
        {
            throw new ArgumentException(error.Code + ": " + error.Message, error.Code == "PARAM_ERROR" && error.Detail?.Field == "/quantity" ? nameof(quantity) : nameof(cardId));
        }
    }
}
