namespace PrivacyHoldout80.Retail;

/// <summary>One BER-TLV element of the reader's transaction body, a view over the rented buffer.</summary>
public readonly ref struct TlvElement(ushort tag, ReadOnlySpan<byte> value)
{
    public ushort Tag { get; } = tag;

    public ReadOnlySpan<byte> Value { get; } = value;
}

/// <summary>
/// The card reader's transaction body: EMV tags 5A (PAN, BCD), 5F20 (cardholder name), 5F24 (expiry),
/// 9F02 (amount, BCD minor units), 9F1A (terminal country), 84 (application id).
/// </summary>
public sealed partial class PaymentTerminalProtocol(ActivitySource source, ILogger<PaymentTerminalProtocol> logger, Meter meter)
{
    private readonly Counter<long> _authorisations = meter.CreateCounter<long>("tillwire.authorisations", "{authorisation}");

    public void OnTransaction(string terminalId, FrameHeader header, ReadOnlySpan<byte> body)
    {
        using var span = source.StartTillwireFrameDecode(terminalId);
        span.SetTillwireFrameOpcode($"0x{header.Opcode:X2}"); // clean precision-about
        span.SetTillwireFrameSequence((int)header.Sequence); // clean precision-about

        Span<char> pan = stackalloc char[19];
        var panLength = 0;
        string cardholder = "", aid = "";
        long amountMinor = 0;
        var offset = 0;
        while (offset < body.Length)
        {
            var element = ReadElement(body, ref offset);
            switch (element.Tag)
            {
                case 0x5A:
                    foreach (var b in element.Value)
                    {
                        pan[panLength++] = (char)('0' + (b >> 4));
                        if ((b & 0x0F) != 0x0F) pan[panLength++] = (char)('0' + (b & 0x0F));
                    }
                    break;
                case 0x5F20:
                    cardholder = Encoding.ASCII.GetString(element.Value).Trim();
                    break;
                case 0x84:
                    aid = Convert.ToHexString(element.Value);
                    break;
                case 0x9F02:
                    foreach (var b in element.Value) amountMinor = amountMinor * 100 + (b >> 4) * 10 + (b & 0x0F);
                    break;
            }
        }
        var panText = pan[..panLength];

        Span<char> masked = stackalloc char[19];
        var maskedLength = CardText.MaskInto(panText, masked);
        Activity.Current?.SetTag("tillwire.card.masked", new string(masked[..maskedLength])); // clean precision-about
        Activity.Current?.SetTag("tillwire.card.last4", CardText.LastFour(panText)); // clean precision-about
        Activity.Current?.SetTag("tillwire.card.aid", aid); // clean precision-about
        Activity.Current?.SetTag("tillwire.amount.minor", amountMinor); // clean precision-about
        Activity.Current?.SetTag(TillwireAttributes.CardholderName, cardholder); // leak TC1001 generated-api
        Activity.Current?.SetTag("tillwire.card.bin", new string(panText[..6])); // clean precision-about
        Activity.Current?.SetTag("tillwire.card.fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(panText.ToString())))[..16]); // leak TC1002 hashes

        LogAuthorising(logger, terminalId, amountMinor, panLength, aid); // clean precision-about
        LogCard(logger, panText.ToString(), cardholder); // leak TC1001 direct
        _authorisations.Add(1, new KeyValuePair<string, object?>("aid", aid), new KeyValuePair<string, object?>("pan.length", panLength)); // clean precision-about
        _authorisations.Add(1, new KeyValuePair<string, object?>("card", new string(panText))); // leak TC1003 direct
        if (panLength is < 13 or > 19)
        {
            var error = new FieldDecodeException("5A", panText.ToString());
            span.RecordException(error, includeMessage: true); // leak TC1001 exceptions
            span.RecordException(error); // clean exceptions
        }
    }

    private static TlvElement ReadElement(ReadOnlySpan<byte> body, ref int offset)
    {
        ushort tag = body[offset++];
        if ((tag & 0x1F) == 0x1F)
        {
            tag = (ushort)((tag << 8) | body[offset++]);
        }
        var length = body[offset++];
        var value = body.Slice(offset, length);
        offset += length;
        return new TlvElement(tag, value);
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Terminal {TerminalId} authorising {AmountMinor} on a {PanLength}-digit card, AID {Aid}")]
    private static partial void LogAuthorising(ILogger logger, string terminalId, long amountMinor, int panLength, string aid);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Debug, Message = "Card {Pan} held by {Cardholder}")]
    private static partial void LogCard(ILogger logger, string pan, string cardholder);
}
