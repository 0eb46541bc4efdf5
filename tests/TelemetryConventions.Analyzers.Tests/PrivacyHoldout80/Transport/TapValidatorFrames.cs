namespace PrivacyHoldout80.Transport;

/// <summary>
/// A tap body from a bus validator: <c>[uid:7][card number:8 BCD][route:2][stop:4][fare:4 pence][product:1]</c>.
/// The UID is the chip of the rider's travel card; the card number is printed on it.
/// </summary>
public readonly ref struct TapView(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;

    public ReadOnlySpan<byte> Uid => _body[..7];

    public ReadOnlySpan<byte> CardNumberBcd => _body.Slice(7, 8);

    public ushort Route => BinaryPrimitives.ReadUInt16BigEndian(_body[15..]);

    public uint Stop => BinaryPrimitives.ReadUInt32BigEndian(_body[17..]);

    public uint FarePence => BinaryPrimitives.ReadUInt32BigEndian(_body[21..]);

    public byte Product => _body[25];
}

public sealed partial class TapValidatorFrames(ActivitySource source, ILogger<TapValidatorFrames> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly KeyValuePair<string, object?> TapKind = new("tap.kind", "validator");
    private readonly Counter<long> _fares = meter.CreateCounter<long>("tapwire.fares", "{penny}");
    private string? _lastUidHex;

    public void OnFrame(string validatorId, ReadOnlySpan<byte> frame)
    {
        FrameHeader.TryRead(frame, out var header);
        using var span = source.StartTapwireFrameDecode(validatorId);
        span.SetTapwireFrameSequence((int)header.Sequence); // clean precision-about
        span.SetTapwireFrameLength(header.FrameLength); // clean precision-about

        var sent = BinaryPrimitives.ReadUInt16BigEndian(frame[^2..]);
        var computed = Crc.Ccitt(frame[..^2]);
        if (sent != computed)
        {
            var error = new ChecksumMismatchException(sent, computed, header.Sequence);
            logger.LogWarning(error, "Validator {Validator} frame rejected, header {Header}", validatorId, Hex.HeaderOnly(frame)); // clean exceptions
            span.SetTapwireOutcome("rejected:crc"); // clean precision-about
            span.SetTapwireNote(error.Message); // clean exceptions
            return;
        }

        var tap = new TapView(frame.Slice(FrameHeader.Size + 4, header.BodyLength));
        Span<char> card = stackalloc char[16];
        for (var i = 0; i < 8; i++)
        {
            card[2 * i] = (char)('0' + (tap.CardNumberBcd[i] >> 4));
            card[2 * i + 1] = (char)('0' + (tap.CardNumberBcd[i] & 0x0F));
        }
        var uidHex = Convert.ToHexString(tap.Uid);
        _lastUidHex = uidHex;

        span.SetTapwireCardId(pseudonymizer.PseudonymizeTapwireCardId(card.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("tapwire.route", tap.Route); // clean precision-about
        Activity.Current?.SetTag("tapwire.stop", tap.Stop); // clean precision-about
        Activity.Current?.SetTag("tapwire.card.uid", uidHex); // leak TC1001 direct
        Activity.Current?.SetTag("tapwire.card.issuer", new string(card[..4])); // clean precision-about
        _fares.Add(tap.FarePence, TapKind, new KeyValuePair<string, object?>("route", tap.Route), new KeyValuePair<string, object?>("product", tap.Product)); // clean precision-about
        Activity.Current?.SetTag("tapwire.card.token", Convert.ToBase64String(tap.CardNumberBcd)); // leak TC1001 hashes
        logger.LogTapwireFrameRejectedEvent(validatorId, "fare:capped", tapwireNote: "capped fare for card " + card.ToString()); // leak TC1001 generated-api
        LogTap(logger, validatorId, tap.Route, tap.Stop, tap.FarePence); // clean precision-about
        LogCardTap(logger, card.ToString(), tap.Stop); // leak TC1001 direct
        logger.LogDebug("Tap frame body {Body}", Hex.Dump(frame.Slice(FrameHeader.Size + 4, header.BodyLength))); // leak TC1001 strings
    }

    public void OnValidatorReboot(string validatorId)
    {
        logger.LogWarning("Validator {Validator} rebooted; last card {Uid}", validatorId, _lastUidHex); // leak TC1001 cross-member
        Activity.Current?.AddEvent(new ActivityEvent("tapwire.reboot", tags: new ActivityTagsCollection { ["validator"] = validatorId, ["had.tap"] = _lastUidHex is not null })); // clean precision-about
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Validator {Validator}: route {Route} stop {Stop} fare {Fare}p")]
    private static partial void LogTap(ILogger logger, string validator, ushort route, uint stop, uint fare);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "Card {CardNumber} tapped at stop {Stop}")]
    private static partial void LogCardTap(ILogger logger, string cardNumber, uint stop);
}
