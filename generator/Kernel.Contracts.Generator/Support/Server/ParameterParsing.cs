namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each {Api}ServerEndpoints class (ServerEmitter.Endpoints).
internal static partial class EndpointMembers
{
    private static void SkipValidation(global::System.Text.Json.JsonElement value, string path, global::System.Collections.Generic.ICollection<ValidationError> errors)
    {
    }

    private static bool ParseOne(global::Microsoft.Extensions.Primitives.StringValues values, string name, bool required, global::System.Collections.Generic.List<ValidationError> errors, out string? text)
    {
        text = values.Count > 0 ? values[0] : null;
        if (values.Count > 1)
        {
            errors.Add(new ValidationError(name, "must be given once"));
            return false;
        }

        if (text is null || (text.Length == 0 && required))
        {
            if (required)
            {
                errors.Add(new ValidationError(name, "is required"));
            }

            return false;
        }

        return true;
    }

    private static global::System.Collections.Generic.IReadOnlyList<T>? ParseAll<T>(global::Microsoft.Extensions.Primitives.StringValues values, string name, bool required, global::System.Collections.Generic.List<ValidationError> errors, global::System.Func<string, string, global::System.Collections.Generic.List<ValidationError>, T> parse)
    {
        if (values.Count == 0)
        {
            if (required)
            {
                errors.Add(new ValidationError(name, "is required"));
            }

            return null;
        }

        var list = new global::System.Collections.Generic.List<T>();
        foreach (var value in values)
        {
            foreach (var part in (value ?? string.Empty).Split(','))
            {
                list.Add(parse(part, name, errors));
            }
        }

        return list;
    }

    private static string CheckText(string text, string name, int? minLength, int? maxLength, global::System.Text.RegularExpressions.Regex? pattern, string? format, global::System.Collections.Generic.List<ValidationError> errors)
    {
        SchemaChecks.Text(text, name, minLength, maxLength, pattern, format, errors);
        return text;
    }

    private static bool ParseBoolean(string text, string name, global::System.Collections.Generic.List<ValidationError> errors) => text switch
    {
        "true" => true,
        "false" => false,
        _ => Invalid<bool>(name, "must be true or false", errors),
    };

    private static decimal ParseNumber(string text, string name, bool integer, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum, decimal lowest, decimal highest, global::System.Collections.Generic.List<ValidationError> errors)
    {
        if (!decimal.TryParse(text, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return Invalid<decimal>(name, integer ? "must be an integer" : "must be a number", errors);
        }

        if (number < lowest || number > highest)
        {
            return Invalid<decimal>(name, "is out of range", errors);
        }

        SchemaChecks.Range(number, name, integer, minimum, exclusiveMinimum, maximum, exclusiveMaximum, errors);
        return number;
    }

    private static T ParseEnum<T>(string text, string name, global::System.Collections.Generic.IReadOnlyList<T> known, global::System.Func<string, T> create, global::System.Collections.Generic.List<ValidationError> errors)
    {
        var value = create(text);
        foreach (var candidate in known)
        {
            if (global::System.Collections.Generic.EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return value;
            }
        }

        return Invalid<T>(name, "must be one of " + string.Join(", ", known), errors);
    }

    private static T Invalid<T>(string name, string reason, global::System.Collections.Generic.List<ValidationError> errors)
    {
        errors.Add(new ValidationError(name, reason));
        return default!;
    }
}
