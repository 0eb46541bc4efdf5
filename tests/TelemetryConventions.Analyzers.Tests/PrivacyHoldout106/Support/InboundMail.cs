namespace GatewayKit.Mail;

// An inbound mail parser in the shape of SendGrid's Inbound Parse and Mailgun's routes: the provider
// posts each received message as a form, parsed into an InboundEmail.

/// <summary>A mailbox as written in a header: display name and address. A record: prints its members.</summary>
public sealed record MailboxAddress(string? Name, string Address)
{
    public string Domain => Address[(Address.IndexOf('@') + 1)..];

    public string LocalPart => Address[..Address.IndexOf('@')];

    /// <summary>Parses <c>"Jo Bloggs" &lt;jo@example.org&gt;</c> or a bare address.</summary>
    public static MailboxAddress Parse(string text)
    {
        var open = text.IndexOf('<');
        return open < 0
            ? new MailboxAddress(null, text.Trim())
            : new MailboxAddress(text[..open].Trim().Trim('"'), text[(open + 1)..text.IndexOf('>')].Trim());
    }
}

/// <summary>An attachment of an inbound message. A record: prints its members (content as <c>System.Byte[]</c>).</summary>
public sealed record InboundAttachment(string FileName, string ContentType, byte[] Content, string? ContentId = null)
{
    public int Length => Content.Length;
}

/// <summary>The SMTP envelope the provider received: MAIL FROM and RCPT TO.</summary>
public sealed record MailEnvelope(string From, IReadOnlyList<string> To);

/// <summary>
/// A parsed inbound message (SendGrid Inbound Parse's fields). A class without <c>ToString</c>:
/// logged as a value it prints its type's name.
/// </summary>
public sealed class InboundEmail
{
    public required MailboxAddress From { get; init; }

    public required IReadOnlyList<MailboxAddress> To { get; init; }

    public IReadOnlyList<MailboxAddress> Cc { get; init; } = [];

    public string Subject { get; init; } = "";

    public string Text { get; init; } = "";

    public string? Html { get; init; }

    /// <summary>The raw header block, one header a line (Received, DKIM-Signature, Message-ID, …).</summary>
    public string Headers { get; init; } = "";

    public required MailEnvelope Envelope { get; init; }

    public IReadOnlyList<InboundAttachment> Attachments { get; init; } = [];

    /// <summary>The sending client's Message-ID (<c>&lt;CAF…@mail.example.com&gt;</c>).</summary>
    public string MessageId { get; init; } = "";

    public string? InReplyTo { get; init; }

    /// <summary>SpamAssassin's score.</summary>
    public double SpamScore { get; init; }

    /// <summary>DKIM results per signing domain (<c>{@example.com : pass}</c>).</summary>
    public string Dkim { get; init; } = "";

    /// <summary>SPF result (<c>pass</c>, <c>softfail</c>, …).</summary>
    public string Spf { get; init; } = "";

    /// <summary>The IP address of the sending client, from the first Received header.</summary>
    public string? SenderIp { get; init; }

    public string Charsets { get; init; } = "{}";

    /// <summary>Reads one header's value from <see cref="Headers"/>.</summary>
    public string? Header(string name) =>
        Headers.Split('\n').Select(l => l.TrimEnd('\r'))
            .FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();
}

/// <summary>Parses the provider's multipart form into an <see cref="InboundEmail"/>.</summary>
public interface IInboundParser
{
    Task<InboundEmail> ParseAsync(IReadOnlyDictionary<string, string> form, IReadOnlyList<InboundAttachment> files, CancellationToken cancellationToken = default);
}

/// <summary>
/// The parser's refusal. Its message names the form field and what is wrong with it
/// (<c>Field 'envelope' is not valid JSON</c>), never the field's value.
/// </summary>
public sealed class InboundParseException(string field, string problem) : Exception($"Field '{field}' {problem}")
{
    public string Field { get; } = field;
}

/// <summary>A route in the shape of Mailgun's: a priority, a match expression on the recipient and the action.</summary>
public sealed record MailRoute(string Id, int Priority, string Expression, string Action, string Description);

/// <summary>Where a routed message goes (a queue, a ticketing system, a mailbox): not telemetry.</summary>
public interface IMailDropbox
{
    Task DeliverAsync(string routeId, InboundEmail message, CancellationToken cancellationToken = default);
}

/// <summary>
/// Splits the plus-addressed local part of a recipient (<c>referrals+R-20931@…</c> gives <c>referrals</c>
/// and <c>R-20931</c>).
/// </summary>
public static class SubAddress
{
    public static (string Mailbox, string? Tag) Split(string address)
    {
        var local = address[..address.IndexOf('@')];
        var plus = local.IndexOf('+');
        return plus < 0 ? (local, null) : (local[..plus], local[(plus + 1)..]);
    }
}

/// <summary>
/// Strips the quoted history of a reply (<c>On … wrote:</c> and <c>&gt;</c> lines) and returns the new text,
/// as email reply parsers do.
/// </summary>
public static class ReplyParser
{
    public static string VisibleText(string text) =>
        string.Join('\n', text.Split('\n').TakeWhile(l => !l.StartsWith("On ", StringComparison.Ordinal) && !l.StartsWith('>')));
}
