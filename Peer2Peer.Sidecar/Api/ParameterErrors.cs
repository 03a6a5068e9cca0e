using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Peer2Peer.Sia.Types;
using Peer2Peer.Sidecar.Query;

namespace Peer2Peer.Sidecar.Api;

/// <summary>Parses query parameters, collecting one message per bad parameter; the problem names every one (400, never 500).</summary>
public sealed class ParameterErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public ulong? UInt64(string name, string? text) => Parse(name, text, "a whole number of 0 or more",
        t => ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (ulong?)null);

    public int? Int(string name, string? text, int min, int max) => Parse(name, text, $"a whole number from {min} to {max}",
        t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : (int?)null);

    public bool? Boolean(string name, string? text) => Parse(name, text, "true or false", t => bool.TryParse(t, out var v) ? v : (bool?)null);

    public double? Fraction(string name, string? text) => Parse(name, text, "a number from 0 to 1",
        t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1 ? v : (double?)null);

    public Currency? Amount(string name, string? text) => Parse(name, text, "hastings or an amount such as \"30 mS\" or \"0.5 SC\"",
        t => Currency.TryParse(t, null, out var v) ? v : (Currency?)null);

    public T? Choice<T>(string name, string? text, IReadOnlyDictionary<string, T> choices) where T : struct => Parse(name, text,
        "one of " + string.Join(", ", choices.Keys), t => choices.TryGetValue(t.ToLowerInvariant(), out var v) ? v : (T?)null);

    public ProviderCursor? Cursor(string name, string? text, ProviderQuery query)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!ProviderCursor.TryDecode(text, out var cursor) || !ProviderSearch.IsValidCursorValue(cursor))
        {
            _errors[name] = ["is not a cursor this API issued"];
            return null;
        }

        if (cursor.Sort != query.Sort || cursor.Descending != query.Descending)
        {
            _errors[name] = ["was issued for another sort or order: keep sort and order the same while paging"];
            return null;
        }

        return cursor;
    }

    public ProblemHttpResult? Problem() => _errors.Count == 0 ? null : TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(_errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid query parameter" + (_errors.Count > 1 ? "s" : "") + ": " + string.Join(", ", _errors.Keys),
        Extensions = { ["code"] = "invalid-parameter" },
    });

    private T? Parse<T>(string name, string? text, string expected, Func<string, T?> parse) where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Length <= 200 ? parse(text.Trim()) : null;
        if (value is null)
        {
            _errors[name] = [$"must be {expected}"];
        }

        return value;
    }
}
