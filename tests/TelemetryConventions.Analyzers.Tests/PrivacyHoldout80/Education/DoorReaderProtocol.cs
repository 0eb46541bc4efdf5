namespace PrivacyHoldout80.Education;

/// <summary>
/// A 26- or 37-bit Wiegand read forwarded by a door controller: the facility code is the campus's,
/// the card number is printed on the student's campus card and looked up to the student number.
/// </summary>
public readonly record struct WiegandRead(string ReaderId, int Bits, int FacilityCode, long CardNumber);

public interface ICardDirectory
{
    bool TryFind(long cardNumber, out string studentNumber, out string studentEmail);
}

/// <summary>Decodes the door controllers' access frames: <c>[bits:1][facility:2][card:5][door:2]</c>.</summary>
public sealed partial class DoorReaderProtocol(ILogger<DoorReaderProtocol> logger, ICardDirectory directory, Pseudonymizer pseudonymizer, KeyedShards shards, Meter meter)
{
    private static readonly KeyValuePair<string, object?> GrantedTag = new("door.decision", "granted");
    private static readonly KeyValuePair<string, object?> DeniedTag = new("door.decision", "denied");
    private readonly Counter<long> _decisions = meter.CreateCounter<long>("gatewire.door.decisions", "{decision}");
    private readonly Dictionary<long, int> _deniedByCard = new();

    public bool OnAccessFrame(string controllerId, FrameHeader header, ReadOnlySpan<byte> body)
    {
        var bits = body[0];
        var facility = BinaryPrimitives.ReadUInt16BigEndian(body[1..]);
        Span<byte> card = stackalloc byte[8];
        body.Slice(3, 5).CopyTo(card[3..]);
        var cardNumber = (long)BinaryPrimitives.ReadUInt64BigEndian(card);
        var door = BinaryPrimitives.ReadUInt16BigEndian(body[8..]);
        var read = new WiegandRead(controllerId, bits, facility, cardNumber);

        var span = Activity.Current.EnrichGatewireFrameDecode(controllerId);
        span.SetGatewireFrameSequence((int)header.Sequence); // clean precision-about
        Activity.Current?.SetTag("gatewire.door", door); // clean precision-about
        Activity.Current?.SetTag("gatewire.wiegand.bits", bits); // clean precision-about

        if (!directory.TryFind(cardNumber, out var studentNumber, out var email))
        {
            _deniedByCard[cardNumber] = _deniedByCard.GetValueOrDefault(cardNumber) + 1;
            logger.LogWarning("Unknown card at door {Door}: {Read}", door, read); // leak TC1001 logging-objects
            _decisions.Add(1, DeniedTag, new KeyValuePair<string, object?>("door", door)); // clean precision-about
            return false;
        }

        Activity.Current?.SetBaggage("campus.student", studentNumber); // leak TC1001 direct
        span.SetGatewireStudentId(pseudonymizer.PseudonymizeGatewireStudentId(studentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("gatewire.shard", shards.ShardOf(studentNumber, 32)); // clean precision-about
        Activity.Current?.SetTag(GatewireAttributes.StudentEmail, email); // leak TC1001 generated-api
        LogGranted(logger, door, facility, bits); // clean precision-about
        LogCardHolder(logger, cardNumber, door); // leak TC1001 direct
        _decisions.Add(1, GrantedTag, new KeyValuePair<string, object?>("student", studentNumber)); // leak TC1003 direct
        _decisions.Add(1, GrantedTag, new KeyValuePair<string, object?>("facility", facility)); // clean precision-about
        return true;
    }

    public void ReportRepeatedDenials()
    {
        foreach (var (card, count) in _deniedByCard.Where(p => p.Value >= 3))
        {
            logger.LogWarning("Card {Card} denied {Count} times", card, count); // leak TC1001 cross-member
        }
        logger.LogInformation("{Cards} cards were denied at least once", _deniedByCard.Count); // clean precision-about
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "Door {Door} granted (facility {Facility}, {Bits}-bit read)")]
    private static partial void LogGranted(ILogger logger, ushort door, ushort facility, byte bits);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Card {CardNumber} opened door {Door}")]
    private static partial void LogCardHolder(ILogger logger, long cardNumber, ushort door);
}
