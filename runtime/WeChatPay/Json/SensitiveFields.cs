using System.Diagnostics.CodeAnalysis;

namespace WeChatPay.Json;

/// <summary>
/// Helpers for the generated [Sensitive] walks: each returns a new value (a string, or a copied collection) and never
/// changes its input, so that encrypting a request leaves the caller's object as it was. Nulls stay null.
/// </summary>
public static class SensitiveFields
{
    /// <summary>Applies <paramref name="transform"/> (encrypt or decrypt) to a sensitive string; null stays null.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Transform(string? value, Func<string, string> transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        return value is null ? null : transform(value);
    }

    /// <summary>A new list with <paramref name="map"/> applied to each non-null element.</summary>
    [return: NotNullIfNotNull(nameof(items))]
    public static List<T>? Map<T>(List<T>? items, Func<T, T> map)
    {
        if (items is null)
            return null;
        var result = new List<T>(items.Count);
        foreach (var item in items)
            result.Add(item is null ? item : map(item));
        return result;
    }

    /// <summary>A new array with <paramref name="map"/> applied to each non-null element.</summary>
    [return: NotNullIfNotNull(nameof(items))]
    public static T[]? Map<T>(T[]? items, Func<T, T> map)
    {
        if (items is null)
            return null;
        var result = new T[items.Length];
        for (var i = 0; i < items.Length; i++)
            result[i] = items[i] is null ? items[i] : map(items[i]);
        return result;
    }

    /// <summary>A new dictionary, with the same keys and key comparer, with <paramref name="map"/> applied to each non-null value.</summary>
    [return: NotNullIfNotNull(nameof(items))]
    public static Dictionary<string, T>? Map<T>(Dictionary<string, T>? items, Func<T, T> map)
    {
        if (items is null)
            return null;
        var result = new Dictionary<string, T>(items.Count, items.Comparer);
        foreach (var (key, value) in items)
            result.Add(key, value is null ? value : map(value));
        return result;
    }

    /// <summary>A new list with <paramref name="map"/> applied to each non-null element.</summary>
    [return: NotNullIfNotNull(nameof(items))]
    public static IReadOnlyList<T>? Map<T>(IReadOnlyList<T>? items, Func<T, T> map)
    {
        if (items is null)
            return null;
        var result = new List<T>(items.Count);
        foreach (var item in items)
            result.Add(item is null ? item : map(item));
        return result;
    }
}
