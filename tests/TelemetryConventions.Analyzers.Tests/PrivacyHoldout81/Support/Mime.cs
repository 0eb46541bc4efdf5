namespace PrivacyHoldout81.Support;

// Stand-ins for the MIME library the intake services use (MimeKit's shapes, reduced to what they read).

/// <summary>One mailbox: a display name and an address. Prints as a header does: <c>"Jane Doe" &lt;jane@example.org&gt;</c>.</summary>
public sealed class MailboxAddress(string? name, string address)
{
    public string? Name { get; } = name;

    public string Address { get; } = address;

    public string LocalPart => Address[..Address.IndexOf('@')];

    public string Domain => Address[(Address.IndexOf('@') + 1)..];

    public static MailboxAddress Parse(string text)
    {
        var open = text.IndexOf('<');
        if (open >= 0 && text.EndsWith('>'))
        {
            return new MailboxAddress(text[..open].Trim().Trim('"'), text[(open + 1)..^1]);
        }

        if (!text.Contains('@'))
        {
            throw new AddressParseException(text);
        }

        return new MailboxAddress(null, text.Trim());
    }

    public override string ToString() => string.IsNullOrEmpty(Name) ? Address : $"\"{Name}\" <{Address}>";
}

/// <summary>An address header's list. Prints as the header's value.</summary>
public sealed class InternetAddressList : List<MailboxAddress>
{
    public IEnumerable<MailboxAddress> Mailboxes => this;

    public override string ToString() => string.Join(", ", this);
}

/// <summary>The message's headers, field names case-insensitive, in arrival order.</summary>
public sealed class HeaderList
{
    private readonly List<KeyValuePair<string, string>> _headers = new();

    public void Add(string field, string value) => _headers.Add(new(field, value));

    public string? this[string field] =>
        _headers.Where(h => string.Equals(h.Key, field, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public bool Contains(string field) => this[field] is not null;

    public IEnumerable<string> Fields => _headers.Select(h => h.Key);

    public int Count => _headers.Count;

    public override string ToString() => string.Join("\r\n", _headers.Select(h => $"{h.Key}: {h.Value}"));
}

/// <summary>A Content-Type: the MIME type and its parameters (the <c>name</c> parameter is the file name the sender's client gave).</summary>
public sealed class ContentType(string mimeType, string? name = null)
{
    public string MimeType { get; } = mimeType;

    public string MediaType => MimeType.Split('/')[0];

    public string MediaSubtype => MimeType.Split('/')[1];

    public string? Name { get; } = name;

    public override string ToString() => Name is null ? MimeType : $"{MimeType}; name=\"{Name}\"";
}

/// <summary>A leaf part: a body or an attachment.</summary>
public sealed class MimePart
{
    public required ContentType ContentType { get; init; }

    /// <summary>The Content-Disposition file name, as the sender's client wrote it.</summary>
    public string? FileName { get; init; }

    public string? ContentId { get; init; }

    public long Length { get; init; }

    public bool IsAttachment { get; init; } = true;

    public byte[] Content { get; init; } = Array.Empty<byte>();
}

/// <summary>A parsed message. <see cref="ToString"/> writes the whole message, headers and bodies, as MimeKit does.</summary>
public sealed class MimeMessage
{
    public string MessageId { get; set; } = string.Empty;

    public string? InReplyTo { get; set; }

    public List<string> References { get; } = new();

    public InternetAddressList From { get; } = new();

    public InternetAddressList To { get; } = new();

    public InternetAddressList Cc { get; } = new();

    public InternetAddressList ReplyTo { get; } = new();

    public MailboxAddress? Sender { get; set; }

    public string Subject { get; set; } = string.Empty;

    public DateTimeOffset Date { get; set; }

    public string? TextBody { get; set; }

    public string? HtmlBody { get; set; }

    public List<MimePart> Attachments { get; } = new();

    public HeaderList Headers { get; } = new();

    public override string ToString() =>
        $"{Headers}\r\nFrom: {From}\r\nTo: {To}\r\nSubject: {Subject}\r\nMessage-Id: {MessageId}\r\n\r\n{TextBody}";
}

/// <summary>The MIME parser's failure: where in the stream it gave up.</summary>
public sealed class MimeParseException(string message, long offset) : FormatException(message)
{
    public long Offset { get; } = offset;
}

/// <summary>An address header the parser could not read; the message quotes the text.</summary>
public sealed class AddressParseException(string text) : FormatException($"Invalid mailbox address: '{text}'")
{
    public string Text { get; } = text;
}

/// <summary>An IMAP folder, as the pollers see it.</summary>
public interface IMailFolder
{
    string FullName { get; }

    int Count { get; }

    Task<IReadOnlyList<uint>> SearchUnseenAsync(CancellationToken cancellationToken);

    Task<MimeMessage> GetMessageAsync(uint uid, CancellationToken cancellationToken);

    Task MoveToAsync(uint uid, string folder, CancellationToken cancellationToken);
}

/// <summary>SMTP relay used to forward and to send the organisation's own mail.</summary>
public interface ISmtpRelay
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A recipient refused by the next hop; the message is the server's reply, which quotes the mailbox.</summary>
public sealed class SmtpCommandException(string mailbox, int statusCode, string reply) : Exception(reply)
{
    public string Mailbox { get; } = mailbox;

    public int StatusCode { get; } = statusCode;
}
