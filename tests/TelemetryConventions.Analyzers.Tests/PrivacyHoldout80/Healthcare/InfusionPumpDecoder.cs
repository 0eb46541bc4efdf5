namespace PrivacyHoldout80.Healthcare;

/// <summary>
/// A view over an infusion pump's status body, without copying:
/// <c>[serial:8][drug:2][rate:4 (centi-ml/h)][volume:4][alarm:1][mrn:10 ASCII, space-padded]</c>.
/// The pump carries the hospital number of the patient it was programmed for.
/// </summary>
public readonly ref struct PumpStatusView(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;

    public ulong PumpSerial => BinaryPrimitives.ReadUInt64BigEndian(_body);

    public ushort DrugCode => BinaryPrimitives.ReadUInt16BigEndian(_body[8..]);

    public double RateMlPerHour => BinaryPrimitives.ReadUInt32BigEndian(_body[10..]) / 100.0;

    public uint VolumeInfusedMl => BinaryPrimitives.ReadUInt32BigEndian(_body[14..]);

    public byte AlarmCode => _body[18];

    public ReadOnlySpan<byte> MrnBytes => _body.Slice(19, 10).TrimEnd((byte)' ');
}

public sealed partial class InfusionPumpDecoder
{
    private static readonly Histogram<double> Rate = new Meter("Bedwire.Pumps").CreateHistogram<double>("bedwire.pump.rate", "ml/h");
    private readonly ILogger<InfusionPumpDecoder> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly Meter _meter;
    private readonly TagList _wardTags;

    public InfusionPumpDecoder(ILogger<InfusionPumpDecoder> logger, Pseudonymizer pseudonymizer, Meter meter, string ward)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _meter = meter;
        _wardTags = new TagList { { "ward", ward }, { "feed", "pump-status" } };
    }

    public void Decode(string gatewayId, FrameHeader header, ReadOnlySpan<byte> body)
    {
        var view = new PumpStatusView(body);
        var span = Activity.Current.EnrichBedwireFrameDecode(gatewayId)
            .SetBedwireFrameOpcode($"0x{header.Opcode:X2}"); // clean precision-about

        Span<char> serial = stackalloc char[16];
        view.PumpSerial.TryFormat(serial, out var written, "X16");
        Activity.Current?.SetTag("bedwire.pump.serial", new string(serial[..written])); // clean precision-about

        var mrn = Encoding.ASCII.GetString(view.MrnBytes);
        span.SetBedwirePatientId(_pseudonymizer.PseudonymizeBedwirePatientId(mrn)); // clean precision-pseudonym
        span.SetBedwireNote($"pump bound to {mrn}"); // leak TC1001 generated-api

        var tags = _wardTags;
        tags.Add("drug", view.DrugCode);
        Rate.Record(view.RateMlPerHour, tags); // clean precision-about
        _meter.CreateBedwireFrameSizeHistogram().Record(header.FrameLength, $"0x{header.Opcode:X2}"); // clean precision-about

        if (view.AlarmCode != 0)
        {
            LogAlarm(_logger, view.PumpSerial, view.AlarmCode, view.DrugCode, view.RateMlPerHour); // clean precision-about
            LogAlarmForPatient(_logger, mrn, view.AlarmCode); // leak TC1001 direct
            Activity.Current?.AddEvent(new ActivityEvent("pump.alarm", tags: new ActivityTagsCollection { ["alarm"] = view.AlarmCode, ["patient"] = mrn })); // leak TC1001 direct
        }

        if (view.MrnBytes.IsEmpty)
        {
            _logger.LogInformation("Pump {Serial:X16} is not bound to a patient (body {BodyLength} bytes)", view.PumpSerial, body.Length); // clean precision-about
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Pump {PumpSerial:X16} alarm {AlarmCode} on drug {DrugCode} at {Rate} ml/h")]
    private static partial void LogAlarm(ILogger logger, ulong pumpSerial, byte alarmCode, ushort drugCode, double rate);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Pump alarm for patient {Mrn}: {AlarmCode}")]
    private static partial void LogAlarmForPatient(ILogger logger, string mrn, byte alarmCode);
}
