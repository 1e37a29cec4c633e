using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kernel.Contracts.OpenApi;

namespace Kernel.Contracts.Conformance.Probing;

/// <summary>
/// Parameter values drawn from their schema, as different users would send them: a member of the enum, a string the
/// pattern matches (<see cref="RegexSampler"/>), a value of the format (uuid, date-time, date, email, uri, int32…) or
/// of an allowed length, a number in range; and near misses the schema refuses: one character too many or too few,
/// one character outside its class, a number just outside the range, an enum member with its case changed.
/// </summary>
internal static class SchemaSampler
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>A value the schema accepts; null when none can be made (a pattern the sampler does not support).</summary>
    public static string? Valid(SchemaShape shape, Random random)
    {
        if (shape.Enum is { Count: > 0 } values) return Text(values[random.Next(values.Count)]);
        switch (shape.Type)
        {
            case "integer":
                var (low, high) = Range(shape, 1000m);
                return ((long)low + (long)(random.NextDouble() * (double)((long)high - (long)low))).ToString(CultureInfo.InvariantCulture);
            case "number":
                var (min, max) = Range(shape, 1000m);
                return Math.Round(min + (decimal)random.NextDouble() * (max - min), 2).Clamp(min, max).ToString(CultureInfo.InvariantCulture);
            case "boolean":
                return random.Next(2) == 0 ? "true" : "false";
        }

        var minLength = shape.MinLength ?? 0;
        var maxLength = shape.MaxLength ?? int.MaxValue;
        if (shape.Pattern is not null) return shape.PatternSampler?.Sample(random, minLength, maxLength);
        if (Formatted(shape.Format, random) is { } formatted && formatted.Length >= minLength && formatted.Length <= maxLength) return formatted;
        var shortest = Math.Max(minLength, 1);
        return Letters(random, random.Next(shortest, Math.Max(shortest, Math.Min(maxLength, shortest + 15)) + 1));
    }

    /// <summary>Values the schema refuses, each with what is wrong with it.</summary>
    public static IEnumerable<(string What, string Value)> NearMisses(SchemaShape shape, Random random)
    {
        switch (shape.Type)
        {
            case "integer":
            case "number":
                var step = shape.Type == "integer" ? 1m : 0.01m;
                yield return ("not a number", "NaN-x");
                // An exclusive bound is itself the nearest miss.
                if (shape.Minimum is { } min) yield return ("below its minimum", (min.Exclusive ? min.Value : min.Value - step).ToString(CultureInfo.InvariantCulture));
                if (shape.Maximum is { } max) yield return ("above its maximum", (max.Exclusive ? max.Value : max.Value + step).ToString(CultureInfo.InvariantCulture));
                yield break;
            case "boolean":
                yield return ("not a boolean", "maybe");
                yield break;
            case "string":
                break;
            default:
                yield break;
        }

        if (shape.Enum is { Count: > 0 } members)
        {
            yield return ("not in its enum", "not-a-member-x");
            var names = members.Select(Text).OfType<string>().ToList();
            var changed = names.Where(n => n.Any(char.IsLetter)).Select(ChangeCase).Where(c => !names.Contains(c, StringComparer.Ordinal)).ToList();
            if (changed.Count > 0) yield return ("a member of its enum with its case changed", changed[random.Next(changed.Count)]);
        }

        var minLength = shape.MinLength ?? 0;
        var maxLength = shape.MaxLength ?? int.MaxValue;
        if (shape.PatternSampler is { } sampler)
        {
            if (sampler.OutsideClass(random, minLength, maxLength) is { } outside) yield return ("breaking its pattern with a character outside its class", outside);
        }
        else if (shape.Pattern is { } pattern && !Regex.IsMatch("bad.value~x", pattern))
        {
            yield return ("breaking its pattern", "bad.value~x");
        }

        // Length near misses start from a valid value: one character more than the longest, one fewer than the shortest.
        var valid = shape.Enum is null ? Valid(shape, random) : null;
        if (string.IsNullOrEmpty(valid)) valid = "a";
        if (shape.MaxLength is { } longest)
        {
            yield return ("one character longer than " + longest, Cycle(valid, longest + 1));
        }

        if (shape.MinLength is > 1 and var shortest)
        {
            yield return ("one character shorter than " + shortest, Cycle(valid, shortest - 1));
        }
    }

    /// <summary>A value of a format a parameter commonly has, or null for a format left to plain strings.</summary>
    private static string? Formatted(string? format, Random random)
    {
        var instant = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.Next(0, 6 * 365 * 24 * 3600));
        switch (format)
        {
            case "uuid":
                var bytes = new byte[16];
                random.NextBytes(bytes);
                bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4, as most servers issue them
                return new Guid(bytes).ToString("D");
            case "date-time":
                return instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            case "date":
                return instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case "time":
                return instant.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            case "email":
                return Letters(random, 6).ToLowerInvariant() + "@example.com";
            case "uri":
            case "url":
                return "https://example.com/" + Letters(random, 8);
            case "uri-reference":
                return "/" + Letters(random, 8);
            case "hostname":
                return Letters(random, 8).ToLowerInvariant() + ".example.com";
            case "ipv4":
                return string.Join(".", Enumerable.Range(0, 4).Select(_ => random.Next(1, 255).ToString(CultureInfo.InvariantCulture)));
            case "int32":
            case "int64":
                return random.Next(1, 100000).ToString(CultureInfo.InvariantCulture);
            case "byte":
                var data = new byte[9];
                random.NextBytes(data);
                return Convert.ToBase64String(data);
            default:
                return null;
        }
    }

    /// <summary>The schema's range, or one of <paramref name="width"/> around what it gives (an open range is not a user's value).</summary>
    private static (decimal Low, decimal High) Range(SchemaShape shape, decimal width) => (Inside(shape.Minimum, shape.Type, +1), Inside(shape.Maximum, shape.Type, -1)) switch
    {
        ({ } low, { } high) => (low, high),
        ({ } low, null) => (low, low + width),
        (null, { } high) => (high - width, high),
        _ => (1, width),
    };

    /// <summary>The nearest value a bound lets through: itself, or one step inside when it is exclusive.</summary>
    private static decimal? Inside(Bound? bound, string? type, int direction) =>
        bound is not { } b ? null : b.Exclusive ? b.Value + direction * (type == "integer" ? 1m : 0.01m) : b.Value;

    private static decimal Clamp(this decimal value, decimal low, decimal high) => Math.Min(Math.Max(value, low), high);

    private static string Letters(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++) text.Append(Alphanumeric[random.Next(Alphanumeric.Length)]);
        return text.ToString();
    }

    /// <summary><paramref name="text"/>'s characters, repeated or cut to <paramref name="length"/>.</summary>
    private static string Cycle(string text, int length)
    {
        var result = new StringBuilder(length);
        while (result.Length < length) result.Append(text[result.Length % text.Length]);
        return result.ToString();
    }

    private static string ChangeCase(string text)
    {
        var upper = text.ToUpperInvariant();
        return upper != text ? upper : text.ToLowerInvariant();
    }

    private static string? Text(JsonNode? node) => node is JsonValue value ? value.ToString() : null;
}
