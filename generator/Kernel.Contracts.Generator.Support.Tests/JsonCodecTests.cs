using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Kernel.Contracts.Support;
using Xunit;

namespace Kernel.Contracts.Generator.Support.Tests;

/// <summary>Support/Json/JsonCodec.cs: the readers and writers the generated converters are made of.</summary>
public class JsonCodecTests
{
    private static T Read<T>(string json, JsonCodec.Reader<T> read) => JsonCodec.Deserialize(Encoding.UTF8.GetBytes(json), read);

    private static string Write<T>(T value, JsonCodec.Writer<T> write) => Encoding.UTF8.GetString(JsonCodec.Serialize(value, write));

    private static IReadOnlyList<int> Ints(ref Utf8JsonReader r) => JsonCodec.ReadList(ref r, JsonCodec.ReadInt32);

    private static IReadOnlyDictionary<string, int> IntMap(ref Utf8JsonReader r) => JsonCodec.ReadMap(ref r, JsonCodec.ReadInt32);

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> ListOfStringMaps(ref Utf8JsonReader r) =>
        JsonCodec.ReadList(ref r, (ref Utf8JsonReader item) => JsonCodec.ReadMap(ref item, JsonCodec.ReadString));

    private static string Failure<T>(string json, JsonCodec.Reader<T> read) => Assert.ThrowsAny<JsonException>(() => Read(json, read)).Message;

    [Fact]
    public void Numbers_are_read_within_their_type_and_a_misfit_names_what_was_found()
    {
        Assert.Equal(42, Read("42", JsonCodec.ReadInt32));
        Assert.Equal(3000000000L, Read("3000000000", JsonCodec.ReadInt64));
        Assert.Equal(1.25m, Read("1.25", JsonCodec.ReadDecimal));

        Assert.Equal("expected a 32-bit integer but found a number 3000000000.", Failure("3000000000", JsonCodec.ReadInt32));
        Assert.Equal("expected a 32-bit integer but found a string 7.", Failure("\"7\"", JsonCodec.ReadInt32));
        Assert.Equal("expected a 32-bit integer but found a number 1.5.", Failure("1.5", JsonCodec.ReadInt32));
        Assert.Equal("expected a boolean but found null.", Failure("null", JsonCodec.ReadBoolean));
    }

    [Fact]
    public void An_error_inside_a_list_or_map_says_at_which_index_or_key()
    {
        Assert.Equal(new[] { 1, 2 }, Read("[1,2]", Ints));
        Assert.Equal("[1]: expected a 32-bit integer but found a string x.", Failure("[1,\"x\"]", Ints));
        Assert.Equal("['b']: expected a 32-bit integer but found a boolean.", Failure("{\"a\":1,\"b\":true}", IntMap));
        Assert.Equal("[0]: ['k']: string: expected a string but found a number.", Failure("[{\"k\":1}]", ListOfStringMaps));
        Assert.Equal("array: expected an array but found an object.", Failure("{}", Ints));
    }

    [Fact]
    public void Missing_and_At_compose_the_type_and_member_into_the_message()
    {
        Assert.Equal("Study: the required property 'id' is missing.", JsonCodec.Missing("Study", "id").Message);
        var inner = new JsonException("expected a string but found null.");
        var at = JsonCodec.At("Study", "name"u8, inner);
        Assert.Equal("Study.name: expected a string but found null.", at.Message);
        Assert.Same(inner, at.InnerException);
        Assert.Equal("Study.n\u00e4me: x", JsonCodec.At("Study", System.Text.Encoding.UTF8.GetBytes("n\u00e4me"), new JsonException("x")).Message);
    }

    [Fact]
    public void OrNull_reads_a_null_as_null_and_says_so_and_a_value_as_the_value()
    {
        var reader = new Utf8JsonReader("[null,7,\"x\",null]"u8);
        reader.Read();
        reader.Read();
        Assert.Null(JsonCodec.ReadInt32OrNull(ref reader, out var isNull));
        Assert.True(isNull);
        reader.Read();
        Assert.Equal(7, JsonCodec.ReadInt32OrNull(ref reader, out isNull));
        Assert.False(isNull);
        reader.Read();
        Assert.Equal("x", JsonCodec.ReadStringOrNull(ref reader, out isNull));
        Assert.False(isNull);
        reader.Read();
        Assert.Null(JsonCodec.ReadStringOrNull(ref reader, out isNull));
        Assert.True(isNull);
        Assert.Equal("expected a 32-bit integer but found a boolean.", Assert.Throws<JsonException>(() => ReadWrong("true"u8.ToArray())).Message);

        static int? ReadWrong(byte[] json)
        {
            var wrong = new Utf8JsonReader(json);
            wrong.Read();
            return JsonCodec.ReadInt32OrNull(ref wrong, out _);
        }
    }

    [Fact]
    public void NextMember_walks_the_names_of_an_object_and_stops_at_its_end()
    {
        var reader = new Utf8JsonReader("{\"a\":1,\"b\":2}"u8);
        reader.Read();
        var names = new List<string>();
        while (JsonCodec.NextMember(ref reader))
        {
            names.Add(reader.GetString()!);
            reader.Read();
        }

        Assert.Equal(new[] { "a", "b" }, names);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
    }

