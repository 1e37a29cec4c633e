// Emitted into every API's namespace as {Api}.Support.JsonCodec.g.cs (SupportEmitter.JsonCodec).
namespace Kernel.Contracts.Support;

/// <summary>Reads and writes JSON values for the generated converters, with messages that say what and where.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Kernel.Contracts.Generator", "0.0.0")]
internal static class JsonCodec
{
    public delegate T Reader<T>(ref global::System.Text.Json.Utf8JsonReader reader);

    public delegate void Writer<T>(global::System.Text.Json.Utf8JsonWriter writer, T value);

    public static void Expect(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonTokenType token, string type)
    {
        if (reader.TokenType != token)
        {
            throw new global::System.Text.Json.JsonException(type + ": expected " + Describe(token) + " but found " + Describe(reader.TokenType) + ".");
        }
    }

    public static global::System.Text.Json.JsonException Missing(string type, string property) =>
        new global::System.Text.Json.JsonException(type + ": the required property '" + property + "' is missing.");

    public static global::System.Text.Json.JsonException At(string type, global::System.ReadOnlySpan<byte> property, global::System.Text.Json.JsonException inner) =>
        new global::System.Text.Json.JsonException(type + "." + global::System.Text.Encoding.UTF8.GetString(property) + ": " + inner.Message, inner);

    /// <summary>
    /// Whether the reader stands on the member <paramref name="name"/>. If it does, the reader moves onto its value and
    /// <paramref name="property"/> keeps the name for an error message.
    /// </summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool Is(ref global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> name, ref global::System.ReadOnlySpan<byte> property)
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
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool NextMember(ref global::System.Text.Json.Utf8JsonReader reader) => reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject;

    /// <summary>Whether the reader stands on a JSON <c>null</c>.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsNull(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType == global::System.Text.Json.JsonTokenType.Null;

    /// <summary>Whether the reader stands on a JSON <c>null</c>, also kept in <paramref name="isNull"/> (an explicit null is not an absent member).</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) => isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null;

