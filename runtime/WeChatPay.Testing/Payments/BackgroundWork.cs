namespace WeChatPay.Testing.Payments;

/// <summary>
/// The sandbox's own background tasks (notification deliveries, refund settlements). Disposal cancels them and
/// waits for every one to end, so that nothing the sandbox started outlives it.
/// </summary>
internal sealed class BackgroundWork : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<Task> _running = [];
    private bool _disposed;

    /// <summary>Starts <paramref name="work"/> on the thread pool; it must handle its own failures. Ignored after disposal.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        var token = _stop.Token;
        var outer = new Task<Task>(() => work(token));
        var task = outer.Unwrap();
        lock (_running)
        {
            if (_disposed)
                return;
            _running.Add(task);
        }
        task.ContinueWith(t => { lock (_running) _running.Remove(t); }, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        outer.Start(TaskScheduler.Default);
    }

    /// <summary>Cancels every task and waits until all have ended.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_running)
        {
            if (_disposed)
                return;
            _disposed = true;
            running = [.. _running];
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Each task reports its own outcome; cancellation is the expected end here.
        }
        _stop.Dispose();
    }
}
