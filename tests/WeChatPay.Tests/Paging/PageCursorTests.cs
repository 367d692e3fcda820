namespace WeChatPay.Tests.Paging;

/// <summary>The cursor's offsets and stop rules, in both page modes.</summary>
public sealed class PageCursorTests
{
    private static WeChatPayPage<PageItem> Page(int count, long? total = null, long? limit = null)
    {
        var data = string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"code":"C{{i}}"}"""));
        var counters = (total is null ? "" : $",\"total_count\":{total}") + (limit is null ? "" : $",\"limit\":{limit}");
        return WeChatPayPageTests.Read("{\"data\":[" + data + "]" + counters + "}");
    }

    [Fact]
    public void Offset_mode_moves_by_the_items_read_and_stops_at_total_count()
    {
        var cursor = new PageCursor(PageMode.Offset, 3, 2);

        Assert.True(cursor.Advance(Page(2, total: 7)));
        Assert.Equal(5, cursor.Offset);
        Assert.False(cursor.Advance(Page(2, total: 7)));
    }

    [Fact]
    public void Page_number_mode_moves_by_one_page_and_stops_when_the_pages_cover_total_count()
    {
        var cursor = new PageCursor(PageMode.PageNumber, null, 10);

        Assert.True(cursor.Advance(Page(10, total: 30)));
        Assert.Equal(1, cursor.Offset);
        Assert.True(cursor.Advance(Page(10, total: 30)));
        Assert.False(cursor.Advance(Page(10, total: 30)));
        Assert.Equal(2, cursor.Offset);
    }

    [Theory]
    [InlineData(PageMode.Offset)]
    [InlineData(PageMode.PageNumber)]
    public void An_empty_or_short_page_is_the_last(PageMode mode)
    {
        Assert.False(new PageCursor(mode, 0, 5).Advance(Page(0)));
        Assert.False(new PageCursor(mode, 0, 5).Advance(Page(4)));
        // Without a limit sent, the size the endpoint answers decides.
        Assert.False(new PageCursor(mode, 0, null).Advance(Page(4, limit: 5)));
        Assert.True(new PageCursor(mode, 0, null).Advance(Page(5, limit: 5)));
    }

    [Fact]
    public void Page_number_mode_without_any_page_size_takes_the_first_page_as_full()
    {
        var cursor = new PageCursor(PageMode.PageNumber, 0, null);

        Assert.True(cursor.Advance(Page(3)));
        Assert.True(cursor.Advance(Page(3)));
        Assert.False(cursor.Advance(Page(2)));
    }

    [Fact]
    public void An_unset_limit_is_not_sent()
    {
        Assert.Null(new PageCursor(PageMode.Offset, null, 0).Limit);
        Assert.Null(new PageCursor(PageMode.Offset, null, null).Limit);
        Assert.Equal(0, new PageCursor(PageMode.PageNumber, null, null).Offset);
    }

    [Theory]
    [InlineData(-1L, null)]
    [InlineData(0L, -5L)]
    public void A_negative_offset_or_limit_is_the_callers_mistake(long? offset, long? limit)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new PageCursor(PageMode.Offset, offset, limit));

    [Fact]
    public void An_unknown_mode_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new PageCursor((PageMode)7, 0, 1));
}
