namespace WeChatPay.Tool.Tests;

/// <summary>Every command has help; bad arguments get a usage message and exit 1.</summary>
public sealed class CommandLineTests
{
    public static TheoryData<string> Commands => new()
    {
        "sandbox", "call", "certificates", "certificates download", "notification", "notification verify", "notification decrypt", "keys", "keys new",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_text(string command)
    {
        var run = await ToolRun.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Description:", run.Out);
        Assert.Contains("Usage:", run.Out);
        Assert.Matches($@"Usage:\s+\S+ {command} ", run.Out);
    }

    [Fact]
    public async Task The_root_help_lists_every_command()
    {
        var run = await ToolRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "sandbox", "call", "certificates", "notification", "keys" })
            Assert.Contains("  " + command, run.Out);
    }

    [Theory]
    [InlineData("no such command", "bogus")]
    [InlineData("a missing required option", "call GET /v3/certificates")]
    [InlineData("a missing argument", "call GET --credentials dir")]
    [InlineData("an unknown method", "call FETCH /v3/certificates --credentials dir")]
    [InlineData("a query without =", "call GET /v3/x --query novalue --credentials dir")]
    [InlineData("an unknown fault", "sandbox --credentials dir --fault flaky")]
    [InlineData("two listening addresses", "sandbox --credentials dir --urls http://127.0.0.1:0;http://127.0.0.1:1")]
    [InlineData("certificates without --output", "certificates download --credentials dir")]
    [InlineData("notification without --body", "notification verify --credentials dir --headers h")]
    [InlineData("an unknown option", "keys new --credentials dir --rsa4096")]
    public async Task Bad_arguments_print_a_usage_message_and_exit_1(string why, string arguments)
    {
        var run = await ToolRun.RunAsync(arguments.Split(' '));

        Assert.True(run.ExitCode == 1, $"{why}: {run}");
        Assert.Contains("Usage:", run.All);
        Assert.NotEqual("", run.Error.Trim());
    }

    [Fact]
    public async Task A_credentials_directory_without_an_identity_exits_1_and_says_which_file_is_missing()
    {
        using var temp = new TempDirectory();

        var run = await ToolRun.RunAsync("call", "GET", "/v3/certificates", "--credentials", temp.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("apiclient_key.pem", run.Error);
    }
}
