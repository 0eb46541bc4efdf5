namespace PrivacyHoldout80.Healthcare;

/// <summary>
/// A bedside wristband scan. The body of a scanner frame is ASCII, '|'-separated:
/// <c>MRN|FAMILY^GIVEN|YYYYMMDD|WARD</c>, exactly what is printed in the wristband's barcode.
/// </summary>
public sealed record WristbandScan(string ScannerId, string Mrn, string PatientName, DateOnly BirthDate, string WardCode);

/// <summary>Reads the framed stream of one bedside scanner from a socket's <see cref="PipeReader"/>.</summary>
public sealed partial class WristbandScannerPipe(ActivitySource source, Meter meter, ILogger<WristbandScannerPipe> logger, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _scans = meter.CreateCounter<long>("bedwire.wristband.scans", "{scan}");
    private readonly Counter<long> _bytes = meter.CreateCounter<long>("bedwire.scanner.bytes", "By");
    private WristbandScan? _lastScan;

    public async Task RunAsync(string scannerId, PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            _bytes.Add(buffer.Length, new KeyValuePair<string, object?>("scanner", scannerId)); // clean precision-about
            while (TryReadFrame(ref buffer, out var frame))
            {
                Handle(scannerId, frame);
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                logger.LogInformation("Scanner {ScannerId} closed its stream with {Pending} bytes pending", scannerId, buffer.Length); // clean precision-about
                break;
            }
        }
    }

    private static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        var reader = new SequenceReader<byte>(buffer);
        Span<byte> head = stackalloc byte[FrameHeader.Size + 4];
        if (!reader.TryCopyTo(head) || !FrameHeader.TryRead(head, out var header) || buffer.Length < header.FrameLength)
        {
            frame = default;
            return false;
        }
        frame = buffer.Slice(0, header.FrameLength);
        buffer = buffer.Slice(header.FrameLength);
        return true;
    }

    private void Handle(string scannerId, ReadOnlySequence<byte> frame)
    {
        byte[]? rented = null;
        Span<byte> bytes = frame.Length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent((int)frame.Length));
        bytes = bytes[..(int)frame.Length];
        frame.CopyTo(bytes);
        try
        {
            FrameHeader.TryRead(bytes, out var header);
            using var span = source.StartBedwireFrameDecode(scannerId);
            span.SetBedwireProtocolVersion(header.Version); // clean precision-about
            span.SetBedwireFrameSequence((int)header.Sequence); // clean precision-about
            span.SetBedwireFrameLength(header.FrameLength); // clean precision-about

            var expected = BinaryPrimitives.ReadUInt16BigEndian(bytes[^2..]);
            var actual = Crc.Ccitt(bytes[..^2]);
            if (expected != actual)
            {
                logger.LogWarning("CRC mismatch from {ScannerId}: header {Header}, expected {Expected:X4}, computed {Actual:X4}", scannerId, Hex.HeaderOnly(bytes), expected, actual); // clean precision-about
                logger.LogDebug("Rejected scanner frame {Frame}", Hex.Dump(bytes)); // leak TC1001 strings
                span.SetBedwireOutcome("rejected:crc");
                return;
            }
            span.SetBedwireFrameChecksum(expected.ToString("X4")); // clean precision-about

            var fields = Encoding.ASCII.GetString(bytes.Slice(FrameHeader.Size + 4, header.BodyLength)).Split('|');
            var scan = new WristbandScan(scannerId, fields[0], fields[1], DateOnly.ParseExact(fields[2], "yyyyMMdd"), fields[3]);
            _lastScan = scan;

            span.SetBedwirePatientId(pseudonymizer.PseudonymizeBedwirePatientId(scan.Mrn)); // clean precision-pseudonym
            Activity.Current?.SetTag("bedwire.ward", scan.WardCode); // clean precision-about
            Activity.Current?.SetTag("bedwire.patient.mrn", fields[0]); // leak TC1001 direct
            logger.LogInformation("Wristband scanned: {Scan}", scan); // leak TC1001 logging-objects
            LogScanned(logger, scannerId, scan.WardCode, scan.Mrn.Length); // clean precision-about
            LogBandPrinted(logger, scan.PatientName, scan.BirthDate); // leak TC1001 direct
            _scans.Add(1, new KeyValuePair<string, object?>("ward", scan.WardCode)); // clean precision-about
            _scans.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeBedwirePatientId(scan.Mrn))); // leak TC1003 precision-pseudonym
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public void ReportStall(string scannerId, TimeSpan idle)
    {
        logger.LogWarning("Scanner {ScannerId} idle for {Idle}; last band read was {LastScan}", scannerId, idle, _lastScan?.PatientName); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Scanner {ScannerId} read a band on ward {Ward} ({MrnLength} characters)")]
    private static partial void LogScanned(ILogger logger, string scannerId, string ward, int mrnLength);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Band printed for {PatientName}, born {BirthDate}")]
    private static partial void LogBandPrinted(ILogger logger, string patientName, DateOnly birthDate);
}
