using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace Kernel.Contracts.Clients.Tests;

/// <summary>Semantic JSON equality: objects compared without regard to member order, numbers by value, arrays in order.</summary>
internal static class JsonSemantic
{
    /// <summary>The first difference between two JSON values (with its path), or null when they are equal.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var expectedKind = expected?.GetValueKind() ?? JsonValueKind.Null;
        var actualKind = actual?.GetValueKind() ?? JsonValueKind.Null;
        if (IsBoolean(expectedKind) && IsBoolean(actualKind))
        {
            return expectedKind == actualKind ? null : path + ": expected " + expectedKind + " but was " + actualKind;
        }

        if (expectedKind != actualKind)
        {
            return path + ": expected " + Show(expected) + " but was " + Show(actual);
        }

        switch (expectedKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return string.Equals(expected!.GetValue<string>(), actual!.GetValue<string>(), StringComparison.Ordinal)
                    ? null
                    : path + ": expected " + Show(expected) + " but was " + Show(actual);
            case JsonValueKind.Number:
                return NumberEquals(expected!.ToJsonString(), actual!.ToJsonString())
                    ? null
                    : path + ": expected the number " + expected.ToJsonString() + " but was " + actual.ToJsonString();
            case JsonValueKind.Array:
                var left = expected!.AsArray();
                var right = actual!.AsArray();
                if (left.Count != right.Count)
                {
                    return path + ": expected " + left.Count + " items but found " + right.Count + " (" + Show(actual) + ")";
                }

                for (var i = 0; i < left.Count; i++)
                {
                    if (Difference(left[i], right[i], path + "[" + i + "]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Object:
                var expectedObject = expected!.AsObject();
                var actualObject = actual!.AsObject();
                var missing = expectedObject.Select(p => p.Key).Except(actualObject.Select(p => p.Key), StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    return path + ": missing member(s) " + string.Join(", ", missing) + " in " + Show(actual);
                }

                var extra = actualObject.Select(p => p.Key).Except(expectedObject.Select(p => p.Key), StringComparer.Ordinal).ToList();
                if (extra.Count > 0)
                {
                    return path + ": unexpected member(s) " + string.Join(", ", extra) + " in " + Show(actual);
                }

                foreach (var (name, value) in expectedObject)
                {
                    if (Difference(value, actualObject[name], path + "." + name) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                throw new InvalidOperationException("Unexpected JSON kind " + expectedKind);
        }
    }

    /// <summary>Fails with <paramref name="context"/> and the first difference when the two values differ.</summary>
    public static void Equal(JsonNode? expected, JsonNode? actual, string context)
    {
        if (Difference(expected, actual) is { } difference)
        {
            throw new XunitException(context + ": " + difference + Environment.NewLine + "expected: " + Show(expected) + Environment.NewLine + "actual:   " + Show(actual));
        }
    }

    public static void Equal(JsonNode? expected, string actualJson, string context) => Equal(expected, JsonNode.Parse(actualJson), context);

    /// <summary>An integer of a document (YAML numbers are read as <see cref="long"/>), or null.</summary>
    public static int? Int(JsonNode? node) => node is null ? null : int.Parse(node.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static bool IsBoolean(JsonValueKind kind) => kind is JsonValueKind.True or JsonValueKind.False;

    private static bool NumberEquals(string left, string right)
    {
        if (decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
        {
            return a == b;
        }

        return double.Parse(left, NumberStyles.Float, CultureInfo.InvariantCulture) == double.Parse(right, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
