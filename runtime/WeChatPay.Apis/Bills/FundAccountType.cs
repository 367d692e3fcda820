namespace WeChatPay.Apis.Bills;

/// <summary>Which account a fund-flow bill covers (<c>account_type</c>).</summary>
public enum FundAccountType
{
    /// <summary><c>BASIC</c>: the basic account (the default).</summary>
    Basic,

    /// <summary><c>OPERATION</c>: the operation account.</summary>
    Operation,

    /// <summary><c>FEES</c>: the fees account.</summary>
    Fees,
}
