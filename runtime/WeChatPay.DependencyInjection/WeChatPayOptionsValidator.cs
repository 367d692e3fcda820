using Microsoft.Extensions.Options;

namespace WeChatPay.DependencyInjection;

/// <summary>
/// Validates <see cref="WeChatPayOptions"/> when the application starts (<c>ValidateOnStart</c>), so that a wrong
/// merchant ID, a missing key file or a short APIv3 key stops the application at once with a message naming the
/// field, instead of failing the first payment call. The rules are the runtime's own
/// (<see cref="WeChatPayOptions.Validate(string?)"/>, which <see cref="WeChatPayClient"/> applies too), and every
/// failure is reported at once. Messages never contain key material or the APIv3 key.
/// </summary>
public sealed class WeChatPayOptionsValidator : IValidateOptions<WeChatPayOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, WeChatPayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate(name);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
