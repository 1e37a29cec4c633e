// Emitted into every API's namespace as {Api}.Support.SchemaChecks.g.cs (ValidatorEmitter.Checks).
namespace Kernel.Contracts.Support;

/// <summary>One violation of the API description: the member (or parameter) and the rule it breaks.</summary>
[System.CodeDom.Compiler.GeneratedCode("Kernel.Contracts.Generator", "0.0.0")]
public sealed record ValidationError(string Name, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => (Name.Length == 0 ? "body" : Name) + ": " + Reason;
}

/// <summary>The checks generated validators are made of.</summary>
[System.CodeDom.Compiler.GeneratedCode("Kernel.Contracts.Generator", "0.0.0")]
internal static class SchemaChecks
{
    public delegate void Check(System.Text.Json.JsonElement value, string path, System.Collections.Generic.ICollection<ValidationError> errors);

    public static string Join(string path, string member) => path.Length == 0 ? member : path + "." + member;

    public static void String(System.Text.Json.JsonElement value, string path, int? minLength, int? maxLength, System.Text.RegularExpressions.Regex? pattern, string? format, System.Collections.Generic.ICollection<ValidationError> errors)
    {
        if (value.ValueKind != System.Text.Json.JsonValueKind.String)
        {
            errors.Add(new(path, "must be a string"));
            return;
        }

        var text = value.GetString()!;
        Text(text, path, minLength, maxLength, pattern, format, errors);
    }

    /// <summary>Checks text (a JSON string, or a path, query or header value) against string constraints.</summary>
    public static void Text(string text, string path, int? minLength, int? maxLength, System.Text.RegularExpressions.Regex? pattern, string? format, System.Collections.Generic.ICollection<ValidationError> errors)
    {
        if (minLength is not null || maxLength is not null)
        {
            // JSON Schema counts a string's characters as Unicode code points: a surrogate pair is one.
            var length = text.Length;
            foreach (var c in text)
            {
                if (char.IsLowSurrogate(c)) length--;
            }

            if (minLength is not null && length < minLength)
            {
                errors.Add(new(path, "must be at least " + minLength + " characters long"));
            }

            if (maxLength is not null && length > maxLength)
            {
                errors.Add(new(path, "must be at most " + maxLength + " characters long"));
            }
        }

        if (pattern is not null && !pattern.IsMatch(text))
        {
            errors.Add(new(path, "must match the pattern " + pattern));
        }

        var valid = format switch
        {
            "date-time" => System.DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _) && text.Contains('T'),
            "date" => System.DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
            "uuid" => System.Guid.TryParse(text, out _),
            // An absolute URI starts with its scheme: .NET also takes "/path" as absolute (a file URI on Unix).
            "uri" => System.Uri.TryCreate(text, System.UriKind.Absolute, out var uri) && text.StartsWith(uri.Scheme + ":", System.StringComparison.OrdinalIgnoreCase),
            "byte" => System.Convert.TryFromBase64String(text, new byte[text.Length], out _),
            _ => true,
        };
        if (!valid)
        {
            errors.Add(new(path, "must be a valid " + format));
        }
    }

    public static void Boolean(System.Text.Json.JsonElement value, string path, System.Collections.Generic.ICollection<ValidationError> errors)
    {
        if (value.ValueKind is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
        {
            errors.Add(new(path, "must be a boolean"));
        }
    }

    public static void Number(System.Text.Json.JsonElement value, string path, bool integer, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum, System.Collections.Generic.ICollection<ValidationError> errors)
    {
        if (value.ValueKind != System.Text.Json.JsonValueKind.Number)
        {
            errors.Add(new(path, integer ? "must be an integer" : "must be a number"));
            return;
        }

        if (!value.TryGetDecimal(out var number))
        {
            // Beyond decimal, and perhaps beyond double: outside any bound a schema writes, so the sign is what counts.
            var real = value.TryGetDouble(out var parsed) ? parsed : value.GetRawText()[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            number = real >= 7.9e28 ? decimal.MaxValue : real <= -7.9e28 ? decimal.MinValue : (decimal)real;
        }

        Range(number, path, integer, minimum, exclusiveMinimum, maximum, exclusiveMaximum, errors);
    }

    /// <summary>Checks a number (from JSON, or parsed from a parameter) against its range.</summary>
    public static void Range(decimal number, string path, bool integer, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum, System.Collections.Generic.ICollection<ValidationError> errors)
    {
        if (integer && number != decimal.Truncate(number))
        {
            errors.Add(new(path, "must be an integer"));
        }

        if (minimum is not null && (exclusiveMinimum ? number <= minimum : number < minimum))
        {
            errors.Add(new(path, "must be " + (exclusiveMinimum ? "greater than " : "at least ") + minimum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (maximum is not null && (exclusiveMaximum ? number >= maximum : number > maximum))
        {
            errors.Add(new(path, "must be " + (exclusiveMaximum ? "less than " : "at most ") + maximum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public static void Array(System.Text.Json.JsonElement value, string path, int? minItems, int? maxItems, System.Collections.Generic.ICollection<ValidationError> errors, Check item)
    {
        if (value.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            errors.Add(new(path, "must be an array"));
            return;
        }

        var count = value.GetArrayLength();
        if (minItems is not null && count < minItems)
        {
            errors.Add(new(path, "must have at least " + minItems + " items"));
        }

        if (maxItems is not null && count > maxItems)
        {
            errors.Add(new(path, "must have at most " + maxItems + " items"));
        }

        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            item(element, path + "[" + index++ + "]", errors);
        }
    }

    public static void Map(System.Text.Json.JsonElement value, string path, System.Collections.Generic.ICollection<ValidationError> errors, Check item)
    {
        if (value.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            errors.Add(new(path, "must be an object"));
            return;
        }

        foreach (var member in value.EnumerateObject())
        {
            item(member.Value, Join(path, member.Name), errors);
        }
    }
}
