// Emitted as {Api}.Fakers.Support.g.cs (FakerEmitter), followed by PatternSampler.cs.
namespace Kernel.Contracts.Support;

/// <summary>Value makers for the generated fakers.</summary>
[System.CodeDom.Compiler.GeneratedCode("Kernel.Contracts.Generator", "0.0.0")]
internal static class FakerSupport
{
    public static string Text(global::Bogus.Faker f, int? minLength, int? maxLength, System.Text.RegularExpressions.Regex? pattern, string? format)
    {
        var min = minLength ?? 0;
        var max = maxLength ?? System.Math.Max(min, 24);
        if (pattern is not null)
        {
            // Sample the pattern until a sample also fits the length bounds.
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var sample = PatternSampler.Sample(f, pattern.ToString(), min, max);
                if (sample is not null && sample.Length >= min && sample.Length <= max && pattern.IsMatch(sample))
                {
                    return sample;
                }
            }

            throw new System.InvalidOperationException("No sample of the pattern " + pattern + " fits " + min + ".." + max + " characters; override this member.");
        }

        var text = format switch
        {
            "email" => f.Internet.Email(),
            "hostname" => f.Internet.DomainName(),
            "ipv4" => f.Internet.Ip(),
            "ipv6" => f.Internet.Ipv6(),
            "uri" or "url" => f.Internet.UrlWithPath("https"),
            "uri-reference" => "/" + f.Lorem.Word(),
            "date-time" => f.Date.RecentOffset(30, new System.DateTimeOffset(2026, 1, 1, 0, 0, 0, System.TimeSpan.Zero)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            "date" => f.Date.Past(5, new System.DateTime(2026, 1, 1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "uuid" => f.Random.Guid().ToString("D"),
            _ => f.Lorem.Sentence(3).TrimEnd('.'),
        };
        // A value of a format is cut only to the schema's own maxLength: cut to the default, a uuid or address is none.
        if (text.Length > max && (maxLength is not null || format is null))
        {
            text = text.Substring(0, max);
        }

        while (text.Length < min)
        {
            text += f.Random.AlphaNumeric(1);
        }

        return text;
    }

    public static decimal Number(global::Bogus.Faker f, bool integer, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum, decimal lowest, decimal highest)
    {
        var step = integer ? 1m : 0.01m;
        var low = minimum is null ? System.Math.Max(lowest, 0m) : minimum.Value + (exclusiveMinimum ? step : 0m);
        var high = maximum is null ? System.Math.Min(highest, low + 1000m) : maximum.Value - (exclusiveMaximum ? step : 0m);
        if (integer)
        {
            low = decimal.Ceiling(low);
            high = decimal.Floor(high);
        }

        if (high < low)
        {
            high = low;
        }

        var value = low + (decimal)f.Random.Double() * (high - low);
        return integer ? decimal.Round(value) : decimal.Round(value, 2);
    }

    public static System.Collections.Generic.IReadOnlyList<T> List<T>(global::Bogus.Faker f, int? minItems, int? maxItems, int depth, System.Func<global::Bogus.Faker, int, T> item)
    {
        var min = minItems ?? 0;
        var max = depth >= 4 ? min : System.Math.Max(min, maxItems ?? System.Math.Max(min, 3));
        var count = f.Random.Int(min, System.Math.Min(max, min + 5));
        var list = new System.Collections.Generic.List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(item(f, depth));
        }

        return list;
    }

    public static System.Collections.Generic.IReadOnlyDictionary<string, T> Map<T>(global::Bogus.Faker f, int depth, System.Func<global::Bogus.Faker, int, T> item)
    {
        var map = new System.Collections.Generic.Dictionary<string, T>();
        var count = depth >= 4 ? 0 : f.Random.Int(0, 3);
        for (var i = 0; i < count; i++)
        {
            map[f.Lorem.Word() + i] = item(f, depth);
        }

        return map;
    }

    public static System.Text.Json.JsonElement Any(global::Bogus.Faker f)
    {
        using var document = System.Text.Json.JsonDocument.Parse("\"" + f.Lorem.Word() + "\"");
        return document.RootElement.Clone();
    }
}
