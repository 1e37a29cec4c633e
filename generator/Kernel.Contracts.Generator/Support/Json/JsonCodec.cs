// Emitted into every API's namespace as {Api}.Support.JsonCodec.g.cs (SupportEmitter.JsonCodec).
namespace Kernel.Contracts.Support;

/// <summary>Reads and writes JSON values for the generated converters, with messages that say what and where.</summary>
[System.CodeDom.Compiler.GeneratedCode("Kernel.Contracts.Generator", "0.0.0")]
internal static class JsonCodec
{
    /// <summary>Reads one value from the token the reader stands on, as every converter's <c>ReadValue</c> does.</summary>
    public delegate T Reader<T>(ref System.Text.Json.Utf8JsonReader reader);

    /// <summary>Writes one value, as every converter's <c>WriteValue</c> does.</summary>
    public delegate void Writer<T>(System.Text.Json.Utf8JsonWriter writer, T value);

    public static void Expect(ref System.Text.Json.Utf8JsonReader reader, System.Text.Json.JsonTokenType token, string type)
    {
        if (reader.TokenType != token)
        {
            throw new System.Text.Json.JsonException(type + ": expected " + Describe(token) + " but found " + Describe(reader.TokenType) + ".");
        }
    }

    public static System.Text.Json.JsonException Missing(string type, string property) =>
        new System.Text.Json.JsonException(type + ": the required property '" + property + "' is missing.");

    public static System.Text.Json.JsonException At(string type, System.ReadOnlySpan<byte> property, System.Text.Json.JsonException inner) =>
        new System.Text.Json.JsonException(type + "." + System.Text.Encoding.UTF8.GetString(property) + ": " + inner.Message, inner);

