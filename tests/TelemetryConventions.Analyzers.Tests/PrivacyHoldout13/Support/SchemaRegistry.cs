using System;

namespace Confluent.SchemaRegistry;

// Stand-in for the schema registry client's exception and the wire format's framing.

public class SchemaRegistryException(string message, int errorCode, Exception? innerException = null) : Exception(message, innerException)
{
    public int ErrorCode { get; } = errorCode;
}

public static class WireFormat
{
    public const byte MagicByte = 0;

    /// <summary>Reads the schema id of a Confluent-framed payload (magic byte, four bytes of id, body).</summary>
    public static bool TryReadSchemaId(ReadOnlySpan<byte> payload, out int schemaId)
    {
        schemaId = 0;
        if (payload.Length < 5 || payload[0] != MagicByte)
        {
            return false;
        }

        schemaId = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(payload.Slice(1, 4));
        return true;
    }
}
