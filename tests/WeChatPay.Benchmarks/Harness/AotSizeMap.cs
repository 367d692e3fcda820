using System.Text.RegularExpressions;

namespace WeChatPay.Benchmarks.Harness;

/// <summary>
/// Reads the ILC map file (<c>-p:IlcGenerateMapFile=true</c>) and adds up its nodes' lengths per assembly, which
/// ILC writes as the prefix of every mangled name (<c>BouncyCastle_Cryptography_Org_…</c>, <c>S_P_CoreLib_…</c>).
/// A node that names several assemblies (a generic instantiation) counts for the first one named; nodes that name
/// none (metadata, frozen objects, dehydrated data) are grouped by kind. Approximate, but enough to see what costs what.
/// </summary>
public static partial class AotSizeMap
{
    private static readonly string[] Assemblies =
    [
        "BouncyCastle_Cryptography", "WeChatPay_Benchmarks_RefitAot", "WeChatPay_Benchmarks_GeneratedAot", "WeChatPay_Testing", "WeChatPay_DependencyInjection", "WeChatPay_WeChatPay",
        "Busifavor", "Refit", "Microsoft_AspNetCore", "Microsoft_Extensions", "Microsoft_Net_Http_Headers", "System_Net_Http", "System_Net_Security",
        "System_Net_Sockets", "System_Net_Quic", "System_Net_Primitives", "System_Net_NameResolution", "System_Text_Json",
        "System_Text_Encodings_Web", "System_Security_Cryptography", "System_Formats_Asn1", "System_Runtime_Numerics",
        "System_Collections_Immutable", "System_Collections_Concurrent", "System_Collections", "System_Linq", "System_Text_RegularExpressions",
        "System_Diagnostics_DiagnosticSource", "System_IO_Pipelines", "System_Private_Uri", "System_Console", "System_Memory",
        "System_Threading", "System_ComponentModel", "System_Private_Xml", "System_Diagnostics", "S_P_CoreLib", "S_P_TypeLoader", "S_P_Reflection",
    ];

    public static IReadOnlyDictionary<string, long> ByAssembly(string mapPath)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(mapPath))
        {
            var match = Node().Match(line);
            if (!match.Success)
                continue;
            var name = match.Groups["name"].Value;
            string? best = null;
            var bestIndex = int.MaxValue;
            foreach (var assembly in Assemblies)
            {
                var index = name.IndexOf(assembly, StringComparison.Ordinal);
                if (index >= 0 && index < bestIndex)
                {
                    bestIndex = index;
                    best = assembly;
                }
            }
            var key = best is null ? "(" + match.Groups["kind"].Value + ")" : Display(best);
            totals[key] = totals.GetValueOrDefault(key) + long.Parse(match.Groups["length"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return totals;
    }

    private static string Display(string mangled) => mangled switch
    {
        "S_P_CoreLib" => "System.Private.CoreLib",
        "S_P_TypeLoader" => "System.Private.TypeLoader",
        "S_P_Reflection" => "System.Private.Reflection",
        "WeChatPay_WeChatPay" => "WeChatPay (runtime)",
        "WeChatPay_Benchmarks_RefitAot" => "the app itself",
        "WeChatPay_Benchmarks_GeneratedAot" => "the app itself",
        "Busifavor" => "the app itself",
        _ => mangled.Replace('_', '.'),
    };

    [GeneratedRegex("<(?<kind>\\w+) Name=\"(?<name>[^\"]*)\" Length=\"(?<length>\\d+)\"")]
    private static partial Regex Node();
}
