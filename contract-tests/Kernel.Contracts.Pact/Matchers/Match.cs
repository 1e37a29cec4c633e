using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Kernel.Contracts.Pact.Matchers;

/// <summary>
/// Pact matchers, as in PactNet: each takes an example and a rule, checks the example against the rule at once
/// (throwing <see cref="ArgumentException"/> when it does not satisfy it), and yields a <see cref="Matcher"/>.
/// </summary>
public static class Match
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Matches any value of the same JSON type as <paramref name="example"/> (objects: recursively by type).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="example"/> is null (use <see cref="Null"/>).</exception>
    public static Matcher Type(object example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return new Matcher("type", example);
    }

    /// <summary>Matches strings matching <paramref name="regex"/>.</summary>
    /// <remarks>
    /// The example must match the whole expression (checked with .NET regular expressions, which share the
    /// common syntax with the Rust <c>regex</c> crate the core uses; look-arounds and back-references are .NET-only).
    /// </remarks>
    /// <exception cref="ArgumentException">The expression is invalid, or the example does not match it.</exception>
    public static Matcher Regex(string example, string regex)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentException.ThrowIfNullOrEmpty(regex);

        bool matches;
        try
        {
            matches = System.Text.RegularExpressions.Regex.IsMatch(example, $"^(?:{regex})$", RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"'{regex}' is not a valid regular expression: {exception.Message}", nameof(regex), exception);
        }

        return matches
            ? new Matcher("regex", example, true, Attribute("regex", regex))
            : throw new ArgumentException($"The example '{example}' does not match the regular expression '{regex}'.", nameof(example));
    }

    /// <summary>Matches any integer (a JSON number without a fractional part).</summary>
    public static Matcher Integer(long example = 1) => new("integer", example);

    /// <summary>Matches any integer; the example must be integral (e.g. <c>3.0</c>, not <c>3.5</c>).</summary>
    /// <exception cref="ArgumentException">The example is not a finite integral number.</exception>
    public static Matcher Integer(double example)
    {
        if (!double.IsFinite(example) || Math.Floor(example) != example || Math.Abs(example) > 9_007_199_254_740_992d)
        {
            throw new ArgumentException($"The example {example.ToString(CultureInfo.InvariantCulture)} is not an integer.", nameof(example));
        }

        return new Matcher("integer", (long)example);
    }

    /// <summary>Matches any decimal number (a JSON number with a fractional part).</summary>
    /// <remarks>The example is always written with a fractional part (<c>10</c> becomes <c>10.0</c>), as the core requires.</remarks>
    public static Matcher Decimal(decimal example = 1.5m) => new("decimal", WithFraction(example));

    /// <summary>Matches any decimal number; the example must be finite.</summary>
    /// <exception cref="ArgumentException">The example is NaN or infinite, or out of the decimal range.</exception>
    public static Matcher Decimal(double example)
    {
        if (!double.IsFinite(example) || Math.Abs(example) > (double)decimal.MaxValue)
        {
            throw new ArgumentException($"The example {example.ToString(CultureInfo.InvariantCulture)} is not a finite decimal number.", nameof(example));
        }

        return new Matcher("decimal", WithFraction((decimal)example));
    }

    /// <summary>Matches date-times in a Java <c>DateTimeFormatter</c> pattern, e.g. <c>yyyy-MM-dd'T'HH:mm:ss</c>.</summary>
    /// <remarks><inheritdoc cref="JavaDateTimeFormat" path="/remarks"/></remarks>
    /// <exception cref="ArgumentException">The example does not parse with the format.</exception>
    public static Matcher DateTime(string example, string format = "yyyy-MM-dd'T'HH:mm:ss") =>
        DateTimeMatcher("datetime", example, format);

    /// <summary>Matches dates in a Java <c>DateTimeFormatter</c> pattern, e.g. <c>yyyy-MM-dd</c>.</summary>
    /// <remarks><inheritdoc cref="JavaDateTimeFormat" path="/remarks"/></remarks>
    /// <exception cref="ArgumentException">The example does not parse with the format.</exception>
    public static Matcher Date(string example, string format = "yyyy-MM-dd") =>
        DateTimeMatcher("date", example, format);

    /// <summary>Matches times in a Java <c>DateTimeFormatter</c> pattern, e.g. <c>HH:mm:ss</c>.</summary>
    /// <remarks><inheritdoc cref="JavaDateTimeFormat" path="/remarks"/></remarks>
    /// <exception cref="ArgumentException">The example does not parse with the format.</exception>
    public static Matcher Time(string example, string format = "HH:mm:ss") =>
        DateTimeMatcher("time", example, format);

    /// <summary>
    /// Matches an array of at least <paramref name="min"/> elements, each of the same type as <paramref name="example"/>.
    /// The example array holds <paramref name="min"/> copies (at least one), so it satisfies its own rule.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="min"/> is negative, or the example is null.</exception>
    public static Matcher MinType(object example, int min)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        return new Matcher("type", Repeat(example, Math.Max(min, 1)), true, Attribute("min", min));
    }

    /// <summary>Matches an array of at most <paramref name="max"/> elements, each of the same type as <paramref name="example"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="max"/> is less than 1, or the example is null.</exception>
    public static Matcher MaxType(object example, int max)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return new Matcher("type", Repeat(example, 1), true, Attribute("max", max));
    }

    /// <summary>Pact-JS style alias of <see cref="MinType"/>: an array of at least <paramref name="min"/> elements like <paramref name="example"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="min"/> is negative, or the example is null.</exception>
    public static Matcher EachLike(object example, int min = 1) => MinType(example, min);

    /// <summary>Matches strings containing <paramref name="substring"/>.</summary>
    /// <exception cref="ArgumentException">The substring is null or empty (it would match everything).</exception>
    public static Matcher Include(string substring)
    {
        ArgumentException.ThrowIfNullOrEmpty(substring);
        return new Matcher("include", substring);
    }

    /// <summary>Matches only JSON <c>null</c>.</summary>
    public static Matcher Null() => new("null", null);

    private static Matcher DateTimeMatcher(string type, string example, string format)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentException.ThrowIfNullOrEmpty(format);

        if (!JavaDateTimeFormat.TryCheck(example, format, out var dotnetFormat))
        {
            throw new ArgumentException(
                $"The example '{example}' does not match the {type} format '{format}' (checked as .NET format '{dotnetFormat}').",
                nameof(example));
        }

        return new Matcher(type, example, true, Attribute("format", format));
    }

    private static decimal WithFraction(decimal value) =>
        value.Scale == 0 ? value + 0.0m : value;

    private static object[] Repeat(object example, int count) =>
        Enumerable.Repeat(example, count).ToArray();

    private static KeyValuePair<string, object> Attribute(string name, object value) => new(name, value);
}
