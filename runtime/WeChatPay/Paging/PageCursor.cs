namespace WeChatPay;

/// <summary>
/// Where a paged walk is and when it ends: the <c>offset</c> and <c>limit</c> to send for the next page, moved on by
/// each page read. The walk ends at an empty page, a page shorter than the page size, or once <c>total_count</c>
/// items lie behind it. Generated paged methods use it; one cursor serves one walk.
/// </summary>
public sealed class PageCursor
{
    private readonly PageMode _mode;
    private long? _firstPageSize;

    /// <summary>Starts a walk at <paramref name="offset"/> (null: 0) with <paramref name="limit"/> items a page.</summary>
    /// <param name="mode">What <c>offset</c> counts.</param>
    /// <param name="offset">The caller's first item position or page index.</param>
    /// <param name="limit">The page size; null or 0 sends none, so the endpoint's default applies.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="limit"/> is negative.</exception>
    public PageCursor(PageMode mode, long? offset, long? limit)
    {
        if (mode is not (PageMode.Offset or PageMode.PageNumber))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "The page mode is not one of Offset, PageNumber.");
        if (offset < 0)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "The first page's offset cannot be negative.");
        if (limit < 0)
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The page size cannot be negative.");
        _mode = mode;
        Offset = offset ?? 0;
        Limit = limit == 0 ? null : limit;
    }

    /// <summary>The <c>offset</c> to send for the next page.</summary>
    public long Offset { get; private set; }

    /// <summary>The <c>limit</c> to send, or null to send none.</summary>
    public long? Limit { get; }

    /// <summary>Moves past <paramref name="page"/>; false when it was the last page.</summary>
    public bool Advance<T>(WeChatPayPage<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var count = page.Items.Count;
        if (count == 0)
            return false;
        // The page size: what was asked, else what the endpoint says it used, else (page numbers) the first page's.
        var size = Limit ?? page.Limit;
        if (_mode == PageMode.Offset)
        {
            Offset += count;
            return !(Offset >= page.TotalCount || count < size);
        }
        size ??= _firstPageSize ??= count;
        if (count < size || (Offset + 1) * size >= page.TotalCount)
            return false;
        Offset++;
        return true;
    }
}
