using System.Net;
using WeChatPay.Apis.Busifavor;
using static WeChatPay.Apis.Tests.Busifavor.BusifavorSandbox;

namespace WeChatPay.Apis.Tests.Busifavor;

/// <summary>
/// 营销补差回退 and its query through the generated client against the sandbox served by Kestrel over a real socket:
/// a return needs a paid subsidy receipt, the returns add up to at most what was paid, and each rule is one test.
/// </summary>
public sealed class SubsidyReturnTests : IAsyncLifetime
{
    private const string TransactionId = "4200000913202101152566792388";
    private const string RefundId = "50100506732021010105138718375";

    private BusifavorSandbox _sandbox = null!;

    private IBusifavorApi Api => _sandbox.Api;

    private string MerchantId => _sandbox.Merchant.MerchantId;

    public async Task InitializeAsync() => _sandbox = await StartOnLoopbackAsync();

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A used coupon and its subsidy pay receipt of 100 fen.</summary>
    private async Task<SubsidyPayReceipt> PaidAsync(long amount = 100)
    {
        var (stockId, code) = await _sandbox.SendAsync();
        await _sandbox.UseAsync(stockId, code);
        return (await Api.CreateSubsidyPayReceiptAsync(new SubsidyPayRequest
        {
            StockId = stockId, CouponCode = code, TransactionId = TransactionId, PayerMerchant = MerchantId,
            PayeeMerchant = MerchantId, Amount = amount, Description = "营销补差", OutSubsidyNo = NewNo("SUB"),
        })).Value;
    }

    private static SubsidyReturnRequest Return(SubsidyPayReceipt paid, long amount, string? outNo = null) => new()
    {
        StockId = paid.StockId,
        CouponCode = paid.CouponCode,
        TransactionId = paid.TransactionId,
        RefundId = RefundId,
        PayerMerchant = paid.PayerMerchant,
        PayeeMerchant = paid.PayeeMerchant,
        Amount = amount,
        Description = "订单退款，回退补差",
        OutSubsidyReturnNo = outNo ?? NewNo("RET-"),
    };

    private async Task<WeChatPayApiException> ReturnFails(SubsidyReturnRequest request) =>
        await Assert.ThrowsAsync<WeChatPayApiException>(() => Api.CreateSubsidyReturnReceiptAsync(request));

    [Fact]
    public async Task A_paid_subsidy_is_returned_and_the_return_receipt_queried()
    {
        var paid = await PaidAsync();
        var request = Return(paid, 30);

        var returned = await Api.CreateSubsidyReturnReceiptAsync(request);
        var queried = Api.GetSubsidyReturnReceipt(returned.Value.SubsidyReturnReceiptId!);
        var queriedAsync = (await Api.GetSubsidyReturnReceiptAsync(returned.Value.SubsidyReturnReceiptId!)).Value;

        Assert.True(returned.IsSignatureVerified && queried.IsSignatureVerified);
        var receipt = returned.Value;
        Assert.Equal(SubsidyReturnReceiptStatus.Success, receipt.Status);
        Assert.Equal((paid.SubsidyReceiptId, RefundId, 30L), (receipt.SubsidyReceiptId, receipt.RefundId, receipt.Amount));
        Assert.Equal((paid.StockId, paid.CouponCode, TransactionId), (receipt.StockId, receipt.CouponCode, receipt.TransactionId));
        Assert.Equal((MerchantId, MerchantId), (receipt.PayerMerchant, receipt.PayeeMerchant));
        Assert.Equal((request.Description, request.OutSubsidyReturnNo), (receipt.Description, receipt.OutSubsidyReturnNo));
        Assert.NotNull(receipt.ReturnDoneTime);
        Assert.NotNull(receipt.ReturnCreateTime);
        Assert.InRange(receipt.SubsidyReturnReceiptId!.Length, 28, 32);
        Assert.Equal(receipt.OutSubsidyReturnNo, queried.Value.OutSubsidyReturnNo);
        Assert.Equal((receipt.Amount, receipt.Status), (queriedAsync.Amount, queriedAsync.Status));
    }

    [Fact]
    public async Task A_partial_return_marks_the_pay_receipt_PARTIAL_RETURN()
    {
        var paid = await PaidAsync();

        await Api.CreateSubsidyReturnReceiptAsync(Return(paid, 40));

        Assert.Equal(SubsidyReceiptStatus.PartialReturn, Api.GetSubsidyPayReceipt(paid.SubsidyReceiptId).Value.Status);
    }

