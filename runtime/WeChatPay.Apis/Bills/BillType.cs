namespace WeChatPay.Apis.Bills;

/// <summary>Which transactions a trade bill lists (<c>bill_type</c>).</summary>
public enum BillType
{
    /// <summary><c>ALL</c>: successful payments and refunds (the default).</summary>
    All,

    /// <summary><c>SUCCESS</c>: successful payments.</summary>
    Success,

    /// <summary><c>REFUND</c>: refunds.</summary>
    Refund,
}
