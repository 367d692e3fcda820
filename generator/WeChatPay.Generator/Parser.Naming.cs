using System.Text;

namespace WeChatPay.Generator;

/// <summary>Naming rules: snake_case_lower for JSON and query names, UPPER_SNAKE_CASE for enum members.</summary>
internal static partial class Parser
{
    /// <summary>
    /// <c>stockId</c> → <c>stock_id</c>, <c>OutTradeNO</c> → <c>out_trade_no</c>, <c>HTTPServer</c> → <c>http_server</c>;
    /// digits stay with the word before them (<c>Sha256Hash</c> → <c>sha256_hash</c>).
    /// </summary>
    public static string ToSnakeCase(string name, bool upper = false)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    var previous = name[i - 1];
                    var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                        builder.Append('_');
                }
                builder.Append(upper ? c : char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
            }
        }
        return builder.ToString();
    }
}