    [Fact]
    public async Task Returns_may_add_up_to_the_subsidy_which_marks_the_pay_receipt_FULL_RETURN()
    {
        var paid = await PaidAsync();

        Api.CreateSubsidyReturnReceipt(Return(paid, 60));
        await Api.CreateSubsidyReturnReceiptAsync(Return(paid, 40));

        Assert.Equal(SubsidyReceiptStatus.FullReturn, Api.GetSubsidyPayReceipt(paid.SubsidyReceiptId).Value.Status);
    }

    [Fact]
    public async Task A_return_above_what_was_paid_is_INVALID_REQUEST_and_returns_nothing()
    {
        var paid = await PaidAsync();

        var error = await ReturnFails(Return(paid, 101));

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (error.StatusCode, error.Code));
        Assert.Equal(SubsidyReceiptStatus.Success, Api.GetSubsidyPayReceipt(paid.SubsidyReceiptId).Value.Status);
    }

    [Fact]
    public async Task A_return_beyond_what_is_left_after_earlier_returns_is_INVALID_REQUEST()
    {
        var paid = await PaidAsync();
        await Api.CreateSubsidyReturnReceiptAsync(Return(paid, 70));

        var error = await ReturnFails(Return(paid, 31));

        Assert.Equal("INVALID_REQUEST", error.Code);
    }

    [Fact]
    public async Task The_same_out_subsidy_return_no_answers_the_same_receipt_and_returns_once()
    {
        var paid = await PaidAsync();
        var request = Return(paid, 80);

        var first = (await Api.CreateSubsidyReturnReceiptAsync(request)).Value;
        var again = (await Api.CreateSubsidyReturnReceiptAsync(request)).Value;
        var rest = (await Api.CreateSubsidyReturnReceiptAsync(Return(paid, 20))).Value;

        Assert.Equal(first.SubsidyReturnReceiptId, again.SubsidyReturnReceiptId);
        Assert.Equal(20, rest.Amount);
    }

    [Fact]
    public async Task A_return_for_a_coupon_never_subsidised_is_RESOURCE_NOT_EXISTS()
    {
        var (stockId, code) = await _sandbox.SendAsync();
        await _sandbox.UseAsync(stockId, code);
        var unpaid = new SubsidyPayReceipt { StockId = stockId, CouponCode = code, TransactionId = TransactionId, PayerMerchant = MerchantId, PayeeMerchant = MerchantId };

        var error = await ReturnFails(Return(unpaid, 1));

        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task A_return_naming_another_transaction_is_RESOURCE_NOT_EXISTS()
    {
        var paid = await PaidAsync();
        var request = Return(paid, 10);
        request.TransactionId = "4200000913202101152566799999";

        var error = await ReturnFails(request);

        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS"), (error.StatusCode, error.Code));
    }

    [Fact]
    public async Task A_payee_other_than_the_pay_receipts_is_PARAM_ERROR()
    {
        var paid = await PaidAsync();
        var request = Return(paid, 10);
        request.PayeeMerchant = "1900000002";

        var error = await ReturnFails(request);

        Assert.Equal(("PARAM_ERROR", "/payee_merchant"), (error.Code, error.Detail?.Field));
    }

    [Fact]
    public async Task A_payer_other_than_the_caller_is_PARAM_ERROR()
    {
        var paid = await PaidAsync();
        var request = Return(paid, 10);
        request.PayerMerchant = "1900000002";

        var error = await ReturnFails(request);

        Assert.Equal(("PARAM_ERROR", "/payer_merchant"), (error.Code, error.Detail?.Field));
    }

    [Fact]
    public async Task A_zero_amount_is_PARAM_ERROR()
    {
        var paid = await PaidAsync();

        var error = await ReturnFails(Return(paid, 0));

        Assert.Equal(("PARAM_ERROR", "/amount"), (error.Code, error.Detail?.Field));
    }

    [Fact]
    public async Task An_out_subsidy_return_no_with_other_characters_is_PARAM_ERROR()
    {
        var paid = await PaidAsync();

        var error = await ReturnFails(Return(paid, 10, outNo: "RET#1"));

        Assert.Equal(("PARAM_ERROR", "/out_subsidy_return_no"), (error.Code, error.Detail?.Field));
    }

    [Fact]
    public async Task An_unknown_return_receipt_is_RESOURCE_NOT_EXISTS()
    {
        var error = await Assert.ThrowsAsync<WeChatPayApiException>(() => Api.GetSubsidyReturnReceiptAsync("2120200119165100000000000001"));

        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_NOT_EXISTS"), (error.StatusCode, error.Code));
    }
}
