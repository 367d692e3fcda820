using System.Net;
using System.Text.Json.Nodes;
using WeChatPay.Apis.Busifavor;
using static WeChatPay.Apis.Tests.Busifavor.BusifavorSandbox;

namespace WeChatPay.Apis.Tests.Busifavor;

/// <summary>
/// 发放消费卡 through the generated client against the sandbox served by Kestrel over a real socket: a consumption
/// card comes from the sandbox's card registry, not from a stock, and each rule of the send is one test.
/// </summary>
public sealed class ConsumptionCardTests : IAsyncLifetime
{
    private BusifavorSandbox _sandbox = null!;

    private IBusifavorApi Api => _sandbox.Api;

    public async Task InitializeAsync() => _sandbox = await StartOnLoopbackAsync();

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    private static SendConsumptionCardRequest Send(string? outRequestNo = null, DateTimeOffset? sendTime = null, string openid = OpenId) => new()
    {
        Appid = AppId,
        Openid = openid,
        OutRequestNo = outRequestNo ?? NewNo("CARD"),
        SendTime = sendTime ?? Now(),
    };

    private async Task<WeChatPayApiException> SendFails(string cardId, SendConsumptionCardRequest request) =>
        await Assert.ThrowsAsync<WeChatPayApiException>(() => Api.SendConsumptionCardAsync(cardId, request));

    [Fact]
    public async Task A_card_is_sent_with_a_verified_card_code_of_at_most_15_characters()
    {
        var cardId = _sandbox.CreateCard();

        var sent = await Api.SendConsumptionCardAsync(cardId, Send());
        var sentSync = Api.SendConsumptionCard(cardId, Send());

        Assert.True(sent.IsSignatureVerified);
        Assert.InRange(sent.Value.CardCode.Length, 1, 15);
        Assert.InRange(sentSync.Value.CardCode.Length, 1, 15);
        Assert.NotEqual(sent.Value.CardCode, sentSync.Value.CardCode);
    }

    [Fact]
    public async Task The_same_out_request_no_and_send_time_answer_the_same_card_code()
    {
        var cardId = _sandbox.CreateCard(quantity: 2);
        var request = Send();

        var first = (await Api.SendConsumptionCardAsync(cardId, request)).Value.CardCode;
        var again = (await Api.SendConsumptionCardAsync(cardId, request)).Value.CardCode;

        Assert.Equal(first, again);
        Assert.Equal(1, (await CardAsync(cardId))["sent_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_same_out_request_no_with_another_send_time_is_another_send()
    {
        var cardId = _sandbox.CreateCard();
        var request = Send();

        var first = (await Api.SendConsumptionCardAsync(cardId, request)).Value.CardCode;
        request.SendTime = request.SendTime.AddSeconds(1);
        var later = (await Api.SendConsumptionCardAsync(cardId, request)).Value.CardCode;

        Assert.NotEqual(first, later);
    }

    [Fact]
    public async Task A_reused_out_request_no_and_send_time_for_another_user_is_RESOURCE_ALREADY_EXISTS()
    {
        var cardId = _sandbox.CreateCard();
        var request = Send();
        await Api.SendConsumptionCardAsync(cardId, request);

        var error = await SendFails(cardId, Send(request.OutRequestNo, request.SendTime, openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS7p"));

        Assert.Equal((HttpStatusCode.BadRequest, "RESOURCE_ALREADY_EXISTS"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task An_unknown_card_is_RESOURCE_NOT_EXISTS()
    {
        var error = await SendFails("pIJMr5MMiIkO_93VtPyIiEk2DZ4w", Send());

        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task A_stock_is_not_a_card()
    {
        var stockId = await _sandbox.CreateStockAsync(CouponCodeMode.WechatpayMode);

        var error = await SendFails(stockId, Send());

        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task Another_merchants_card_is_RESOURCE_NOT_EXISTS()
    {
        var other = _sandbox.Sandbox.CreateMerchant();
        var cardId = _sandbox.Sandbox.CreateConsumptionCard(other, AppId);

        var error = await SendFails(cardId, Send());

        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task An_appid_other_than_the_cards_is_APPID_MCHID_NOT_MATCH()
    {
        var cardId = _sandbox.Sandbox.CreateConsumptionCard(_sandbox.Merchant, "wx0000000000000001");

        var error = await SendFails(cardId, Send());

        Assert.Equal((HttpStatusCode.BadRequest, "APPID_MCHID_NOT_MATCH"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task An_exhausted_card_is_INVALID_REQUEST_and_its_sends_still_answer()
    {
        var cardId = _sandbox.CreateCard(quantity: 1);
        var first = Send();
        var code = (await Api.SendConsumptionCardAsync(cardId, first)).Value.CardCode;

        var error = await SendFails(cardId, Send());
        var resend = (await Api.SendConsumptionCardAsync(cardId, first)).Value.CardCode;

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (error.StatusCode, error.Code));
        Assert.Equal(code, resend);
    }

    [Fact]
    public async Task A_send_time_more_than_24_hours_ago_is_PARAM_ERROR()
    {
        var cardId = _sandbox.CreateCard();

        var error = await SendFails(cardId, Send(sendTime: Now().AddHours(-25)));

        Assert.Equal(("PARAM_ERROR", "/send_time"), (error.Code, error.Detail?.Field));
    }

    [Fact]
    public async Task An_out_request_no_longer_than_32_characters_is_PARAM_ERROR()
    {
        var cardId = _sandbox.CreateCard();

        var error = await SendFails(cardId, Send(outRequestNo: new string('A', 33)));

        Assert.Equal(("PARAM_ERROR", "/out_request_no"), (error.Code, error.Detail?.Field));
    }

    [Fact]
    public async Task An_openid_longer_than_28_characters_is_PARAM_ERROR()
    {
        var cardId = _sandbox.CreateCard();

        var error = await SendFails(cardId, Send(openid: new string('o', 29)));

        Assert.Equal(("PARAM_ERROR", "/openid"), (error.Code, error.Detail?.Field));
    }

    [Fact]
    public async Task The_control_route_creates_a_card_with_the_id_asked_for()
    {
        var created = (await _sandbox.Client["sandbox/v1/marketing/busifavor/cards"].PostAsync(new ChainRequestOptions
        {
            Json = new JsonObject { ["appid"] = AppId, ["card_id"] = "pCARD_made_over_the_socket", ["quantity"] = 5 },
        })).Json!;
        var code = (await Api.SendConsumptionCardAsync("pCARD_made_over_the_socket", Send())).Value.CardCode;
        var taken = await Assert.ThrowsAsync<WeChatPayApiException>(() => _sandbox.Client["sandbox/v1/marketing/busifavor/cards"].PostAsync(new ChainRequestOptions
        {
            Json = new JsonObject { ["appid"] = AppId, ["card_id"] = "pCARD_made_over_the_socket" },
        }));

        Assert.Equal(("pCARD_made_over_the_socket", 5), (created["card_id"]!.GetValue<string>(), created["quantity"]!.GetValue<int>()));
        Assert.False(string.IsNullOrEmpty(code));
        Assert.Equal(1, (await CardAsync("pCARD_made_over_the_socket"))["sent_count"]!.GetValue<int>());
        Assert.Equal("RESOURCE_ALREADY_EXISTS", taken.Code);
    }

    private async Task<JsonNode> CardAsync(string cardId) => (await _sandbox.Client["sandbox/v1/marketing/busifavor/cards/{card_id}"].GetAsync(new ChainRequestOptions
    {
        PathValues = { ["card_id"] = cardId },
    })).Json!;
}
