using System;
using System.Text.Json;

namespace Kernel.Contracts.OpenApi;

/// <summary>
/// The short strings of one document, each made once, for both readers (<see cref="JsonTree"/>, <see cref="BlockYaml"/>):
/// an OpenAPI document repeats a few dozen member names (<c>type</c>, <c>description</c>, <c>$ref</c>) and values
/// (<c>string</c>, <c>object</c>) thousands of times, and every string the tree holds lives as long as the parse. Text
/// of up to <see cref="MaxLength"/> ASCII characters is looked up in a small table; a slot holds the last string that
/// landed there.
/// </summary>
internal sealed class Strings
{
    private const int MaxLength = 32;
    private readonly string?[] _slots = new string?[512];

    /// <summary>The reader's string token or property name, unescaped.</summary>
    public string Read(ref Utf8JsonReader reader)
    {
        var bytes = reader.ValueSpan;
        if (reader.ValueIsEscaped || bytes.Length > MaxLength)
        {
            return reader.GetString()!;
        }

        var hash = Seed;
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                return reader.GetString()!;
            }

            hash = Step(hash, b);
        }

        ref var slot = ref _slots[Slot(hash)];
        if (slot is not null && slot.Length == bytes.Length && Same(slot, bytes))
        {
            return slot;
        }

        return slot = reader.GetString()!;
    }

    /// <summary><paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/>.</summary>
    public string Cut(string text, int start, int length)
    {
        if (length > MaxLength)
        {
            return text.Substring(start, length);
        }

        var hash = Seed;
        for (var i = start; i < start + length; i++)
        {
            if (text[i] >= 0x80)
            {
                return text.Substring(start, length);
            }

            hash = Step(hash, text[i]);
        }

        ref var slot = ref _slots[Slot(hash)];
        if (slot is not null && slot.Length == length && string.CompareOrdinal(slot, 0, text, start, length) == 0)
        {
            return slot;
        }

        return slot = text.Substring(start, length);
    }

    // FNV-1a over the ASCII characters.
    private const uint Seed = 2166136261u;

    private static uint Step(uint hash, int c) => (hash ^ (uint)c) * 16777619u;

    private int Slot(uint hash) => (int)(hash & (uint)(_slots.Length - 1));

    private static bool Same(string text, ReadOnlySpan<byte> ascii)
    {
        for (var i = 0; i < ascii.Length; i++)
        {
            if (text[i] != ascii[i])
            {
                return false;
            }
        }

        return true;
    }
}
