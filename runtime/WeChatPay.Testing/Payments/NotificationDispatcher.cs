using System.Globalization;

namespace WeChatPay.Testing.Payments;

/// <summary>
/// Delivers notifications to <c>notify_url</c> as WeChat Pay does: in the background (never delaying an API answer),
/// each attempt signed afresh, an answer other than 200/204 within the timeout retried on WeChat Pay's schedule
/// divided by <see cref="SandboxOptions.NotificationRetryFactor"/>. Every attempt is recorded for tests to observe.
/// </summary>
internal sealed class NotificationDispatcher(SandboxOptions options, BackgroundWork background, Func<SandboxMerchant, SandboxNotification, SandboxNotification> resign) : IDisposable
{
    /// <summary>WeChat Pay's waits before each retry: 15 s, 15 s, 30 s, 3 m, 10 m, 20 m, 30 m ×3, 60 m, 3 h ×3, 6 h ×2.</summary>
    public static readonly TimeSpan[] RetrySchedule =
    [
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(3),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30),
        TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60), TimeSpan.FromHours(3), TimeSpan.FromHours(3),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(6),
    ];

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
    private readonly List<SandboxDeliveryAttempt> _attempts = [];
    private readonly List<(Func<SandboxDeliveryAttempt, bool> Match, TaskCompletionSource<SandboxDeliveryAttempt> Done)> _waiters = [];

    public event Action<SandboxDeliveryAttempt>? Attempted;

    public IReadOnlyList<SandboxDeliveryAttempt> Attempts
    {
        get
        {
            lock (_attempts)
                return [.. _attempts];
        }
    }

    /// <summary>Queues <paramref name="notification"/> for delivery and returns at once.</summary>
    public void Deliver(SandboxMerchant merchant, Uri notifyUrl, SandboxNotification notification) =>
        background.Run(stop => DeliverAsync(merchant, notifyUrl, notification, stop));

    private async Task DeliverAsync(SandboxMerchant merchant, Uri notifyUrl, SandboxNotification notification, CancellationToken stop)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var signed = attempt == 1 ? notification : resign(merchant, notification);
                var result = await SendOnceAsync(notifyUrl, signed, attempt, stop).ConfigureAwait(false);
                Record(result);
                if (result.Acknowledged || attempt > RetrySchedule.Length)
                    return;
                await Task.Delay(RetryDelay(attempt), options.TimeProvider, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The sandbox is being disposed: WeChat Pay's retries end with it.
        }
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: the official one divided by the factor.</summary>
    public TimeSpan RetryDelay(int attempt) => RetrySchedule[attempt - 1] / Math.Max(1, options.NotificationRetryFactor);

    private async Task<SandboxDeliveryAttempt> SendOnceAsync(Uri notifyUrl, SandboxNotification notification, int attempt, CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(options.NotificationTimeout);
        try
        {
            var answer = await WeChatPaySandbox.SendNotificationAsync(notifyUrl, notification, _http, timeout.Token).ConfigureAwait(false);
            return new(notification, notifyUrl, attempt, answer.StatusCode, null, options.TimeProvider.GetUtcNow());
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            var seconds = options.NotificationTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return new(notification, notifyUrl, attempt, null, $"no answer within {seconds} s", options.TimeProvider.GetUtcNow());
        }
        catch (HttpRequestException ex)
        {
            return new(notification, notifyUrl, attempt, null, ex.HttpRequestError + ": " + ex.Message, options.TimeProvider.GetUtcNow());
        }
    }

    private void Record(SandboxDeliveryAttempt attempt)
    {
        var done = new List<TaskCompletionSource<SandboxDeliveryAttempt>>();
        lock (_attempts)
        {
            _attempts.Add(attempt);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(attempt))
                {
                    done.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }
        foreach (var waiter in done)
            waiter.TrySetResult(attempt);
        try
        {
            Attempted?.Invoke(attempt);
        }
        catch (Exception)
        {
            // An observer's failure must not end WeChat Pay's retries.
        }
    }

    /// <summary>The first recorded attempt that matches, or the next one to come.</summary>
    public async Task<SandboxDeliveryAttempt> WaitAsync(Func<SandboxDeliveryAttempt, bool> match, CancellationToken cancellationToken)
    {
        TaskCompletionSource<SandboxDeliveryAttempt> done;
        lock (_attempts)
        {
            foreach (var attempt in _attempts)
            {
                if (match(attempt))
                    return attempt;
            }
            done = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
        }
        using (cancellationToken.Register(() =>
        {
            lock (_attempts)
                _waiters.RemoveAll(w => w.Done == done);
            done.TrySetCanceled(cancellationToken);
        }))
        {
            return await done.Task.ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();
}
