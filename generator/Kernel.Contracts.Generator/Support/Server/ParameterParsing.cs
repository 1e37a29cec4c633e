namespace Kernel.Contracts.Support;

// The generator copies the members of this class into each {Api}ServerEndpoints class (ServerEmitter.Endpoints).
internal static partial class EndpointMembers
{
    private static void SkipValidation(System.Text.Json.JsonElement value, string path, System.Collections.Generic.ICollection<ValidationError> errors)
    {
    }

    private static bool ParseOne(global::Microsoft.Extensions.Primitives.StringValues values, string name, bool required, System.Collections.Generic.List<ValidationError> errors, out string? text)
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

    private static System.Collections.Generic.IReadOnlyList<T>? ParseAll<T>(global::Microsoft.Extensions.Primitives.StringValues values, string name, bool required, System.Collections.Generic.List<ValidationError> errors, System.Func<string, string, System.Collections.Generic.List<ValidationError>, T> parse)
    {
        if (values.Count == 0)
        {
            if (required)
            {
                errors.Add(new ValidationError(name, "is required"));
            }

            return null;
        }

        var list = new System.Collections.Generic.List<T>();
        foreach (var value in values)
        {
            foreach (var part in (value ?? string.Empty).Split(','))
            {
                list.Add(parse(part, name, errors));
            }
        }

        return list;
    }

    private static string CheckText(string text, string name, int? minLength, int? maxLength, System.Text.RegularExpressions.Regex? pattern, string? format, System.Collections.Generic.List<ValidationError> errors)
    {
        SchemaChecks.Text(text, name, minLength, maxLength, pattern, format, errors);
        return text;
    }

    private static bool ParseBoolean(string text, string name, System.Collections.Generic.List<ValidationError> errors) => text switch
    {
        "true" => true,
        "false" => false,
        _ => Invalid<bool>(name, "must be true or false", errors),
    };

    private static decimal ParseNumber(string text, string name, bool integer, decimal? minimum, bool exclusiveMinimum, decimal? maximum, bool exclusiveMaximum, decimal lowest, decimal highest, System.Collections.Generic.List<ValidationError> errors)
    {
        if (!decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
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

    private static T ParseEnum<T>(string text, string name, System.Collections.Generic.IReadOnlyList<T> known, System.Func<string, T> create, System.Collections.Generic.List<ValidationError> errors)
    {
        var value = create(text);
        foreach (var candidate in known)
        {
            if (System.Collections.Generic.EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return value;
            }
        }

        return Invalid<T>(name, "must be one of " + string.Join(", ", known), errors);
    }

    private static T Invalid<T>(string name, string reason, System.Collections.Generic.List<ValidationError> errors)
    {
        errors.Add(new ValidationError(name, reason));
        return default!;
    }
}