    /// <summary>
    /// Whether the reader stands on the member <paramref name="name"/>. If it does, the reader moves onto its value and
    /// <paramref name="property"/> keeps the name for an error message.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool Is(ref System.Text.Json.Utf8JsonReader reader, System.ReadOnlySpan<byte> name, ref System.ReadOnlySpan<byte> property)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        property = name;
        reader.Read();
        return true;
    }

    /// <summary>Moves onto the next member's name; false at the end of the object.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool NextMember(ref System.Text.Json.Utf8JsonReader reader) => reader.Read() && reader.TokenType != System.Text.Json.JsonTokenType.EndObject;

    /// <summary>Whether the reader stands on a JSON <c>null</c>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsNull(ref System.Text.Json.Utf8JsonReader reader) => reader.TokenType == System.Text.Json.JsonTokenType.Null;

    /// <summary>Whether the reader stands on a JSON <c>null</c>, also kept in <paramref name="isNull"/> (an explicit null is not an absent member).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) => isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null;

    public static string ReadString(ref System.Text.Json.Utf8JsonReader reader)
    {
        Expect(ref reader, System.Text.Json.JsonTokenType.String, "string");
        return reader.GetString()!;
    }

    public static bool ReadBoolean(ref System.Text.Json.Utf8JsonReader reader) => reader.TokenType switch
    {
        System.Text.Json.JsonTokenType.True => true,
        System.Text.Json.JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "a boolean"),
    };

    public static int ReadInt32(ref System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == System.Text.Json.JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw Unexpected(ref reader, "a 32-bit integer");

    public static long ReadInt64(ref System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == System.Text.Json.JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw Unexpected(ref reader, "a 64-bit integer");

    public static double ReadDouble(ref System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == System.Text.Json.JsonTokenType.Number && reader.TryGetDouble(out var value) ? value : throw Unexpected(ref reader, "a number");

    public static float ReadSingle(ref System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == System.Text.Json.JsonTokenType.Number && reader.TryGetSingle(out var value) ? value : throw Unexpected(ref reader, "a number");

    public static decimal ReadDecimal(ref System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == System.Text.Json.JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value : throw Unexpected(ref reader, "a decimal number");

    public static System.DateTimeOffset ReadDateTimeOffset(ref System.Text.Json.Utf8JsonReader reader)
    {
        if (reader.TokenType == System.Text.Json.JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var value))
            {
                return value;
            }

            if (System.DateTimeOffset.TryParse(reader.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out value))
            {
                return value;
            }
        }

        throw Unexpected(ref reader, "a date-time string");
    }

    public static System.DateOnly ReadDateOnly(ref System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == System.Text.Json.JsonTokenType.String && System.DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var value)
            ? value
            : throw Unexpected(ref reader, "a date (yyyy-MM-dd)");

    public static System.TimeSpan ReadTimeSpan(ref System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == System.Text.Json.JsonTokenType.String && System.TimeSpan.TryParse(reader.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unexpected(ref reader, "a time span");

    public static System.Guid ReadGuid(ref System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == System.Text.Json.JsonTokenType.String && reader.TryGetGuid(out var value) ? value : throw Unexpected(ref reader, "a UUID string");

    public static System.Uri ReadUri(ref System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == System.Text.Json.JsonTokenType.String && System.Uri.TryCreate(reader.GetString(), System.UriKind.RelativeOrAbsolute, out var value) ? value : throw Unexpected(ref reader, "a URI string");

    public static byte[] ReadBytes(ref System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == System.Text.Json.JsonTokenType.String && reader.TryGetBytesFromBase64(out var value) ? value : throw Unexpected(ref reader, "a base64 string");

    public static System.Text.Json.JsonElement ReadAny(ref System.Text.Json.Utf8JsonReader reader) =>
        System.Text.Json.JsonElement.ParseValue(ref reader);

    // A member that may be null, in one call: null (and isNull set) for a JSON null, else the value. One overload per scalar.

    public static string? ReadStringOrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadString(ref reader);

    public static bool? ReadBooleanOrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadBoolean(ref reader);

    public static int? ReadInt32OrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadInt32(ref reader);

    public static long? ReadInt64OrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadInt64(ref reader);

    public static double? ReadDoubleOrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadDouble(ref reader);

    public static float? ReadSingleOrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadSingle(ref reader);

    public static decimal? ReadDecimalOrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadDecimal(ref reader);

    public static System.DateTimeOffset? ReadDateTimeOffsetOrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadDateTimeOffset(ref reader);

    public static System.DateOnly? ReadDateOnlyOrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadDateOnly(ref reader);

    public static System.TimeSpan? ReadTimeSpanOrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadTimeSpan(ref reader);

    public static System.Guid? ReadGuidOrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadGuid(ref reader);

    public static System.Uri? ReadUriOrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadUri(ref reader);

    public static byte[]? ReadBytesOrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadBytes(ref reader);

    public static System.Text.Json.JsonElement? ReadAnyOrNull(ref System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == System.Text.Json.JsonTokenType.Null) ? null : ReadAny(ref reader);

    public static System.Collections.Generic.IReadOnlyList<T> ReadList<T>(ref System.Text.Json.Utf8JsonReader reader, Reader<T> read)
    {
        Expect(ref reader, System.Text.Json.JsonTokenType.StartArray, "array");
        var list = new System.Collections.Generic.List<T>();
        while (reader.Read() && reader.TokenType != System.Text.Json.JsonTokenType.EndArray)
        {
            try
            {
                list.Add(read(ref reader));
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new System.Text.Json.JsonException("[" + list.Count + "]: " + e.Message, e);
            }
        }

        return list;
    }

    public static System.Collections.Generic.IReadOnlyDictionary<string, T> ReadMap<T>(ref System.Text.Json.Utf8JsonReader reader, Reader<T> read)
    {
        Expect(ref reader, System.Text.Json.JsonTokenType.StartObject, "object");
        var map = new System.Collections.Generic.Dictionary<string, T>();
        while (reader.Read() && reader.TokenType != System.Text.Json.JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            try
            {
                map[key] = read(ref reader);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new System.Text.Json.JsonException("['" + key + "']: " + e.Message, e);
            }
        }

        return map;
    }

    /// <summary>
    /// Reads a member its type does not declare into <paramref name="additional"/>; the reader stands on the member's name,
    /// which <paramref name="property"/> keeps for an error message.
    /// </summary>
    public static void ReadAdditional<T>(ref System.Text.Json.Utf8JsonReader reader, ref System.Collections.Generic.Dictionary<string, T>? additional, ref System.ReadOnlySpan<byte> property, Reader<T> read)
    {
        var name = reader.GetString()!;
        property = System.Text.Encoding.UTF8.GetBytes(name);
        reader.Read();
        (additional ??= new System.Collections.Generic.Dictionary<string, T>())[name] = read(ref reader);
    }

    /// <summary>Writes the members of <paramref name="additional"/> except those the type declares: a declared member is never written twice.</summary>
    public static void WriteAdditional<T>(System.Text.Json.Utf8JsonWriter writer, System.Collections.Generic.IReadOnlyDictionary<string, T>? additional, System.Func<string, bool> declared, Writer<T> write)
    {
        if (additional is null)
        {
            return;
        }

        foreach (var pair in additional)
        {
            if (declared(pair.Key) || pair.Value is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Undefined })
            {
                continue;
            }

            writer.WritePropertyName(pair.Key);
            write(writer, pair.Value);
        }
    }

    /// <summary>The string value of a top-level property of the object the reader stands on, without moving it.</summary>
    public static string? PeekString(System.Text.Json.Utf8JsonReader reader, System.ReadOnlySpan<byte> property)
    {
        Expect(ref reader, System.Text.Json.JsonTokenType.StartObject, "object");
        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(property);
            reader.Read();
            if (match)
            {
                return reader.TokenType == System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    public static void WriteString(System.Text.Json.Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    public static void WriteBoolean(System.Text.Json.Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    public static void WriteInt32(System.Text.Json.Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    public static void WriteInt64(System.Text.Json.Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    public static void WriteDouble(System.Text.Json.Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    public static void WriteSingle(System.Text.Json.Utf8JsonWriter writer, float value) => writer.WriteNumberValue(value);

    public static void WriteDecimal(System.Text.Json.Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);

    public static void WriteDateTimeOffset(System.Text.Json.Utf8JsonWriter writer, System.DateTimeOffset value) => writer.WriteStringValue(value);

    public static void WriteDateOnly(System.Text.Json.Utf8JsonWriter writer, System.DateOnly value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public static void WriteTimeSpan(System.Text.Json.Utf8JsonWriter writer, System.TimeSpan value) =>
        writer.WriteStringValue(value.ToString("c", System.Globalization.CultureInfo.InvariantCulture));

    public static void WriteGuid(System.Text.Json.Utf8JsonWriter writer, System.Guid value) => writer.WriteStringValue(value);

    public static void WriteUri(System.Text.Json.Utf8JsonWriter writer, System.Uri value) => writer.WriteStringValue(value.OriginalString);

    public static void WriteBytes(System.Text.Json.Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);

    public static void WriteAny(System.Text.Json.Utf8JsonWriter writer, System.Text.Json.JsonElement value) => value.WriteTo(writer);

    // A member of a generated type, in one call: written when it has a value, else written as null when orNull says so
    // (a required nullable member, or an optional one flagged IsExplicitNull), else left out. One overload per scalar.

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, string? value, bool orNull)
    {
        if (value is not null) { writer.WritePropertyName(name); WriteString(writer, value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, bool? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteBoolean(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, int? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteInt32(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, long? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteInt64(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, double? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteDouble(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, float? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteSingle(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, decimal? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteDecimal(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, System.DateTimeOffset? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteDateTimeOffset(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, System.DateOnly? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteDateOnly(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, System.TimeSpan? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteTimeSpan(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, System.Guid? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteGuid(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, System.Uri? value, bool orNull)
    {
        if (value is not null) { writer.WritePropertyName(name); WriteUri(writer, value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, byte[]? value, bool orNull)
    {
        if (value is not null) { writer.WritePropertyName(name); WriteBytes(writer, value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(System.Text.Json.Utf8JsonWriter writer, System.ReadOnlySpan<byte> name, System.Text.Json.JsonElement? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteAny(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteList<T>(System.Text.Json.Utf8JsonWriter writer, System.Collections.Generic.IReadOnlyList<T> value, Writer<T> write)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            write(writer, value[i]);
        }

        writer.WriteEndArray();
    }

    public static void WriteMap<T>(System.Text.Json.Utf8JsonWriter writer, System.Collections.Generic.IReadOnlyDictionary<string, T> value, Writer<T> write)
    {
        writer.WriteStartObject();
        foreach (var pair in value)
        {
            writer.WritePropertyName(pair.Key);
            write(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    [System.ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    [System.ThreadStatic]
    private static System.Text.Json.Utf8JsonWriter? t_writer;

    /// <summary>Serializes a value to UTF-8 JSON (through a buffer and writer kept per thread: only the result is allocated).</summary>
    public static byte[] Serialize<T>(T value, Writer<T> write)
    {
        var buffer = t_buffer ??= new System.Buffers.ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new System.Text.Json.Utf8JsonWriter(buffer);
        // Taken while in use, so a writer callback that serializes again gets its own (no corruption, only an allocation).
        t_buffer = null;
        t_writer = null;
        try
        {
            buffer.Clear();
            writer.Reset(buffer);
            write(writer, value);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset();
            if (buffer.Capacity <= 1024 * 1024)
            {
                // Keep it for the next call on this thread (a huge one is let go rather than held forever).
                t_buffer = buffer;
                t_writer = writer;
            }
        }
    }

    /// <summary>Deserializes one JSON value from UTF-8 bytes; trailing content is an error.</summary>
    public static T Deserialize<T>(System.ReadOnlySpan<byte> json, Reader<T> read)
    {
        var reader = new System.Text.Json.Utf8JsonReader(json, new System.Text.Json.JsonReaderOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            throw new System.Text.Json.JsonException("The body is empty; a JSON value was expected.");
        }

        var value = read(ref reader);
        if (reader.Read())
        {
            throw new System.Text.Json.JsonException("Unexpected content after the JSON value.");
        }

        return value;
    }

    private static System.Text.Json.JsonException Unexpected(ref System.Text.Json.Utf8JsonReader reader, string expected)
    {
        var found = reader.TokenType is System.Text.Json.JsonTokenType.String or System.Text.Json.JsonTokenType.Number
            ? Describe(reader.TokenType) + " " + System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray())
            : Describe(reader.TokenType);
        return new System.Text.Json.JsonException("expected " + expected + " but found " + found + ".");
    }

    private static string Describe(System.Text.Json.JsonTokenType token) => token switch
    {
        System.Text.Json.JsonTokenType.StartObject => "an object",
        System.Text.Json.JsonTokenType.StartArray => "an array",
        System.Text.Json.JsonTokenType.String => "a string",
        System.Text.Json.JsonTokenType.Number => "a number",
        System.Text.Json.JsonTokenType.True or System.Text.Json.JsonTokenType.False => "a boolean",
        System.Text.Json.JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

/// <summary>
/// Whether a Content-Type is JSON: <c>application/json</c>, <c>text/json</c> or any type ending in <c>+json</c>, in any
/// case, with any parameters. It is the toolkit's one rule (Kernel.Contracts.OpenApi's MediaTypes), which the generated
/// code cannot call; the agreement test holds the two together.
/// </summary>
[System.CodeDom.Compiler.GeneratedCode("Kernel.Contracts.Generator", "0.0.0")]
internal static class JsonMediaType
{
    /// <summary>Whether <paramref name="contentType"/> is JSON.</summary>
    public static bool Is(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';');
        var mediaType = (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim();
        return mediaType.Equals("application/json", System.StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", System.StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", System.StringComparison.OrdinalIgnoreCase);
    }
}
