namespace PrivacyHoldout81.Support;

public enum ScanVerdict
{
    Clean,
    Infected,
    Encrypted,
    Error,
}

/// <summary>What the virus scanner said about one attachment: a verdict, the signature name, the engine and its time. Prints those.</summary>
public sealed record ScanResult(ScanVerdict Verdict, string? SignatureName, string Engine, double ElapsedMs);

public interface IAttachmentScanner
{
    Task<ScanResult> ScanAsync(MimePart part, CancellationToken cancellationToken);
}

/// <summary>An entry of the quarantine store: its id, the message, the reason and the sender's address. A record: it prints every field.</summary>
public sealed record QuarantineEntry(string QuarantineId, string MessageId, string Reason, string SenderAddress, DateTimeOffset HeldAt);

public interface IQuarantineStore
{
    Task<QuarantineEntry> HoldAsync(MimeMessage message, string reason, CancellationToken cancellationToken);
}

/// <summary>The scanner found a signature; the message names the signature and the attachment's file name.</summary>
public sealed class VirusDetectedException(string signature, string fileName)
    : Exception($"Signature {signature} found in attachment '{fileName}'")
{
    public string Signature { get; } = signature;

    public string FileName { get; } = fileName;
}

/// <summary>An attachment over the mailbox's limit: the size and the limit, nothing else.</summary>
public sealed class AttachmentTooLargeException(long size, long limit)
    : Exception($"Attachment of {size} bytes exceeds the mailbox limit of {limit} bytes")
{
    public long Size { get; } = size;

    public long Limit { get; } = limit;
}

/// <summary>Masks an address for display: the first character of the local part and the domain, <c>j•••@gmail.com</c>.</summary>
public static class AddressMask
{
    public static string Mask(string address)
    {
        var at = address.IndexOf('@');
        return at <= 0 ? "•••" : $"{address[0]}•••{address[at..]}";
    }
}

/// <summary>Buckets from an HMAC with the service's shard key.</summary>
public sealed class KeyedShards(TelemetrySecrets secrets)
{
    public int Shard(string value, int shards)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)shards);
    }
}
