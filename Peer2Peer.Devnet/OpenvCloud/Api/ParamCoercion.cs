using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Peer2Peer.Devnet.OpenvCloud.Api;

/// <summary>Type coercion like the portal's validator: ints and bools also arrive as strings from query or form.</summary>
internal static class ParamCoercion
{
    public static bool TryCoerce(JsonNode node, ParamType type, out object? value)
    {
        value = null;
        switch (type)
        {
            case ParamType.Any:
                value = node.DeepClone();
                return true;
            case ParamType.Int:
                if (TryInt(node, out var i))
                {
                    value = i;
                    return true;
                }

                return false;
            case ParamType.Float:
                if (TryFloat(node, out var f))
                {
                    value = f;
                    return true;
                }

                return false;
            case ParamType.Bool:
                if (TryBool(node, out var b))
                {
                    value = b;
                    return true;
                }

                return false;
            case ParamType.Str:
                if (node.GetValueKind() == JsonValueKind.String)
                {
                    value = node.GetValue<string>();
                    return true;
                }

                if (node.GetValueKind() == JsonValueKind.Number)
                {
                    value = node.ToJsonString();
                    return true;
                }

                return false;
            case ParamType.IntList:
                if (TryIntList(node, out var list))
                {
                    value = list;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Empty strings and JSON null mean "not given" (§1.3).</summary>
    public static bool IsEmpty(JsonNode? node) =>
        node is null || (node.GetValueKind() == JsonValueKind.String && node.GetValue<string>().Length == 0);

    private static bool TryInt(JsonNode node, out int value)
    {
        value = 0;
        switch (node.GetValueKind())
        {
            case JsonValueKind.Number:
                var number = node.AsValue();
                if (number.TryGetValue<int>(out value))
                {
                    return true;
                }

                // Go clients pass ints through float64; an integral double is still an int.
                return number.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue
                    && Assign((int)d, out value);
            case JsonValueKind.String:
                return int.TryParse(node.GetValue<string>().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }

    private static bool TryFloat(JsonNode node, out double value)
    {
        value = 0;
        return node.GetValueKind() switch
        {
            JsonValueKind.Number => node.AsValue().TryGetValue(out value) && double.IsFinite(value),
            JsonValueKind.String => double.TryParse(node.GetValue<string>().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
                && double.IsFinite(value),
            _ => false,
        };
    }

    private static bool TryBool(JsonNode node, out bool value)
    {
        value = false;
        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number:
                if (node.AsValue().TryGetValue<int>(out var n) && n is 0 or 1)
                {
                    value = n == 1;
                    return true;
                }

                return false;
            case JsonValueKind.String:
                switch (node.GetValue<string>().Trim().ToLowerInvariant())
                {
                    case "true" or "1" or "yes" or "y":
                        value = true;
                        return true;
                    case "false" or "0" or "no" or "n":
                        return true;
                    default:
                        return false;
                }

            default:
                return false;
        }
    }

    private static bool TryIntList(JsonNode node, out List<int> value)
    {
        value = [];
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is null || !TryInt(item, out var i))
                {
                    return false;
                }

                value.Add(i);
            }

            return true;
        }

        if (node.GetValueKind() == JsonValueKind.String)
        {
            foreach (var part in node.GetValue<string>().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
                {
                    return false;
                }

                value.Add(i);
            }

            return true;
        }

        return TryInt(node, out var single) && Assign([single], out value);
    }

    private static bool Assign<T>(T source, out T target)
    {
        target = source;
        return true;
    }
}
