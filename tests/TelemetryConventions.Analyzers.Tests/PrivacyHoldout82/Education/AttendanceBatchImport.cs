namespace PrivacyHoldout82.Education;

/// <summary>
/// Imports the attendance extract the legacy MIS drops every night on the trust's SFTP server as
/// <c>/outbound/mis/ATT_yyyyMMdd_URN.DAT</c>: one HDR record, one DTL record per pupil and session, one TRL
/// record with the count. Records are fixed width (80 characters), laid out as in the MIS's export spec.
/// </summary>
public sealed class AttendanceBatchImport(ISftpClient sftp, ActivitySource source, Meter meter, ILogger<AttendanceBatchImport> logger)
{
    // DTL: type(0,3) UPN(3,13) surname(16,20) forename(36,15) class(51,6) date(57,8) session(65,2) mark(67,1) minutes-late(68,3)
    private static readonly RecordLayout Detail = new("DTL", 80,
    [
        new FieldSpec("UPN", 3, 13),
        new FieldSpec("SURNAME", 16, 20),
        new FieldSpec("FORENAME", 36, 15),
        new FieldSpec("CLASS", 51, 6),
        new FieldSpec("DATE", 57, 8),
        new FieldSpec("SESSION", 65, 2),
        new FieldSpec("MARK", 67, 1),
        new FieldSpec("LATE", 68, 3, FieldKind.Zoned),
    ]);

    private readonly Counter<long> _marks = meter.CreateCounter<long>("mis.attendance.marks");

    public async Task ImportAsync(string schoolUrn, DateOnly day, CancellationToken cancellationToken)
    {
        var fileName = $"ATT_{day:yyyyMMdd}_{schoolUrn}.DAT";
        using var batch = source.StartMisbridgeBatch(fileName); // clean precision-about
        batch.SetMisbridgeLegacySystem("sims-mis"); // clean precision-about
        logger.LogInformation("Importing {File} from {Host}", fileName, sftp.Host); // clean precision-about

        var lines = await sftp.ReadAllLinesAsync("/outbound/mis/" + fileName, cancellationToken);
        var details = 0;
        var rejected = new List<FixedWidthRecord>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var recordType = line[..3];
            if (recordType == "TRL")
            {
                var declared = int.Parse(line.Substring(3, 7), CultureInfo.InvariantCulture);
                batch.SetMisbridgeRecordCount(declared); // clean precision-about
                if (declared != details)
                {
                    logger.LogError("{File}: trailer says {Declared} records, read {Read}", fileName, declared, details); // clean precision-about
                }
                continue;
            }
            if (recordType != "DTL")
            {
                continue;
            }

            details++;
            var record = new FixedWidthRecord(recordType, i + 1, line);
            if (line.Length != Detail.RecordLength)
            {
                logger.LogWarning("{File} line {Line}: length {Length}, expected {Expected}; layout {Layout}", fileName, i + 1, line.Length, Detail.RecordLength, Detail.RecordType); // clean precision-about
                rejected.Add(record);
                continue;
            }

            var upn = line.Substring(3, 13);
            var mark = line.Substring(67, 1);
            using var pupilScope = logger.BeginScope(new Dictionary<string, object> { ["Upn"] = upn, ["Line"] = i + 1 }); // leak TC1001 direct
            _marks.Add(1, new KeyValuePair<string, object?>("mark", mark), new KeyValuePair<string, object?>("session", line.Substring(65, 2))); // clean precision-about
            if (mark == "N")
            {
                logger.LogInformation("No reason yet for {Upn} in {Class} ({Session})", upn, record[Detail, "CLASS"], record[Detail, "SESSION"]); // leak TC1001 direct
            }
            if (!DateOnly.TryParseExact(record[Detail, "DATE"], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                var ex = new LayoutMismatchException("DTL", i + 1, line, "DATE is not yyyyMMdd");
                logger.LogWarning(ex, "Skipping a DTL record of {File}", fileName); // leak TC1001 exceptions
                logger.LogWarning("Skipping line {Line}: {Reason}", ex.LineNumber, ex.Reason); // clean exceptions
            }
        }

        logger.LogDebug("UPN is read from {Field}", Detail["UPN"]); // clean precision-names
        batch.SetMisbridgeOutcome(rejected.Count == 0 ? "imported" : "partial"); // clean precision-about
        logger.LogWarning("{Count} records of {File} rejected: {Records}", rejected.Count, fileName, rejected); // leak TC1001 logging-objects
        if (rejected.Count > 0)
        {
            var first = rejected[0];
            batch.SetMisbridgeNote($"first rejected: line {first.LineNumber}, {first[Detail, "FORENAME"].Trim()} {first[Detail, "SURNAME"].Trim()}"); // leak TC1001 generated-api
            Activity.Current?.SetTag("mis.rejected.first_line", first.LineNumber); // clean precision-about
        }
        await sftp.MoveAsync("/outbound/mis/" + fileName, "/archive/mis/" + fileName, cancellationToken);
    }
}