    public static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.String, "string");
        return reader.GetString()!;
    }

    public static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader) => reader.TokenType switch
    {
        global::System.Text.Json.JsonTokenType.True => true,
        global::System.Text.Json.JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "a boolean"),
    };

    public static int ReadInt32(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw Unexpected(ref reader, "a 32-bit integer");

    public static long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw Unexpected(ref reader, "a 64-bit integer");

    public static double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDouble(out var value) ? value : throw Unexpected(ref reader, "a number");

    public static float ReadSingle(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetSingle(out var value) ? value : throw Unexpected(ref reader, "a number");

    public static decimal ReadDecimal(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value : throw Unexpected(ref reader, "a decimal number");

    public static global::System.DateTimeOffset ReadDateTimeOffset(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var value))
            {
                return value;
            }

            if (global::System.DateTimeOffset.TryParse(reader.GetString(), global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.AssumeUniversal, out value))
            {
                return value;
            }
        }

        throw Unexpected(ref reader, "a date-time string");
    }

    public static global::System.DateOnly ReadDateOnly(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && global::System.DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out var value)
            ? value
            : throw Unexpected(ref reader, "a date (yyyy-MM-dd)");

    public static global::System.TimeSpan ReadTimeSpan(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && global::System.TimeSpan.TryParse(reader.GetString(), global::System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Unexpected(ref reader, "a time span");

    public static global::System.Guid ReadGuid(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.TryGetGuid(out var value) ? value : throw Unexpected(ref reader, "a UUID string");

    public static global::System.Uri ReadUri(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && global::System.Uri.TryCreate(reader.GetString(), global::System.UriKind.RelativeOrAbsolute, out var value) ? value : throw Unexpected(ref reader, "a URI string");

    public static byte[] ReadBytes(ref global::System.Text.Json.Utf8JsonReader reader) =>
        reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.TryGetBytesFromBase64(out var value) ? value : throw Unexpected(ref reader, "a base64 string");

    public static global::System.Text.Json.JsonElement ReadAny(ref global::System.Text.Json.Utf8JsonReader reader) =>
        global::System.Text.Json.JsonElement.ParseValue(ref reader);

    // A member that may be null, in one call: null (and isNull set) for a JSON null, else the value. One overload per scalar.

    public static string? ReadStringOrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadString(ref reader);

    public static bool? ReadBooleanOrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadBoolean(ref reader);

    public static int? ReadInt32OrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadInt32(ref reader);

    public static long? ReadInt64OrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadInt64(ref reader);

    public static double? ReadDoubleOrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadDouble(ref reader);

    public static float? ReadSingleOrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadSingle(ref reader);

    public static decimal? ReadDecimalOrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadDecimal(ref reader);

    public static global::System.DateTimeOffset? ReadDateTimeOffsetOrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadDateTimeOffset(ref reader);

    public static global::System.DateOnly? ReadDateOnlyOrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadDateOnly(ref reader);

    public static global::System.TimeSpan? ReadTimeSpanOrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadTimeSpan(ref reader);

    public static global::System.Guid? ReadGuidOrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadGuid(ref reader);

    public static global::System.Uri? ReadUriOrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadUri(ref reader);

    public static byte[]? ReadBytesOrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadBytes(ref reader);

    public static global::System.Text.Json.JsonElement? ReadAnyOrNull(ref global::System.Text.Json.Utf8JsonReader reader, out bool isNull) =>
        (isNull = reader.TokenType == global::System.Text.Json.JsonTokenType.Null) ? null : ReadAny(ref reader);

    public static global::System.Collections.Generic.IReadOnlyList<T> ReadList<T>(ref global::System.Text.Json.Utf8JsonReader reader, Reader<T> read)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.StartArray, "array");
        var list = new global::System.Collections.Generic.List<T>();
        while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
        {
            try
            {
                list.Add(read(ref reader));
            }
            catch (global::System.Text.Json.JsonException e)
            {
                throw new global::System.Text.Json.JsonException("[" + list.Count + "]: " + e.Message, e);
            }
        }

        return list;
    }

    public static global::System.Collections.Generic.IReadOnlyDictionary<string, T> ReadMap<T>(ref global::System.Text.Json.Utf8JsonReader reader, Reader<T> read)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "object");
        var map = new global::System.Collections.Generic.Dictionary<string, T>();
        while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            try
            {
                map[key] = read(ref reader);
            }
            catch (global::System.Text.Json.JsonException e)
            {
                throw new global::System.Text.Json.JsonException("['" + key + "']: " + e.Message, e);
            }
        }

        return map;
    }

    /// <summary>
    /// Reads a member its type does not declare into <paramref name="additional"/>; the reader stands on the member's name,
    /// which <paramref name="property"/> keeps for an error message.
    /// </summary>
    public static void ReadAdditional<T>(ref global::System.Text.Json.Utf8JsonReader reader, ref global::System.Collections.Generic.Dictionary<string, T>? additional, ref global::System.ReadOnlySpan<byte> property, Reader<T> read)
    {
        var name = reader.GetString()!;
        property = global::System.Text.Encoding.UTF8.GetBytes(name);
        reader.Read();
        (additional ??= new global::System.Collections.Generic.Dictionary<string, T>())[name] = read(ref reader);
    }

    /// <summary>Writes the members of <paramref name="additional"/> except those the type declares: a declared member is never written twice.</summary>
    public static void WriteAdditional<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyDictionary<string, T>? additional, global::System.Func<string, bool> declared, Writer<T> write)
    {
        if (additional is null)
        {
            return;
        }

        foreach (var pair in additional)
        {
            if (declared(pair.Key) || pair.Value is global::System.Text.Json.JsonElement { ValueKind: global::System.Text.Json.JsonValueKind.Undefined })
            {
                continue;
            }

            writer.WritePropertyName(pair.Key);
            write(writer, pair.Value);
        }
    }

    /// <summary>The string value of a top-level property of the object the reader stands on, without moving it.</summary>
    public static string? PeekString(global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> property)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "object");
        while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(property);
            reader.Read();
            if (match)
            {
                return reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    public static void WriteString(global::System.Text.Json.Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    public static void WriteBoolean(global::System.Text.Json.Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    public static void WriteInt32(global::System.Text.Json.Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    public static void WriteInt64(global::System.Text.Json.Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    public static void WriteDouble(global::System.Text.Json.Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    public static void WriteSingle(global::System.Text.Json.Utf8JsonWriter writer, float value) => writer.WriteNumberValue(value);

    public static void WriteDecimal(global::System.Text.Json.Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);

    public static void WriteDateTimeOffset(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateTimeOffset value) => writer.WriteStringValue(value);

    public static void WriteDateOnly(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateOnly value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture));

    public static void WriteTimeSpan(global::System.Text.Json.Utf8JsonWriter writer, global::System.TimeSpan value) =>
        writer.WriteStringValue(value.ToString("c", global::System.Globalization.CultureInfo.InvariantCulture));

    public static void WriteGuid(global::System.Text.Json.Utf8JsonWriter writer, global::System.Guid value) => writer.WriteStringValue(value);

    public static void WriteUri(global::System.Text.Json.Utf8JsonWriter writer, global::System.Uri value) => writer.WriteStringValue(value.OriginalString);

    public static void WriteBytes(global::System.Text.Json.Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);

    public static void WriteAny(global::System.Text.Json.Utf8JsonWriter writer, global::System.Text.Json.JsonElement value) => value.WriteTo(writer);

    // A member of a generated type, in one call: written when it has a value, else written as null when orNull says so
    // (a required nullable member, or an optional one flagged IsExplicitNull), else left out. One overload per scalar.

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, string? value, bool orNull)
    {
        if (value is not null) { writer.WritePropertyName(name); WriteString(writer, value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, bool? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteBoolean(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, int? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteInt32(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, long? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteInt64(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, double? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteDouble(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, float? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteSingle(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, decimal? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteDecimal(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, global::System.DateTimeOffset? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteDateTimeOffset(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, global::System.DateOnly? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteDateOnly(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, global::System.TimeSpan? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteTimeSpan(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, global::System.Guid? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteGuid(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, global::System.Uri? value, bool orNull)
    {
        if (value is not null) { writer.WritePropertyName(name); WriteUri(writer, value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, byte[]? value, bool orNull)
    {
        if (value is not null) { writer.WritePropertyName(name); WriteBytes(writer, value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteMember(global::System.Text.Json.Utf8JsonWriter writer, global::System.ReadOnlySpan<byte> name, global::System.Text.Json.JsonElement? value, bool orNull)
    {
        if (value.HasValue) { writer.WritePropertyName(name); WriteAny(writer, value.Value); }
        else if (orNull) writer.WriteNull(name);
    }

    public static void WriteList<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyList<T> value, Writer<T> write)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            write(writer, value[i]);
        }

        writer.WriteEndArray();
    }

    public static void WriteMap<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyDictionary<string, T> value, Writer<T> write)
    {
        writer.WriteStartObject();
        foreach (var pair in value)
        {
            writer.WritePropertyName(pair.Key);
            write(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    [global::System.ThreadStatic]
    private static global::System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    [global::System.ThreadStatic]
    private static global::System.Text.Json.Utf8JsonWriter? t_writer;

    /// <summary>Serializes a value to UTF-8 JSON (through a buffer and writer kept per thread: only the result is allocated).</summary>
    public static byte[] Serialize<T>(T value, Writer<T> write)
    {
        var buffer = t_buffer ??= new global::System.Buffers.ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new global::System.Text.Json.Utf8JsonWriter(buffer);
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
    public static T Deserialize<T>(global::System.ReadOnlySpan<byte> json, Reader<T> read)
    {
        var reader = new global::System.Text.Json.Utf8JsonReader(json, new global::System.Text.Json.JsonReaderOptions { CommentHandling = global::System.Text.Json.JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            throw new global::System.Text.Json.JsonException("The body is empty; a JSON value was expected.");
        }

        var value = read(ref reader);
        if (reader.Read())
        {
            throw new global::System.Text.Json.JsonException("Unexpected content after the JSON value.");
        }

        return value;
    }

    private static global::System.Text.Json.JsonException Unexpected(ref global::System.Text.Json.Utf8JsonReader reader, string expected)
    {
        var found = reader.TokenType is global::System.Text.Json.JsonTokenType.String or global::System.Text.Json.JsonTokenType.Number
            ? Describe(reader.TokenType) + " " + global::System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? global::System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray())
            : Describe(reader.TokenType);
        return new global::System.Text.Json.JsonException("expected " + expected + " but found " + found + ".");
    }

    private static string Describe(global::System.Text.Json.JsonTokenType token) => token switch
    {
        global::System.Text.Json.JsonTokenType.StartObject => "an object",
        global::System.Text.Json.JsonTokenType.StartArray => "an array",
        global::System.Text.Json.JsonTokenType.String => "a string",
        global::System.Text.Json.JsonTokenType.Number => "a number",
        global::System.Text.Json.JsonTokenType.True or global::System.Text.Json.JsonTokenType.False => "a boolean",
        global::System.Text.Json.JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

/// <summary>
/// Whether a Content-Type is JSON: <c>application/json</c>, <c>text/json</c> or any type ending in <c>+json</c>, in any
/// case, with any parameters. It is the toolkit's one rule (Kernel.Contracts.OpenApi's MediaTypes), which the generated
/// code cannot call; the agreement test holds the two together.
/// </summary>
[global::System.CodeDom.Compiler.GeneratedCode("Kernel.Contracts.Generator", "0.0.0")]
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
        return mediaType.Equals("application/json", global::System.StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", global::System.StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", global::System.StringComparison.OrdinalIgnoreCase);
    }
}
