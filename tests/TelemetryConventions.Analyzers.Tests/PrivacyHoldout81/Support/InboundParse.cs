namespace PrivacyHoldout81.Support;

/// <summary>
/// The multipart form an email provider's inbound-parse webhook posts (SendGrid's field names): the raw
/// header values, both bodies, the SMTP envelope as JSON, the provider's spam score and report, the
/// DKIM and SPF verdicts, and a JSON map describing each attachment. A record: it prints every field.
/// </summary>
public sealed record InboundParseForm(
    string From,
    string To,
    string? Cc,
    string Subject,
    string? Text,
    string? Html,
    string Envelope,
    string? SpamScore,
    string? SpamReport,
    string? Dkim,
    string? Spf,
    string Headers,
    int Attachments,
    string? AttachmentInfo,
    string? Charsets);

/// <summary>The SMTP envelope: MAIL FROM and the RCPT TO list (the organisation's own aliases).</summary>
public sealed record SmtpEnvelope(string From, IReadOnlyList<string> To)
{
    public static SmtpEnvelope Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var from = doc.RootElement.GetProperty("from").GetString() ?? string.Empty;
        var to = doc.RootElement.GetProperty("to").EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList();
        return new SmtpEnvelope(from, to);
    }
}

/// <summary>One entry of <c>attachment-info</c>: the file name, the form field name (<c>attachment1</c>) and the MIME type.</summary>
public sealed record InboundAttachment(string FileName, string Field, string Type, long Size)
{
    public static IReadOnlyList<InboundAttachment> ParseAll(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Array.Empty<InboundAttachment>();
        }

        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject()
            .Select(p => new InboundAttachment(
                p.Value.GetProperty("filename").GetString() ?? string.Empty,
                p.Name,
                p.Value.GetProperty("type").GetString() ?? "application/octet-stream",
                p.Value.TryGetProperty("size", out var size) ? size.GetInt64() : 0))
            .ToList();
    }
}

/// <summary>The provider's verdicts as sent in the form: <c>{@gmail.com : pass}</c> for DKIM, <c>pass</c> for SPF.</summary>
public static class ProviderVerdicts
{
    public static double ParseSpamScore(string? score) =>
        double.TryParse(score, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>The DKIM verdict word of the form's <c>dkim</c> field.</summary>
    public static string DkimResult(string? dkim) =>
        dkim is null ? "none" : dkim.Trim('{', '}').Split(':').Last().Trim();

    /// <summary>The signing domain (<c>d=</c>) of the form's <c>dkim</c> field.</summary>
    public static string DkimDomain(string? dkim) =>
        dkim is null ? string.Empty : dkim.Trim('{', '}').Split(':')[0].Trim().TrimStart('@');
}
