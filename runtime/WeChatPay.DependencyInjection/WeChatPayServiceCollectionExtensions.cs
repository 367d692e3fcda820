using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using WeChatPay;
using WeChatPay.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers WeChat Pay API v3 with <see cref="IServiceCollection"/>: the merchant's options (bound from
/// configuration, validated at startup), one singleton <see cref="WeChatPayClient"/> sending through
/// <see cref="IHttpClientFactory"/>, and generated clients.
/// </summary>
/// <example>
/// <code>
/// services.AddWeChatPay(configuration.GetSection("WeChatPay"))
///     .AddClient&lt;IBusifavorApi&gt;(IBusifavorApi.Create);
/// </code>
/// </example>
public static class WeChatPayServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client that <c>AddWeChatPay</c> registers.</summary>
    public const string DefaultHttpClientName = "WeChatPay";

    /// <summary>
    /// Adds WeChat Pay with options bound from <paramref name="configuration"/> (a section such as
    /// <c>configuration.GetSection("WeChatPay")</c>; keys are the <see cref="WeChatPayOptions"/> property names,
    /// with <c>MerchantPrivateKeyPath</c>/<c>PlatformPublicKeyPath</c> for key files). Binding uses the
    /// configuration-binder source generator; the options are validated when the application starts.
    /// </summary>
    public static WeChatPayBuilder AddWeChatPay(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = AddWeChatPayCore(services);
        services.AddOptions<WeChatPayOptions>()
            .Configure(options => WeChatPayConfigurationSection.Apply(configuration, options));
        services.AddSingleton<IOptionsChangeTokenSource<WeChatPayOptions>>(
            new ConfigurationChangeTokenSource<WeChatPayOptions>(Microsoft.Extensions.Options.Options.DefaultName, configuration));
        return builder;
    }

    /// <summary>Adds WeChat Pay with options set by <paramref name="configure"/>; they are validated when the application starts.</summary>
    public static WeChatPayBuilder AddWeChatPay(this IServiceCollection services, Action<WeChatPayOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddWeChatPayCore(services);
        services.AddOptions<WeChatPayOptions>().Configure(configure);
        return builder;
    }

    private static WeChatPayBuilder AddWeChatPayCore(IServiceCollection services)
    {
        const string name = DefaultHttpClientName;

        services.AddOptions<WeChatPayOptions>().ValidateOnStart()
            .PostConfigure<IServiceProvider>(static (options, sp) => options.LoggerFactory ??= sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatPayOptions>>(new WeChatPayOptionsValidator()));

        // The client is a long-lived singleton holding one HttpClient from the factory, so the factory never
        // rotates its handler; the pooled connections are recycled instead, which keeps DNS changes visible.
        // WeChat Pay never redirects an API call, so a redirect is never followed (the client reports it).
        var httpClientBuilder = services.AddHttpClient(name)
            .UseSocketsHttpHandler((handler, _) =>
            {
                handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
                handler.AllowAutoRedirect = false;
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        if (!services.Any(static d => d.ServiceType == typeof(SigningHandlerFilter)))
        {
            var filter = new SigningHandlerFilter(name);
            services.AddSingleton(filter);
            services.AddSingleton<IHttpMessageHandlerBuilderFilter>(filter);
        }

        services.TryAddSingleton(static sp => new WeChatPayClient(
            sp.GetRequiredService<IOptions<WeChatPayOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(name)));

        return new WeChatPayBuilder(services, name, httpClientBuilder);
    }
}
