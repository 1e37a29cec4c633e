using System;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json.Linq;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace Kernel.Contracts.Generator.NSwag;

/// <summary>
/// Applies an NSwag setting, named as in a <c>.nswag</c> file's <c>openApiToCSharpClient</c> section (<c>className</c>,
/// <c>jsonLibrary</c>, …), to <see cref="CSharpClientGeneratorSettings"/>. Item metadata goes through here too, so a
/// setting means the same from either place.
/// </summary>
internal static class NSwagSettingsBinder
{
    // Where a .nswag file says where NSwag writes its output: the compiler decides that here, so these are not settings.
    private static readonly string[] OutputOnly = { "output", "contractsOutputFilePath" };

    /// <summary>Applies one setting; returns null when applied, else why not.</summary>
    public static string? Apply(CSharpClientGeneratorSettings settings, string name, JToken value)
    {
        if (value.Type == JTokenType.Null || OutputOnly.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (string.Equals(name, "operationGenerationMode", StringComparison.OrdinalIgnoreCase))
        {
            return ApplyOperationGenerationMode(settings, value);
        }

        foreach (var target in new object[] { settings, settings.CSharpGeneratorSettings })
        {
            var property = target.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite)
            {
                continue;
            }

            try
            {
                property.SetValue(target, value.ToObject(property.PropertyType));
                return null;
            }
#pragma warning disable CA1031 // Any conversion failure is the user's value, reported as such.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return "'" + value.ToString(Newtonsoft.Json.Formatting.None) + "' is not a valid " + property.PropertyType.Name + " (" + e.Message + ")";
            }
        }

        // A setting left at NSwag's default is harmless even when this generator does not support it.
        return IsDefaultLike(value) ? null : "NSwag's C# client generator has no such setting (or it is not supported inside the compiler)";
    }

    /// <summary>An item metadata value as the JSON value a .nswag file would hold: true, 42, [..] or else a string.</summary>
    public static JToken FromMetadata(string value)
    {
        var trimmed = value.Trim();
        if (trimmed is "true" or "false" || trimmed.StartsWith("[", StringComparison.Ordinal) || (trimmed.Length > 0 && char.IsDigit(trimmed[0])))
        {
            try
            {
                return JToken.Parse(trimmed);
            }
            catch (Newtonsoft.Json.JsonReaderException)
            {
                // Not JSON after all: the text itself.
            }
        }

        return new JValue(value);
    }

    private static string? ApplyOperationGenerationMode(CSharpClientGeneratorSettings settings, JToken value)
    {
        var mode = value.ToString();
        var type = typeof(IOperationNameGenerator).Assembly.GetType(typeof(IOperationNameGenerator).Namespace + "." + mode + "OperationNameGenerator", throwOnError: false);
        if (type is null || !typeof(IOperationNameGenerator).IsAssignableFrom(type))
        {
            return "'" + mode + "' is not an NSwag operation generation mode (e.g. MultipleClientsFromOperationId, SingleClientFromOperationId, MultipleClientsFromPathSegments)";
        }

        settings.OperationNameGenerator = (IOperationNameGenerator)Activator.CreateInstance(type);
        return null;
    }

    private static bool IsDefaultLike(JToken value) => value.Type switch
    {
        JTokenType.Boolean => !value.Value<bool>(),
        JTokenType.String => value.Value<string>()!.Length == 0,
        JTokenType.Array => !value.HasValues,
        _ => false,
    };
}
