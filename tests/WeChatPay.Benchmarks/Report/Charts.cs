using System.Globalization;
using ScottPlot;

namespace WeChatPay.Benchmarks.Report;

/// <summary>The charts of docs/benchmarks.md, drawn with ScottPlot 5 as SVG.</summary>
public static class Charts
{
    private const int Width = 760;
    private const int Height = 400;

    public static readonly string[] ContenderOrder = ["Generated", "Refit", "HandWritten"];

    private static readonly Dictionary<string, string> ContenderLabels = new()
    {
        ["Generated"] = "WeChatPay generated client",
        ["Refit"] = "Refit + DelegatingHandler",
        ["HandWritten"] = "hand-written HttpClient (floor)",
    };

    /// <summary>Saves the SVG; with WCP_BENCH_PNG_PREVIEW=DIR also a PNG copy there, to look at without an SVG viewer.</summary>
    private static void Save(Plot plot, string path)
    {
        plot.SaveSvg(path, Width, Height);
        if (Environment.GetEnvironmentVariable("WCP_BENCH_PNG_PREVIEW") is { Length: > 0 } preview)
        {
            Directory.CreateDirectory(preview);
            plot.SavePng(Path.Combine(preview, Path.GetFileNameWithoutExtension(path) + ".png"), Width, Height);
        }
    }

    private static Color ColorOf(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    public static string Label(string contender) => ContenderLabels.GetValueOrDefault(contender, contender);

    /// <summary>Grouped bars: one group per endpoint, one bar per contender.</summary>
    public static void PerCall(IReadOnlyList<Measurement> rows, string rsa, bool allocations, string path)
    {
        var plot = new Plot();
        var cases = rows.Select(r => r.Case).Distinct().ToArray();
        var bars = new List<Bar>();
        var contenders = ContenderOrder.Where(c => rows.Any(r => r.Contender == c)).ToArray();
        for (var g = 0; g < cases.Length; g++)
        {
            for (var c = 0; c < contenders.Length; c++)
            {
                var row = rows.FirstOrDefault(r => r.Case == cases[g] && r.Contender == contenders[c] && r.Rsa == rsa);
                if (row is null)
                    continue;
                var value = allocations ? (row.AllocatedBytes ?? 0) / 1024.0 : row.MeanNs / 1000.0;
                bars.Add(new Bar
                {
                    Position = g * (contenders.Length + 1) + c,
                    Value = value,
                    FillColor = ColorOf(c),
                    Label = value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture),
                });
            }
        }
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 12;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            cases.Select((_, g) => g * (contenders.Length + 1) + (contenders.Length - 1) / 2.0).ToArray(),
            cases.Select(c => c + " codes").ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        for (var c = 0; c < contenders.Length; c++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Label(contenders[c]), FillColor = ColorOf(c) });
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        plot.Axes.Margins(bottom: 0, top: 0.3);
        var what = allocations ? "KB allocated per call" : "µs per call";
        plot.Title($"Per call, {(rsa == "Real" ? "real RSA signing" : "RSA private-key op stubbed")}: {what} (lower is better)");
        plot.YLabel(what);
        Save(plot, path);
    }

    /// <summary>Requests per second at each concurrency, with the RSA signing limit as a line.</summary>
    public static void Throughput(ThroughputResults results, string path)
    {
        var plot = new Plot();
        var bars = results.Points.Select((p, i) => new Bar
        {
            Position = i,
            Value = p.RequestsPerSecond,
            FillColor = ColorOf(p.SandboxSignsEveryAnswer ? 1 : 0),
            Label = p.RequestsPerSecond.ToString("0", CultureInfo.InvariantCulture),
        }).ToList();
        plot.Add.Bars(bars);
        var limit = plot.Add.HorizontalLine(results.SignaturesPerSecondAllCores);
        limit.LegendText = $"RSA signatures/s on {results.Cores} cores";
        limit.Color = ColorOf(3);
        limit.LinePattern = LinePattern.Dashed;
        var half = plot.Add.HorizontalLine(results.SignaturesPerSecondAllCores / 2);
        half.LegendText = "half of it (when client and sandbox both sign)";
        half.Color = ColorOf(2);
        half.LinePattern = LinePattern.Dotted;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "requests/s, generated client → Kestrel sandbox", FillColor = ColorOf(0) });
        if (results.Points.Any(p => p.SandboxSignsEveryAnswer))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "… with the sandbox signing every answer", FillColor = ColorOf(1) });
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            results.Points.Select((_, i) => (double)i).ToArray(),
            results.Points.Select(p => p.Callers + (p.Callers == 1 ? " caller" : " callers") + (p.SandboxSignsEveryAnswer ? "\n(sandbox signs)" : "")).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        plot.Axes.Margins(bottom: 0, top: 0.45);
        plot.Title("Loopback throughput, verification on both sides (higher is better)");
        plot.YLabel("requests per second");
        Save(plot, path);
    }

    /// <summary>Native-AOT binary sizes.</summary>
    public static void AotSize(IReadOnlyList<AotApp> apps, string path)
    {
        var sized = apps.Where(a => a.SizeBytes is not null).ToList();
        var plot = new Plot();
        plot.Add.Bars(sized.Select((a, i) => new Bar
        {
            Position = i,
            Value = a.SizeBytes!.Value / 1024.0 / 1024.0,
            FillColor = ColorOf(i),
            Label = (a.SizeBytes!.Value / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        }).ToList());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            sized.Select((_, i) => (double)i).ToArray(), sized.Select(a => a.Name).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0, top: 0.2);
        plot.Title("Native AOT binary size (smaller is better)");
        plot.YLabel("MiB");
        Save(plot, path);
    }
}
