namespace SignKit.Connect;

// The provider's completion webhook ("Connect"), JSON SIM format: an event name, the envelope's
// summary with its recipients, and an HMAC of the body with the configuration's secret in
// X-DocuSign-Signature-1.

public sealed class ConnectEventData
{
    public string? AccountId { get; set; }

    /// <summary>The provider's user id of the account member who sent the envelope.</summary>
    public string? UserId { get; set; }

    public string? EnvelopeId { get; set; }

    public SignKit.Model.Envelope? EnvelopeSummary { get; set; }
}

public sealed class ConnectEvent
{
    public string? Event { get; set; }

    public string? ApiVersion { get; set; }

    public string? Uri { get; set; }

    public int RetryCount { get; set; }

    public long ConfigurationId { get; set; }

    public DateTime GeneratedDateTime { get; set; }

    public ConnectEventData? Data { get; set; }
}

public static class ConnectHmac
{
    public const string SignatureHeader = "X-DocuSign-Signature-1";

    /// <summary>Base64 of HMAC-SHA256 of the raw body with the Connect configuration's secret.</summary>
    public static string Compute(string secret, string body)
    {
        using var hmac = new System.Security.Cryptography.HMACSHA256(System.Text.Encoding.UTF8.GetBytes(secret));
        return Convert.ToBase64String(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes(body)));
    }
}

/// <summary>Thrown by the service's own webhook endpoint when the HMAC header does not match.</summary>
public sealed class ConnectSignatureException(string header) : Exception($"The {header} header did not match the body's HMAC.")
{
    public string Header { get; } = header;
}
