namespace PrivacyHoldout80.Energy;

/// <summary>
/// A view over a smart meter's readings body: <c>[manufacturer:3 ASCII][serial:12 ASCII][register:1][import Wh:8][export Wh:8][unix:4]</c>.
/// The serial is the customer's meter: one meter, one household.
/// </summary>
public readonly ref struct MeterReadingView
{
    public const int Length = 36;
    private readonly ReadOnlySpan<byte> _body;

    public MeterReadingView(ReadOnlySpan<byte> body)
    {
        if (body.Length < Length)
        {
            throw new FrameFormatException("short readings body", 0, 0x31);
        }
        _body = body;
    }

    public ReadOnlySpan<byte> Manufacturer => _body[..3];

    public ReadOnlySpan<byte> Serial => _body.Slice(3, 12);

    public byte Register => _body[15];

    public ulong ImportWh => BinaryPrimitives.ReadUInt64BigEndian(_body[16..]);

    public ulong ExportWh => BinaryPrimitives.ReadUInt64BigEndian(_body[24..]);

    public DateTimeOffset ReadAt => DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(_body[32..]));
}

public sealed partial class MeterFrameDecoder(ActivitySource source, ILogger<MeterFrameDecoder> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private const int SupportedVersion = 3;
    private readonly Histogram<double> _import = meter.CreateHistogram<double>("meterwire.reading.import", "kWh");

    public void Decode(string concentratorId, ReadOnlySpan<byte> frame)
    {
        if (!FrameHeader.TryRead(frame, out var header))
        {
            logger.LogWarning("Short frame from {Concentrator}: {Bytes} bytes", concentratorId, frame.Length); // clean precision-about
            return;
        }
        using var span = source.StartMeterwireFrameDecode(concentratorId);
        span.SetMeterwireProtocolVersion(header.Version); // clean precision-about
        span.SetMeterwireFrameOpcode($"0x{header.Opcode:X2}"); // clean precision-about
        logger.LogDebug("Frame {Header} header bytes {HeaderHex}", header, Hex.HeaderOnly(frame)); // clean precision-about

        if (header.Version > SupportedVersion)
        {
            var error = new UnsupportedVersionException(header.Version, SupportedVersion);
            span.RecordException(error, includeMessage: true); // clean exceptions
            return;
        }

        var crc = Crc.Crc32(frame[..^4]);
        span.SetMeterwireFrameChecksum(crc.ToString("X8")); // clean precision-about

        var view = new MeterReadingView(frame.Slice(FrameHeader.Size + 4, header.BodyLength));
        var manufacturer = Encoding.ASCII.GetString(view.Manufacturer);
        var serial = Encoding.ASCII.GetString(view.Serial);
        span.SetMeterwireMeterSerial(pseudonymizer.PseudonymizeMeterwireMeterSerial(serial)); // clean precision-pseudonym
        Activity.Current?.SetTag("meterwire.manufacturer", manufacturer); // clean precision-about
        Activity.Current?.SetTag("meterwire.meter.model", serial[..3]); // clean precision-about
        Activity.Current?.SetTag("meterwire.meter.crc", Crc.Crc32(view.Serial).ToString("X8")); // leak TC1002 hashes

        var importKwh = view.ImportWh / 1000.0;
        var readingKey = string.Create(serial.Length + 9, (serial, view.Register), static (dest, state) =>
        {
            state.serial.AsSpan().CopyTo(dest);
            dest[state.serial.Length] = ':';
            state.Register.TryFormat(dest[(state.serial.Length + 1)..], out _, "D8");
        });
        Activity.Current?.SetTag("meterwire.reading.key", readingKey); // leak TC1001 strings
        _import.Record(importKwh, new KeyValuePair<string, object?>("register", view.Register), new KeyValuePair<string, object?>("manufacturer", manufacturer)); // clean precision-about
        _import.Record(importKwh, new KeyValuePair<string, object?>("meter", serial)); // leak TC1003 direct
        LogReading(logger, view.Register, view.ImportWh, view.ExportWh, view.ReadAt); // clean precision-about
        LogMeterReading(logger, serial, importKwh); // leak TC1001 direct

        if (view.ExportWh > view.ImportWh * 10)
        {
            logger.LogWarning("Export far above import on meter {Meter}: {Export} Wh", Encoding.ASCII.GetString(view.Serial), view.ExportWh); // leak TC1001 direct
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Register {Register}: import {ImportWh} Wh, export {ExportWh} Wh at {ReadAt}")]
    private static partial void LogReading(ILogger logger, byte register, ulong importWh, ulong exportWh, DateTimeOffset readAt);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Debug, Message = "Meter {MeterSerial} read {ImportKwh} kWh")]
    private static partial void LogMeterReading(ILogger logger, string meterSerial, double importKwh);
}
