using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Telemetry;

/// <summary>
/// What an ActivityListener, a MeterListener and a logger see of a call: the names and tags of issue #16, and no
/// secret and no filled-in path value anywhere. Each test uses its own template, since listeners see every client.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly string _template = "v3/telemetry/" + Guid.NewGuid().ToString("N") + "/stocks/{stock_id}";
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;

    public TelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "WeChatPay",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("url.template"), _template))
                    _activities.Enqueue(activity);
            },
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "WeChatPay")
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _meterListener.Start();
    }

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = tags.ToArray();
        if (copy.Any(t => t.Key == "url.template" && Equals(t.Value, _template)))
            _measurements.Enqueue((instrument.Name, value, copy));
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    private string Filled => _template.Replace("{stock_id}", "STOCK-98765");

    [Fact]
    public async Task A_call_is_one_client_activity_and_one_duration_with_the_template_never_the_filled_path()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{\"ok\":true}", requestId: "REQ-1"));
        var logs = new CapturingLoggerFactory();
        using var client = Gateway.Client(wire, id, time, o => o.LoggerFactory = logs);

        await client.SendAsync(new WeChatPayRequest(HttpMethod.Post, Filled) { UrlTemplate = _template, Body = "{\"p\":1}"u8.ToArray() });

        var activity = Assert.Single(_activities);
        Assert.Equal("WeChatPay", activity.Source.Name);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal("POST " + _template, activity.DisplayName);
        Assert.Equal("POST", activity.GetTagItem("http.request.method"));
        Assert.Equal("api.mch.weixin.qq.com", activity.GetTagItem("server.address"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("REQ-1", activity.GetTagItem("wechatpay.request_id"));
        Assert.Null(activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);

        var duration = Assert.Single(_measurements, m => m.Instrument == "wechatpay.client.request.duration");
        Assert.InRange(duration.Value, 0, 60);
        Assert.Equal(["http.request.method=POST", "http.response.status_code=200", $"url.template={_template}"],
            duration.Tags.Select(t => $"{t.Key}={t.Value}").Order(StringComparer.Ordinal));

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Debug && e.Event == "RequestSent");
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Debug && e.Event == "AnswerReceived" && e.Text.Contains("REQ-1"));
        AssertNothingSecret(wire, logs, extra: ["STOCK-98765"]);
    }

    [Fact]
    public async Task A_verification_failure_is_an_error_activity_a_counted_failure_and_a_warning()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{\"a\":1}", tamper: r => r.Content = new StringContent("{\"a\":2}")));
        var logs = new CapturingLoggerFactory();
        using var client = Gateway.Client(wire, id, time, o => o.LoggerFactory = logs);

        await Assert.ThrowsAsync<WeChatPayVerificationException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, Filled) { UrlTemplate = _template }));

        var activity = Assert.Single(_activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(WeChatPayVerificationException).FullName, activity.GetTagItem("error.type"));
        Assert.Single(_measurements, m => m.Instrument == "wechatpay.client.verification.failures" && m.Value == 1);
        Assert.Single(_measurements, m => m.Instrument == "wechatpay.client.request.duration"
            && m.Tags.Any(t => t.Key == "error.type" && Equals(t.Value, typeof(WeChatPayVerificationException).FullName)));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Event == "VerificationFailed");
        AssertNothingSecret(wire, logs, extra: ["STOCK-98765"]);
    }

    [Fact]
    public async Task An_api_error_carries_the_status_as_error_type_and_the_wechatpay_error_code()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{\"code\":\"FREQUENCY_LIMITED\",\"message\":\"slow down\"}", HttpStatusCode.TooManyRequests, requestId: "REQ-429"));
        var logs = new CapturingLoggerFactory();
        using var client = Gateway.Client(wire, id, time, o => o.LoggerFactory = logs);

        await Assert.ThrowsAsync<WeChatPayApiException>(() => client.SendAsync(new WeChatPayRequest(HttpMethod.Get, Filled) { UrlTemplate = _template }));

        var activity = Assert.Single(_activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("429", activity.GetTagItem("error.type"));
        Assert.Equal(429, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("FREQUENCY_LIMITED", activity.GetTagItem("wechatpay.error.code"));
        Assert.Equal("REQ-429", activity.GetTagItem("wechatpay.request_id"));
        var duration = Assert.Single(_measurements, m => m.Instrument == "wechatpay.client.request.duration");
        Assert.Contains(duration.Tags, t => t.Key == "error.type" && Equals(t.Value, "429"));
        AssertNothingSecret(wire, logs, extra: ["STOCK-98765"]);
    }

    [Fact]
    public async Task A_client_without_a_logger_factory_still_traces_and_logs_nothing()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);

        client.Send(new WeChatPayRequest(HttpMethod.Get, Filled) { UrlTemplate = _template });

        Assert.Single(_activities);
        Assert.Single(_measurements, m => m.Instrument == "wechatpay.client.request.duration");
    }

    /// <summary>No tag, measurement tag or log holds the Authorization, a signature, the signed message, key material or <paramref name="extra"/>.</summary>
    private void AssertNothingSecret(FakeWire wire, CapturingLoggerFactory logs, string[] extra)
    {
        var id = TestIdentities.Rsa;
        var secrets = new List<string> { TestIdentities.ApiV3Key, id.MerchantPrivateKeyPem.Split('\n')[1], id.PublicKeyPrivateKeyPem.Split('\n')[1] };
        foreach (var sent in wire.Requests)
        {
            secrets.Add(sent.Authorization);
            secrets.Add(sent.AuthorizationParameters["signature"]);
            secrets.Add(sent.AuthorizationParameters["nonce_str"]);
            secrets.Add(Encoding.UTF8.GetString(sent.RebuildSignedMessage()));
        }

        var seen = new List<string>();
        foreach (var activity in _activities)
        {
            seen.Add(activity.DisplayName);
            seen.Add(activity.StatusDescription ?? "");
            seen.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
        }

        seen.AddRange(_measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")));
        Assert.NotEmpty(seen);
        // A path value may appear in a log line (exception messages name the target) but never in a tag.
        foreach (var text in seen)
        {
            foreach (var value in extra)
                Assert.DoesNotContain(value, text);
        }

        seen.AddRange(logs.Entries.SelectMany(e => e.Values.Append(e.Text)));
        foreach (var text in seen)
        {
            foreach (var secret in secrets)
                Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain("signature=\"", text);
        }
    }
}
