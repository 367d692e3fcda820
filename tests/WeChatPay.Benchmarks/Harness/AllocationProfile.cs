using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using WeChatPay.Benchmarks.Benchmarks;
using WeChatPay.Benchmarks.Contenders;
using WeChatPay.Benchmarks.Fixtures;

namespace WeChatPay.Benchmarks.Harness;

/// <summary>
/// A diagnostic, not a benchmark (<c>run.sh --profile-allocations</c>): which types each contender allocates per
/// call, with the RSA private-key operation stubbed, from the runtime's sampled GC AllocationTick events (one sample
/// per ~100 KB allocated, so the per-call figures are statistical). It shows what the SDK allocates above the floor.
/// </summary>
public static class AllocationProfile
{
    private const int Calls = 20_000;

    public static async Task RunAsync()
    {
        var set = await ContenderSet.CreateChecked(Shared.Identity, RsaMode.Stubbed);
        var request = Workload.UploadRequest();
        (string Name, Func<Task> Call)[] cases =
        [
            ("Generated_List", () => set.Generated.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit)),
            ("HandWritten_List", () => set.HandWritten.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit)),
            ("Refit_List", () => set.Refit.ListCouponCodesAsync(Workload.StockId, Workload.Status, Workload.AppId, Workload.Offset, Workload.Limit)),
            ("Generated_Upload", () => set.Generated.UploadCouponCodesAsync(Workload.StockId, request)),
            ("HandWritten_Upload", () => set.HandWritten.UploadCouponCodesAsync(Workload.StockId, request)),
            ("Refit_Upload", () => set.Refit.UploadCouponCodesAsync(Workload.StockId, request)),
        ];
        // The JSON alone: the list answer through the generator's metadata and through the user's context.
        var listBody = Workload.ListResponseBody();
        var generatedInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ListCouponCodesResponse>)IBenchBusifavor.GeneratedJsonContext.Default.GetTypeInfo(typeof(ListCouponCodesResponse))!;
        foreach (var (name, info) in new[] { ("generated metadata", generatedInfo), ("user JsonSerializerContext", UserJsonContext.Default.ListCouponCodesResponse) })
        {
            for (var i = 0; i < 2_000; i++)
                System.Text.Json.JsonSerializer.Deserialize(listBody, info);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < Calls; i++)
                System.Text.Json.JsonSerializer.Deserialize(listBody, info);
            Console.WriteLine($"deserialize the list answer, {name}: {clock.Elapsed.TotalMicroseconds / Calls:0.0} µs");
        }

        foreach (var (name, call) in cases)
        {
            for (var i = 0; i < 2_000; i++)
                await call();
            using var listener = new AllocationListener();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < Calls; i++)
                await call();
            var elapsed = clock.Elapsed;
            var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Calls;
            Console.WriteLine($"{name}: {perCall:0} B and {elapsed.TotalMicroseconds / Calls:0.0} µs per call (a rough loop, listener on); sampled types, bytes per call:");
            var total = listener.ByType.Values.Sum();
            foreach (var (type, bytes) in listener.ByType.OrderByDescending(kv => kv.Value).Take(18))
                Console.WriteLine($"  {bytes / (double)total * perCall,7:0}  {type}");
        }
    }

    private sealed class AllocationListener : EventListener
    {
        public ConcurrentDictionary<string, long> ByType { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
                return;
            var typeIndex = eventData.PayloadNames.IndexOf("TypeName");
            var amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
            if (typeIndex < 0 || amountIndex < 0)
                return;
            var type = eventData.Payload![typeIndex] as string ?? "?";
            var amount = Convert.ToInt64(eventData.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
            ByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }
}
