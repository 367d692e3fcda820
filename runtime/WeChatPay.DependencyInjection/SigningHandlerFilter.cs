using Microsoft.Extensions.Http;

namespace WeChatPay.DependencyInjection;

/// <summary>
/// Puts <see cref="WeChatPaySigningHandler"/> innermost in the WeChat Pay <see cref="IHttpClientFactory"/> client,
/// below every handler the application adds (in whatever order it adds them), so that a retry handler resends
/// through the signer and each resend carries a fresh nonce and timestamp instead of a replayed signature.
/// A filter runs after all of the client's configuration actions, which is what makes "innermost" hold.
/// </summary>
internal sealed class SigningHandlerFilter(string name) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (string.Equals(builder.Name, name, StringComparison.Ordinal))
            builder.AdditionalHandlers.Add(new WeChatPaySigningHandler());
    };
}
