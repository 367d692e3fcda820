using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace WeChatPay.DependencyInjection;

/// <summary>
/// Returned by <c>services.AddWeChatPay(…)</c>: registers generated clients and configures the HTTP pipeline
/// of the merchant's <see cref="WeChatPayClient"/>.
/// </summary>
public sealed class WeChatPayBuilder
{
    internal WeChatPayBuilder(IServiceCollection services, string name, IHttpClientBuilder httpClientBuilder)
    {
        Services = services;
        Name = name;
        HttpClientBuilder = httpClientBuilder;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The name of the <see cref="IHttpClientFactory"/> client the <see cref="WeChatPayClient"/> sends through
    /// (<see cref="WeChatPayServiceCollectionExtensions.DefaultHttpClientName"/>). The options are the default
    /// (unnamed) <c>IOptions&lt;WeChatPayOptions&gt;</c>.
    /// </summary>
    public string Name { get; }

    /// <summary>
    /// The <see cref="IHttpClientFactory"/> client every WeChat Pay request goes through. Add handlers here
    /// (<c>AddHttpMessageHandler</c>, a resilience handler, a different primary handler): the runtime's
    /// <see cref="WeChatPaySigningHandler"/> is always placed innermost, below them, so a retry handler re-signs
    /// every resend with a fresh nonce and timestamp.
    /// </summary>
    public IHttpClientBuilder HttpClientBuilder { get; }

    /// <summary>
    /// Registers a generated client interface as a singleton built by its generated factory, for example
    /// <c>.AddClient&lt;IBusifavorApi&gt;(IBusifavorApi.Create)</c>. The factory is taken as a delegate, so nothing
    /// is activated through reflection and the registration is native-AOT clean.
    /// </summary>
    /// <typeparam name="TClient">The generated client interface.</typeparam>
    /// <param name="create">The generated <c>Create(WeChatPayClient)</c> method.</param>
    public WeChatPayBuilder AddClient<TClient>(Func<WeChatPayClient, TClient> create)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(create);
        Services.AddSingleton(sp => create(sp.GetRequiredService<WeChatPayClient>()));
        return this;
    }

    /// <summary>
    /// Adds <c>AddStandardResilienceHandler</c> (Microsoft.Extensions.Http.Resilience) to the WeChat Pay client:
    /// retries transient failures (5xx, 429, 408, network errors, attempt timeouts), each attempt re-signed by the
    /// innermost <see cref="WeChatPaySigningHandler"/>. Only requests <see cref="WeChatPayRetry.IsSafeToRetry"/>
    /// accepts are retried: GET, HEAD, PUT, DELETE, and a POST keyed by an <c>out_*_no</c> field. Change the
    /// defaults in <paramref name="configure"/>.
    /// </summary>
    public WeChatPayBuilder AddStandardResilience(Action<HttpStandardResilienceOptions>? configure = null)
    {
        HttpClientBuilder.AddStandardResilienceHandler(options =>
        {
            options.Retry.ShouldHandle = static args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome)
                && args.Context.GetRequestMessage() is { } request
                && WeChatPayRetry.IsSafeToRetry(request));
            configure?.Invoke(options);
        });
        return this;
    }

    /// <summary>
    /// Adds <c>AddStandardHedgingHandler</c> (Microsoft.Extensions.Http.Resilience) to the WeChat Pay client: when an
    /// attempt has not answered within <c>Hedging.Delay</c> (2 s by default), or failed transiently, the same request is
    /// sent again, up to <c>Hedging.MaxHedgedAttempts</c>, and the first acceptable answer is verified and returned. Each
    /// attempt is signed afresh by the innermost <see cref="WeChatPaySigningHandler"/>. Only requests
    /// <see cref="WeChatPayRetry.IsSafeToRetry"/> accepts are hedged; any other request is sent once, and so is a
    /// synchronous call, whose attempt runs inline. Use it instead of <see cref="AddStandardResilience"/>, not beside it.
    /// Change the defaults in <paramref name="configure"/>.
    /// </summary>
    public WeChatPayBuilder AddStandardHedging(Action<HttpStandardHedgingResilienceOptions>? configure = null)
    {
        var hedging = HttpClientBuilder.AddStandardHedgingHandler();
        if (configure is not null)
            hedging.Configure(configure);

        // The handler sets its own ActionGenerator (a clone of the request per attempt) in a PostConfigure; this one,
        // registered after it, wraps that generator so that an unsafe request never gets a second attempt.
        Services.PostConfigure<HttpStandardHedgingResilienceOptions>(Name, static options =>
        {
            var clone = options.Hedging.ActionGenerator;
            options.Hedging.ActionGenerator = args =>
                args.PrimaryContext.GetRequestMessage() is { } request && WeChatPayRetry.IsSafeToRetry(request) ? clone(args) : null;
        });
        return this;
    }

    /// <summary>Configures the <see cref="IHttpClientFactory"/> client, for example to add a retry handler.</summary>
    public WeChatPayBuilder ConfigureHttp(Action<IHttpClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(HttpClientBuilder);
        return this;
    }
}
