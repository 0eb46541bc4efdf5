namespace PrivacyHoldout81.Support;

/// <summary>
/// The verdicts of an <c>Authentication-Results</c> header, parsed. The raw header also carries
/// <c>smtp.mailfrom=</c> (the envelope sender's address) and <c>header.from=</c>; the parsed record keeps
/// only the verdicts, the signing domain and selector, and the From domain.
/// </summary>
public sealed record AuthenticationResults(string Dkim, string DkimDomain, string DkimSelector, string Spf, string Dmarc, string DmarcPolicy, string HeaderFromDomain)
{
    public bool Aligned => string.Equals(DkimDomain, HeaderFromDomain, StringComparison.OrdinalIgnoreCase);

    public static AuthenticationResults Parse(string header)
    {
        string Read(string key)
        {
            var match = Regex.Match(header, key + @"=([^\s;]+)");
            return match.Success ? match.Groups[1].Value : "none";
        }

        var from = Read("header.from");
        return new AuthenticationResults(Read("dkim"), Read("header.d"), Read("header.s"), Read("spf"), Read("dmarc"), Read("p"),
            from.Contains('@') ? from[(from.IndexOf('@') + 1)..] : from);
    }
}

/// <summary>Classification of machine-written mail (RFC 3834 Auto-Submitted, vacation replies, DSNs).</summary>
public enum AutoReplyKind
{
    None,
    OutOfOffice,
    AutoSubmitted,
    DeliveryStatus,
    ChallengeResponse,
}

public static class AutoReplyDetector
{
    public static AutoReplyKind Classify(MimeMessage message)
    {
        if (message.Headers["Content-Type"]?.Contains("report-type=delivery-status", StringComparison.OrdinalIgnoreCase) == true)
        {
            return AutoReplyKind.DeliveryStatus;
        }

        if (message.Headers["X-Autoreply"] is not null || message.Subject.StartsWith("Out of office", StringComparison.OrdinalIgnoreCase))
        {
            return AutoReplyKind.OutOfOffice;
        }

        var autoSubmitted = message.Headers["Auto-Submitted"];
        return autoSubmitted is not null && autoSubmitted != "no" ? AutoReplyKind.AutoSubmitted : AutoReplyKind.None;
    }
}

/// <summary>
/// A delivery status notification (RFC 3464) for one recipient of the organisation's own mail: the
/// original recipient's address, the action, the status code, the receiving server's diagnostic (its
/// reply, which quotes the address) and the MTA that reported it. A record: it prints every field.
/// </summary>
public sealed record DeliveryStatus(string OriginalRecipient, string Action, string Status, string DiagnosticCode, string ReportingMta, string OriginalMessageId)
{
    public bool IsPermanent => Status.StartsWith('5');
}
