using WeChatPay.Json;

namespace WeChatPay.Tests.Json;

/// <summary>The helpers behind generated [Sensitive] walks: new values out, inputs untouched, nulls kept.</summary>
public sealed class SensitiveFieldsTests
{
    private static string Upper(string value) => value.ToUpperInvariant();

    [Fact]
    public void A_dictionary_is_mapped_into_a_new_one_with_the_same_keys_and_comparer_and_its_nulls_kept()
    {
        var input = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["a"] = "x", ["b"] = null };

        var mapped = SensitiveFields.Map(input, value => Upper(value!));

        Assert.NotSame(input, mapped);
        Assert.Equal("X", mapped["A"]);
        Assert.Null(mapped["b"]);
        Assert.Same(StringComparer.OrdinalIgnoreCase, mapped.Comparer);
        Assert.Equal("x", input["a"]);
    }

    [Fact]
    public void Lists_and_arrays_are_mapped_into_new_ones_with_their_nulls_kept()
    {
        var list = new List<string?> { "x", null };
        var array = new[] { "y", null };
        IReadOnlyList<string?> readOnly = ["z", null];

        Assert.Equal(["X", null], SensitiveFields.Map(list, value => Upper(value!)));
        Assert.Equal(new[] { "Y", null }, SensitiveFields.Map(array, value => Upper(value!)).AsEnumerable());
        Assert.Equal(["Z", null], SensitiveFields.Map(readOnly, value => Upper(value!)));
        Assert.Equal(["x", null], list);
        Assert.Equal(new[] { "y", null }, array.AsEnumerable());
    }

    [Fact]
    public void Null_collections_and_strings_stay_null()
    {
        Assert.Null(SensitiveFields.Map((Dictionary<string, string>?)null, Upper));
        Assert.Null(SensitiveFields.Map((List<string>?)null, Upper));
        Assert.Null(SensitiveFields.Transform(null, Upper));
        Assert.Equal("S", SensitiveFields.Transform("s", Upper));
    }
}
