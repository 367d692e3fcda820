using System.Text.Json.Serialization;

namespace WeChatPay.Generator.Tests.Json;

/// <summary>The escape hatch: the generated client uses the user's own JsonSerializerContext for every type.</summary>
[WeChatPayJsonContext(typeof(UserJsonContext))]
public partial interface IUserContextApi
{
    [Post("v3/user/{user_id}")]
    Task<UserModel> EchoAsync(string userId, UserModel json);
}

public sealed class UserModel
{
    public string? DisplayName { get; set; }
    public object? Anything { get; set; }
}

[JsonSerializable(typeof(UserModel))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class UserJsonContext : JsonSerializerContext;
