using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Querying.Paging;

// Continuation tokens and pages as the list endpoints return them. What prints what:
// - Cursor.Encode serialises the cursor's state to JSON and Base64Url-encodes it: it is opaque to a
//   client but not secret, anyone can decode it, so a cursor carries whatever its state holds.
// - Page<T> does not override ToString().
// - InvalidCursorException's message is a fixed text; it does not quote the cursor.

public static class Cursor
{
    public static string Encode<TState>(TState state)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(state);
        return Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static TState Decode<TState>(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            return JsonSerializer.Deserialize<TState>(Convert.FromBase64String(base64))
                ?? throw new InvalidCursorException();
        }
        catch (FormatException)
        {
            throw new InvalidCursorException();
        }
        catch (JsonException)
        {
            throw new InvalidCursorException();
        }
    }
}

public sealed class Page<T>
{
    public required IReadOnlyList<T> Items { get; init; }

    public string? NextCursor { get; init; }

    public long? Total { get; init; }
}

public sealed class InvalidCursorException()
    : Exception("The continuation token is malformed or has expired; start again from the first page.");
