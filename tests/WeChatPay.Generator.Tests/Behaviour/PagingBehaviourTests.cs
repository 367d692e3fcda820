using WeChatPay.Generator.Tests.TestSupport;

namespace WeChatPay.Generator.Tests.Behaviour;

/// <summary>
/// Paged methods walk the pages lazily against an independent gateway over real sockets (<see cref="PageGateway"/>):
/// where they stop, what they send, and that every page is signed and verified.
/// </summary>
public sealed class PagingBehaviourTests
{
    private static string[] Codes(int from, int count) => Enumerable.Range(from, count).Select(PageGateway.CodeAt).ToArray();

    [Fact]
    public async Task Stops_at_total_count_without_asking_for_one_more_page()
    {
        await using var gateway = await PageGateway.StartAsync(count: 4);
        using var client = gateway.CreateClient();
        var api = IPagingApi.Create(client);

        var codes = new List<string>();
        await foreach (var code in api.ListCodesAsync("S1", new PagedCodeQuery { Status = "AVAILABLE", Limit = 2 }))
            codes.Add(code.Code);

        Assert.Equal(Codes(0, 4), codes);
        Assert.Equal(
            ["/v3/marketing/busifavor/stocks/S1/couponcodes?status=AVAILABLE&offset=0&limit=2", "/v3/marketing/busifavor/stocks/S1/couponcodes?status=AVAILABLE&offset=2&limit=2"],
            gateway.Requests.Select(r => r.Target));
        Assert.All(gateway.Requests, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public async Task Stops_at_a_short_page_when_the_pages_carry_no_total_count()
    {
        await using var gateway = await PageGateway.StartAsync(count: 5, reportsTotal: false);
        using var client = gateway.CreateClient();

        var codes = await IPagingApi.Create(client).ListCodesByParametersAsync("S1", null, 0, 2).Select(c => c.Code).ToListAsync();

        Assert.Equal(Codes(0, 5), codes);
        Assert.Equal(["offset=0&limit=2", "offset=2&limit=2", "offset=4&limit=2"], gateway.Requests.Select(r => r.Target.Split('?')[1]));
    }

    [Fact]
    public async Task An_unset_limit_is_not_sent_and_the_endpoint_default_ends_the_walk()
    {
        await using var gateway = await PageGateway.StartAsync(count: 12, defaultLimit: 10, reportsTotal: false);
        using var client = gateway.CreateClient();
        var api = IPagingApi.Create(client);

        var byModel = await api.ListCodesAsync("S1", new PagedCodeQuery()).CountAsync();
        var byParameters = await api.ListCodesByParametersAsync("S1", null, 0, null).CountAsync();
        var byNullModel = await api.ListCodesAsync("S1", null).CountAsync();

        Assert.Equal([12, 12, 12], new[] { byModel, byParameters, byNullModel });
        // The page echoes limit=10, so the second page of 2 is the last: two requests per walk, none with a limit.
        Assert.Equal(Enumerable.Repeat(new[] { "offset=0", "offset=10" }, 3).SelectMany(t => t), gateway.Requests.Select(r => r.Target.Split('?')[1]));
    }

    [Fact]
    public async Task An_empty_first_page_ends_the_walk_at_once()
    {
        await using var gateway = await PageGateway.StartAsync(count: 0, reportsTotal: false);
        using var client = gateway.CreateClient();

        Assert.Empty(await IPagingApi.Create(client).ListCodesAsync("S1", new PagedCodeQuery { Limit = 5 }).ToListAsync());
        Assert.Single(gateway.Requests);
    }

    [Fact]
    public async Task The_walk_starts_at_the_callers_offset()
    {
        await using var gateway = await PageGateway.StartAsync(count: 7);
        using var client = gateway.CreateClient();

        var codes = await IPagingApi.Create(client).ListCodesByParametersAsync("S1", "USED", 3, 3).ToListAsync();

        Assert.Equal(Codes(3, 4), codes.Select(c => c.Code));
        Assert.All(codes, c => Assert.Equal("USED", c.CodeStatus));
        Assert.Equal(["status=USED&offset=3&limit=3", "status=USED&offset=6&limit=3"], gateway.Requests.Select(r => r.Target.Split('?')[1]));
    }

    [Fact]
    public async Task An_early_break_sends_no_further_request()
    {
        await using var gateway = await PageGateway.StartAsync(count: 10);
        using var client = gateway.CreateClient();

        var codes = new List<string>();
        await foreach (var code in IPagingApi.Create(client).ListCodesAsync("S1", new PagedCodeQuery { Limit = 2 }))
        {
            codes.Add(code.Code);
            if (codes.Count == 3)
                break;
        }

        Assert.Equal(Codes(0, 3), codes);
        Assert.Equal(2, gateway.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_the_methods_token_stops_the_walk_before_the_next_item()
    {
        await using var gateway = await PageGateway.StartAsync(count: 10);
        using var client = gateway.CreateClient();
        using var cancellation = new CancellationTokenSource();

        var codes = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var code in IPagingApi.Create(client).ListCodesAsync("S1", new PagedCodeQuery { Limit = 4 }, cancellation.Token))
            {
                codes.Add(code.Code);
                cancellation.Cancel();
            }
        });

        Assert.Equal(Codes(0, 1), codes);
        Assert.Single(gateway.Requests);
    }

    [Fact]
    public async Task WithCancellation_cancels_a_page_in_flight()
    {
        var secondPageArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var gateway = await PageGateway.StartAsync(count: 10, beforeAnswer: async (offset, aborted) =>
        {
            if (offset == 0)
                return;
            secondPageArrived.TrySetResult();
            // Held until the client gives up (the connection is aborted) or the gateway stops.
            await Task.Delay(Timeout.Infinite, aborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using var client = gateway.CreateClient();
        using var cancellation = new CancellationTokenSource();

        var codes = new List<string>();
        var walk = Task.Run(async () =>
        {
            await foreach (var code in IPagingApi.Create(client).ListCodesByParametersAsync("S1", null, 0, 2).WithCancellation(cancellation.Token))
                codes.Add(code.Code);
        });
        await secondPageArrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => walk.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(Codes(0, 2), codes);
        Assert.Equal(2, gateway.Requests.Count);
    }

    [Fact]
    public async Task A_page_that_fails_verification_throws_and_yields_none_of_its_items()
    {
        await using var gateway = await PageGateway.StartAsync(count: 6, tamperedOffset: 2);
        using var client = gateway.CreateClient();

        var codes = new List<string>();
        await Assert.ThrowsAsync<WeChatPayVerificationException>(async () =>
        {
            await foreach (var code in IPagingApi.Create(client).ListCodesAsync("S1", new PagedCodeQuery { Limit = 2 }))
                codes.Add(code.Code);
        });

        Assert.Equal(Codes(0, 2), codes);
        Assert.Equal(2, gateway.Requests.Count);
    }

    [Fact]
    public async Task Page_number_mode_asks_for_the_next_page_index_and_stops_at_total_count()
    {
        await using var gateway = await PageGateway.StartAsync(count: 6);
        using var client = gateway.CreateClient();

        var codes = await IPagingApi.Create(client).ListByPageNumberAsync("OPENID", new PagedCodeQuery { Limit = 2 }).Select(c => c.Code).ToListAsync();

        Assert.Equal(Codes(0, 6), codes);
        // Three full pages hold the six codes: page 2 reaches total_count, so no fourth request.
        Assert.Equal(["offset=0&limit=2", "offset=1&limit=2", "offset=2&limit=2"], gateway.Requests.Select(r => r.Target.Split('?')[1]));
        Assert.All(gateway.Requests, r => Assert.True(r.SignatureValid));
    }

    [Fact]
    public async Task Page_number_mode_starts_at_the_callers_page_and_stops_at_a_short_page()
    {
        await using var gateway = await PageGateway.StartAsync(count: 7, reportsTotal: false);
        using var client = gateway.CreateClient();

        var codes = await IPagingApi.Create(client).ListByPageNumberAsync("OPENID", new PagedCodeQuery { Offset = 1, Limit = 3 }).Select(c => c.Code).ToListAsync();

        Assert.Equal(Codes(3, 4), codes);
        Assert.Equal(["offset=1&limit=3", "offset=2&limit=3"], gateway.Requests.Select(r => r.Target.Split('?')[1]));
    }

    [Fact]
    public async Task Page_number_mode_with_no_limit_uses_the_page_size_the_endpoint_answers()
    {
        await using var gateway = await PageGateway.StartAsync(count: 12, defaultLimit: 5, reportsTotal: false);
        using var client = gateway.CreateClient();

        var count = await IPagingApi.Create(client).ListByPageNumberAsync("OPENID", null).CountAsync();

        Assert.Equal(12, count);
        Assert.Equal(["offset=0", "offset=1", "offset=2"], gateway.Requests.Select(r => r.Target.Split('?')[1]));
    }

    [Fact]
    public async Task Page_number_mode_an_early_break_sends_no_further_request()
    {
        await using var gateway = await PageGateway.StartAsync(count: 10);
        using var client = gateway.CreateClient();

        var codes = new List<string>();
        await foreach (var code in IPagingApi.Create(client).ListByPageNumberAsync("OPENID", new PagedCodeQuery { Limit = 3 }))
        {
            codes.Add(code.Code);
            if (codes.Count == 4)
                break;
        }

        Assert.Equal(Codes(0, 4), codes);
        Assert.Equal(["offset=0&limit=3", "offset=1&limit=3"], gateway.Requests.Select(r => r.Target.Split('?')[1]));
    }

    [Fact]
    public async Task An_interface_with_its_own_json_context_pages_in_both_modes()
    {
        await using var gateway = await PageGateway.StartAsync(count: 5);
        using var client = gateway.CreateClient();
        var api = IPagingContextApi.Create(client);

        var byOffset = await api.ListCodesAsync("S1", "USED", null, 2).ToListAsync();
        var byPage = await api.ListByPageNumberAsync("OPENID", 0, 2).ToListAsync();

        Assert.Equal(Codes(0, 5), byOffset.Select(c => c.Code));
        Assert.All(byOffset, c => Assert.Equal("USED", c.CodeStatus));
        Assert.Equal(Codes(0, 5), byPage.Select(c => c.Code));
        Assert.Equal(
            ["status=USED&offset=0&limit=2", "status=USED&offset=2&limit=2", "status=USED&offset=4&limit=2", "offset=0&limit=2", "offset=1&limit=2", "offset=2&limit=2"],
            gateway.Requests.Select(r => r.Target.Split('?')[1]));
    }
}