    [Fact]
    public void Is_moves_onto_the_value_of_the_named_member_only_and_keeps_its_name()
    {
        var reader = new Utf8JsonReader("{\"a\":1,\"b\":null}"u8);
        reader.Read();
        reader.Read();
        ReadOnlySpan<byte> property = default;
        Assert.False(JsonCodec.Is(ref reader, "b"u8, ref property));
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
        Assert.True(property.IsEmpty);
        Assert.True(JsonCodec.Is(ref reader, "a"u8, ref property));
        Assert.Equal(JsonTokenType.Number, reader.TokenType);
        Assert.Equal("a", System.Text.Encoding.UTF8.GetString(property));
        Assert.False(JsonCodec.IsNull(ref reader, out var isNull));
        Assert.False(isNull);
        reader.Read();
        Assert.True(JsonCodec.Is(ref reader, "b"u8, ref property));
        Assert.True(JsonCodec.IsNull(ref reader, out isNull));
        Assert.True(isNull);
        Assert.True(JsonCodec.IsNull(ref reader));
    }

    [Fact]
    public void Deserialize_reads_exactly_one_value_without_comments()
    {
        Assert.ThrowsAny<JsonException>(() => Read(string.Empty, JsonCodec.ReadInt32));
        Assert.ThrowsAny<JsonException>(() => Read("1 2", JsonCodec.ReadInt32));
        Assert.ThrowsAny<JsonException>(() => Read("/* one */ 1", JsonCodec.ReadInt32));
        Assert.Equal(1, Read(" 1 ", JsonCodec.ReadInt32));
    }

    [Fact]
    public void Dates_times_and_uuids_are_read_strictly_and_written_in_their_wire_format()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), Read("\"2026-01-02T03:04:05Z\"", JsonCodec.ReadDateTimeOffset));
        // Not ISO 8601 but readable: taken as UTC rather than in the machine's zone.
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), Read("\"2026-01-02 03:04:05\"", JsonCodec.ReadDateTimeOffset));
        Assert.Equal("expected a date-time string but found a string soon.", Failure("\"soon\"", JsonCodec.ReadDateTimeOffset));

        Assert.Equal(new DateOnly(2026, 2, 28), Read("\"2026-02-28\"", JsonCodec.ReadDateOnly));
        Assert.Equal("expected a date (yyyy-MM-dd) but found a string 2026-02-30.", Failure("\"2026-02-30\"", JsonCodec.ReadDateOnly));
        Assert.Equal("\"2026-02-28\"", Write(new DateOnly(2026, 2, 28), JsonCodec.WriteDateOnly));

        var span = new TimeSpan(1, 2, 3, 4);
        Assert.Equal("\"1.02:03:04\"", Write(span, JsonCodec.WriteTimeSpan));
        Assert.Equal(span, Read("\"1.02:03:04\"", JsonCodec.ReadTimeSpan));

        Assert.Equal(Guid.Parse("5a6b7c8d-9e0f-1122-3344-556677889900"), Read("\"5a6b7c8d-9e0f-1122-3344-556677889900\"", JsonCodec.ReadGuid));
        Assert.Equal("expected a UUID string but found a number 5.", Failure("5", JsonCodec.ReadGuid));
    }

    [Fact]
    public void Uris_keep_their_text_and_bytes_travel_as_base64()
    {
        Assert.Equal("/relative/path", Read("\"/relative/path\"", JsonCodec.ReadUri).OriginalString);
        Assert.Equal("\"HTTP://Example.com/a%20b\"", Write(new Uri("HTTP://Example.com/a%20b"), JsonCodec.WriteUri));

        Assert.Equal(new byte[] { 1, 2, 255 }, Read("\"AQL/\"", JsonCodec.ReadBytes));
        Assert.Equal("\"AQL/\"", Write(new byte[] { 1, 2, 255 }, JsonCodec.WriteBytes));
        Assert.StartsWith("expected a base64 string", Failure("\"not base64!\"", JsonCodec.ReadBytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_and_maps_are_written_in_order()
    {
        Assert.Equal("[3,1,2]", Write<IReadOnlyList<int>>(new[] { 3, 1, 2 }, (w, v) => JsonCodec.WriteList(w, v, JsonCodec.WriteInt32)));
        var map = new Dictionary<string, bool> { ["b"] = true, ["a"] = false };
        Assert.Equal("{\"b\":true,\"a\":false}", Write<IReadOnlyDictionary<string, bool>>(map, (w, v) => JsonCodec.WriteMap(w, v, JsonCodec.WriteBoolean)));
        Assert.Equal("{\"x\":[1,null]}", Write(JsonDocument.Parse("{\"x\":[1,null]}").RootElement, JsonCodec.WriteAny));
    }

    [Fact]
    public void PeekString_finds_a_top_level_member_without_moving_the_reader()
    {
        var json = Encoding.UTF8.GetBytes("{\"inner\":{\"kind\":\"cat\"},\"count\":1,\"kind\":\"dog\"}");
        var reader = new Utf8JsonReader(json);
        reader.Read();

        Assert.Equal("dog", JsonCodec.PeekString(reader, "kind"u8));
        Assert.Null(JsonCodec.PeekString(reader, "count"u8));
        Assert.Null(JsonCodec.PeekString(reader, "absent"u8));

        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        reader.Skip();
        Assert.False(reader.Read());
    }

    [Fact]
    public void Serialize_survives_a_writer_that_serializes_again_or_throws()
    {
        var nested = Write(7, (w, v) =>
        {
            var inner = JsonCodec.Serialize("x", JsonCodec.WriteString);
            w.WriteStartArray();
            w.WriteRawValue(inner);
            w.WriteNumberValue(v);
            w.WriteEndArray();
        });
        Assert.Equal("[\"x\",7]", nested);

        Assert.Throws<InvalidOperationException>(() => JsonCodec.Serialize(1, (w, v) =>
        {
            w.WriteStartObject();
            w.WritePropertyName("half");
            throw new InvalidOperationException("stop");
        }));

        // The buffer and writer kept for the thread start clean after the failure.
        Assert.Equal("5", Write(5, JsonCodec.WriteInt32));
    }
}
