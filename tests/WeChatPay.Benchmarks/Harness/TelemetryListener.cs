using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WeChatPay.Benchmarks.Harness;

/// <summary>
/// With <c>WCP_BENCH_LISTENER=1</c>, an <see cref="ActivityListener"/> that records every <c>WeChatPay</c> activity
/// and a <see cref="MeterListener"/> on the <c>WeChatPay</c> meter, as an OpenTelemetry exporter would be, attached
/// in the harness and in BenchmarkDotNet's child processes: the per-call figures then include the telemetry's cost.
/// </summary>
public static class TelemetryListener
{
    private static ActivityListener? _activities;
    private static MeterListener? _meters;
    private static long _seen;

    public static bool Requested => Environment.GetEnvironmentVariable("WCP_BENCH_LISTENER") == "1";

    public static void AttachIfRequested()
    {
        if (!Requested || _activities is not null)
            return;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "WeChatPay",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => Interlocked.Increment(ref _seen),
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "WeChatPay")
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _seen));
        _meters.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _seen));
        _meters.Start();
        Console.WriteLine("// telemetry: an ActivityListener and a MeterListener on WeChatPay are attached");
    }
}
