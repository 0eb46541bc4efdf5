namespace PrivacyHoldout85.Support;

/// <summary>Shards and lanes from an HMAC with the service's shard key, for sampling and partitions.</summary>
public static class KeyedShards
{
    public static int Of(byte[] shardKey, string value, int buckets)
    {
        var mac = HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)buckets);
    }
}

/// <summary>Printing helpers the GraphQL teams share for logging operations.</summary>
public static class OperationText
{
    /// <summary>The document with each <c>$variable</c> replaced by the value the client sent for it, so an operation can be replayed from the log.</summary>
    public static string InlineVariables(DocumentNode document, IReadOnlyDictionary<string, object?>? variables)
    {
        var text = document.Text;
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
        {
            text = text.Replace("$" + name, value is string s ? $"\"{s}\"" : Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The SHA-256 of a document's text in lower-case hex, as persisted operation ids are made.</summary>
    public static string Sha256Hex(string documentText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(documentText)));

    /// <summary>A one-line summary of the variables: their names and the .NET types of their values.</summary>
    public static string DescribeVariables(IReadOnlyDictionary<string, object?>? variables) =>
        variables is null ? "none" : string.Join(", ", variables.Select(v => $"{v.Key}:{v.Value?.GetType().Name ?? "null"}"));
}

/// <summary>Error codes the schemas put in <c>extensions.code</c>.</summary>
public static class ErrorCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";
    public const string Invalid = "INVALID_INPUT";
    public const string CostExceeded = "COST_LIMIT_EXCEEDED";
    public const string PersistedNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string Unexpected = "UNEXPECTED";
}
