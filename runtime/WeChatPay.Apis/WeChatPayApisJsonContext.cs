using System.Text.Json.Serialization;
using WeChatPay.Apis.Bills;
using WeChatPay.Apis.Certificates;
using WeChatPay.Apis.Busifavor;
using WeChatPay.Apis.Favor;
using WeChatPay.Apis.Complaints;
using WeChatPay.Apis.Payments;
using WeChatPay.Apis.Payments.Combine;
using WeChatPay.Apis.Payments.Partner;
using WeChatPay.Apis.ProfitSharing;
using WeChatPay.Apis.Refunds;
using WeChatPay.Apis.Transfers;
using WeChatPay.Apis.Json;

namespace WeChatPay.Apis;

/// <summary>
/// The JSON metadata of every request, answer and notification resource in this library (System.Text.Json's source
/// generator: snake_case names, nulls left out, times in whole seconds with their offset). Pass <c>Default.Transaction</c>,
/// <c>Default.RefundNotice</c> or <c>Default.FavorCoupon</c> to <c>client.ParseNotificationAsync</c>.
/// generator: snake_case names, nulls left out, times in whole seconds with their offset). Pass <c>Default.Transaction</c> or
/// <c>Default.RefundNotice</c> (or <c>Default.ComplaintNotice</c>) to <c>client.ParseNotificationAsync</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(WireTimeConverter)])]
[JsonSerializable(typeof(PrepayRequest))]
[JsonSerializable(typeof(PrepayResponse))]
[JsonSerializable(typeof(H5PrepayResponse))]
[JsonSerializable(typeof(NativePrepayResponse))]
[JsonSerializable(typeof(Transaction))]
[JsonSerializable(typeof(CloseOrderRequest))]
[JsonSerializable(typeof(JsapiPaymentParameters))]
[JsonSerializable(typeof(AppPaymentParameters))]
[JsonSerializable(typeof(PartnerPrepayRequest))]
[JsonSerializable(typeof(PartnerTransaction))]
[JsonSerializable(typeof(PartnerCloseOrderRequest))]
[JsonSerializable(typeof(CombinePrepayRequest))]
[JsonSerializable(typeof(CombineTransaction))]
[JsonSerializable(typeof(CombineCloseRequest))]
[JsonSerializable(typeof(RefundRequest))]
[JsonSerializable(typeof(Refund))]
[JsonSerializable(typeof(AbnormalRefundRequest))]
[JsonSerializable(typeof(RefundNotice))]
[JsonSerializable(typeof(Bill))]
[JsonSerializable(typeof(SubMerchantFundFlowBill))]
[JsonSerializable(typeof(TransferBillRequest))]
[JsonSerializable(typeof(TransferBillCreated))]
[JsonSerializable(typeof(TransferBill))]
[JsonSerializable(typeof(TransferBillCancelled))]
[JsonSerializable(typeof(TransferReceiptRequest))]
[JsonSerializable(typeof(TransferReceipt))]
[JsonSerializable(typeof(ProfitSharingOrderRequest))]
[JsonSerializable(typeof(ProfitSharingOrder))]
[JsonSerializable(typeof(UnfreezeRequest))]
[JsonSerializable(typeof(ProfitSharingReturnRequest))]
[JsonSerializable(typeof(ProfitSharingReturn))]
[JsonSerializable(typeof(AddReceiverRequest))]
[JsonSerializable(typeof(DeleteReceiverRequest))]
[JsonSerializable(typeof(ProfitSharingReceiver))]
[JsonSerializable(typeof(ProfitSharingAmounts))]
[JsonSerializable(typeof(ProfitSharingMerchantConfig))]
[JsonSerializable(typeof(PlatformCertificateList))]
[JsonSerializable(typeof(CreateStockRequest))]
[JsonSerializable(typeof(CreatedStock))]
[JsonSerializable(typeof(Stock))]
[JsonSerializable(typeof(UpdateStockRequest))]
[JsonSerializable(typeof(UpdateBudgetRequest))]
[JsonSerializable(typeof(StockBudget))]
[JsonSerializable(typeof(UploadCouponCodesRequest))]
[JsonSerializable(typeof(UploadCouponCodesResult))]
[JsonSerializable(typeof(CouponCodePage))]
[JsonSerializable(typeof(CouponCodeEntry))]
[JsonSerializable(typeof(CouponCodeDetails))]
[JsonSerializable(typeof(DeletedCouponCode))]
[JsonSerializable(typeof(SendConsumptionCardRequest))]
[JsonSerializable(typeof(SentConsumptionCard))]
[JsonSerializable(typeof(UseCouponRequest))]
[JsonSerializable(typeof(UsedCoupon))]
[JsonSerializable(typeof(UserCoupon))]
[JsonSerializable(typeof(UserCouponPage))]
[JsonSerializable(typeof(ReturnCouponRequest))]
[JsonSerializable(typeof(ReturnedCoupon))]
[JsonSerializable(typeof(DeactivateCouponRequest))]
[JsonSerializable(typeof(DeactivatedCoupon))]
[JsonSerializable(typeof(CouponTradeRequest))]
[JsonSerializable(typeof(AssociatedTrade))]
[JsonSerializable(typeof(DisassociatedTrade))]
[JsonSerializable(typeof(SetCallbackRequest))]
[JsonSerializable(typeof(Callback))]
[JsonSerializable(typeof(SubsidyPayRequest))]
[JsonSerializable(typeof(SubsidyPayReceipt))]
[JsonSerializable(typeof(SubsidyPayReceiptList))]
[JsonSerializable(typeof(SubsidyReturnRequest))]
[JsonSerializable(typeof(SubsidyReturnReceipt))]
[JsonSerializable(typeof(CreateFavorStockRequest))]
[JsonSerializable(typeof(CreatedFavorStock))]
[JsonSerializable(typeof(FavorStockCreator))]
[JsonSerializable(typeof(StartedFavorStock))]
[JsonSerializable(typeof(PausedFavorStock))]
[JsonSerializable(typeof(RestartedFavorStock))]
[JsonSerializable(typeof(FavorStock))]
[JsonSerializable(typeof(FavorStockPage))]
[JsonSerializable(typeof(SendFavorCouponRequest))]
[JsonSerializable(typeof(SentFavorCoupon))]
[JsonSerializable(typeof(FavorCoupon))]
[JsonSerializable(typeof(FavorCouponPage))]
[JsonSerializable(typeof(FavorMerchantPage))]
[JsonSerializable(typeof(FavorItemPage))]
[JsonSerializable(typeof(FavorFlowFile))]
[JsonSerializable(typeof(SetFavorCallbackRequest))]
[JsonSerializable(typeof(FavorCallback))]
[JsonSerializable(typeof(ComplaintPage))]
[JsonSerializable(typeof(Complaint))]
[JsonSerializable(typeof(NegotiationHistoryPage))]
[JsonSerializable(typeof(ComplaintResponseRequest))]
[JsonSerializable(typeof(CompleteComplaintRequest))]
[JsonSerializable(typeof(RefundProgressRequest))]
[JsonSerializable(typeof(ComplaintNotificationUrlRequest))]
[JsonSerializable(typeof(ComplaintNotificationUrl))]
[JsonSerializable(typeof(ComplaintNotice))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(NegotiationRecord))]
public sealed partial class WeChatPayApisJsonContext : JsonSerializerContext;
