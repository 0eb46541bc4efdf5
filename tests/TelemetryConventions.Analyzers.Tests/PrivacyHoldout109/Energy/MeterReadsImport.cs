namespace PrivacyHoldout109.Energy;

/// <summary>Loads the data collector's fixed-width reads file (MPAN, meter serial, register, read date, reading).</summary>
public sealed class MeterReadsImport(
    ActivitySource source,
    Meter meter,
    ILogger<MeterReadsImport> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint collector,
    IMeterRegistry registry)
{
    private static readonly FixedWidthLayout Reads = new("DC-READ-V3", 60,
        new FixedWidthField("record_type", 0, 3),
        new FixedWidthField("mpan", 3, 13),
        new FixedWidthField("msn", 16, 10),
        new FixedWidthField("register", 26, 2),
        new FixedWidthField("read_date", 28, 8),
        new FixedWidthField("reading", 36, 12, '0', RightAlign: true),
        new FixedWidthField("read_type", 48, 1));

    private readonly Counter<long> _rejected = meter.CreateCounter<long>("meterfeed.reads.rejected", "{read}");

    public async Task ImportAsync(SftpFile file, CancellationToken ct)
    {
        using var span = source.StartMeterfeedImport(collector.PartnerCode, file.Name);
        span.SetMeterfeedFileFormat("fixed"); // clean precision-names
        var lines = sftp.ReadAllText(file.FullName).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0];
        var trailer = lines[^1];
        var declared = int.Parse(trailer[3..11], CultureInfo.InvariantCulture);
        logger.LogInformation("Reads file header {Header}, trailer {Trailer}", header, trailer); // clean strings
        if (declared != lines.Length - 2)
        {
            var ex = new RecordCountMismatchException(file.Name, declared, lines.Length - 2);
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Trailer count mismatch"); // clean exceptions
            return;
        }

        var rejected = 0;
        for (var i = 1; i < lines.Length - 1; i++)
        {
            var record = lines[i];
            if (record.Length != Reads.RecordLength)
            {
                rejected++;
                var lengthError = new RecordLengthException(i + 1, Reads.RecordLength, record.Length);
                logger.LogWarning(lengthError, "Skipping record {Line} of type {Type}", i + 1, record[..3]); // clean exceptions
                logger.LogWarning("Short record {Record}", record); // leak TC1001 strings
                continue;
            }
            var mpan = Reads.Read(record, "mpan");
            var serial = Reads.Read(record, "msn");
            var reading = decimal.Parse(Reads.Read(record, "reading"), CultureInfo.InvariantCulture);
            var account = await registry.AccountForAsync(mpan, ct);
            if (account is null)
            {
                rejected++;
                _rejected.Add(1, new KeyValuePair<string, object?>("reason", "unknown_mpan"), new KeyValuePair<string, object?>("distributor", mpan[..2])); // clean precision-about
                logger.LogMeterfeedRowRejectedEvent(collector.PartnerCode, "unknown_mpan", meterfeedFileName: file.Name, meterfeedNote: $"MPAN {mpan} / MSN {serial} not registered"); // leak TC1001 generated-api
                continue;
            }
            if (reading < account.LastReading)
            {
                rejected++;
                _rejected.Add(1, new KeyValuePair<string, object?>("reason", "reverse_read"), new KeyValuePair<string, object?>("meter", serial)); // leak TC1003 direct
                logger.LogMeterfeedRowRejectedEvent(collector.PartnerCode, "reverse_read", meterfeedFileName: file.Name, meterfeedAccountId: pseudonymizer.PseudonymizeMeterfeedAccountId(account.AccountNumber), meterfeedNote: $"read {reading} below {account.LastReading}"); // clean generated-api
                logger.LogInformation("Reverse read on meter model {Model}, register {Register}", serial[..3], Reads.Read(record, "register")); // clean precision-about
                logger.LogInformation("Reverse read for {Account}", account); // leak TC1001 logging-objects
            }
        }

        span.SetMeterfeedRecordCount(lines.Length - 2); // clean precision-about
        span.SetMeterfeedRejectedCount(rejected); // clean precision-about
        meter.CreateMeterfeedFilesCounter().Add(1, collector.PartnerCode, "inbound", rejected == 0 ? "loaded" : "loaded_with_rejections"); // clean generated-api
    }
}

/// <summary>The supply point a meter is registered to. Prints its members.</summary>
public sealed record SupplyAccount(string AccountNumber, string Mpan, decimal LastReading, string Tariff);

public interface IMeterRegistry
{
    Task<SupplyAccount?> AccountForAsync(string mpan, CancellationToken cancellationToken);
}
