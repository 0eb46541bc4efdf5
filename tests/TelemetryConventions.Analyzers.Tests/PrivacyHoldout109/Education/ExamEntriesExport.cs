namespace PrivacyHoldout109.Education;

/// <summary>An exam entry: the candidate (their unique candidate identifier and name), the component and the series.</summary>
public sealed record ExamEntry(string StudentNumber, string CandidateNumber, string Uci, string Surname, string Forenames, DateOnly DateOfBirth, string ComponentCode, string Series);

/// <summary>Writes the exam board's fixed-width entries file (A2C layout) and drops it on the board's SFTP server.</summary>
public sealed partial class ExamEntriesExport(
    ActivitySource source,
    Meter meter,
    ILogger<ExamEntriesExport> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint board)
{
    private const string CentreNumber = "61234";

    private static readonly FixedWidthLayout Entries = new("A2C-ENTRY", 80,
        new FixedWidthField("centre", 0, 5),
        new FixedWidthField("candidate", 5, 4, '0', RightAlign: true),
        new FixedWidthField("uci", 9, 13),
        new FixedWidthField("surname", 22, 20),
        new FixedWidthField("forenames", 42, 20),
        new FixedWidthField("dob", 62, 8),
        new FixedWidthField("component", 70, 6),
        new FixedWidthField("series", 76, 4));

    private readonly Counter<long> _overflows = meter.CreateCounter<long>("sisfeed.export.overflows", "{field}");

    public void Export(IReadOnlyList<ExamEntry> entries, string series)
    {
        var fileName = $"E{CentreNumber}_{series}_{DateTime.UtcNow:yyyyMMdd}.A2C";
        using var span = source.StartSisfeedImport(board.PartnerCode, fileName);
        span.SetSisfeedFileFormat("fixed"); // clean precision-names
        logger.LogInformation("Writing {Layout} ({Length} characters, {Fields} fields) for centre {Centre}", Entries.Name, Entries.RecordLength, Entries.Fields.Count, CentreNumber); // clean precision-names

        var lines = new List<string>();
        foreach (var entry in entries)
        {
            try
            {
                lines.Add(Entries.Write(new Dictionary<string, string>
                {
                    ["centre"] = CentreNumber,
                    ["candidate"] = entry.CandidateNumber,
                    ["uci"] = entry.Uci,
                    ["surname"] = entry.Surname.ToUpperInvariant(),
                    ["forenames"] = entry.Forenames.ToUpperInvariant(),
                    ["dob"] = entry.DateOfBirth.ToString("ddMMyyyy", CultureInfo.InvariantCulture),
                    ["component"] = entry.ComponentCode,
                    ["series"] = series,
                }));
            }
            catch (FieldOverflowException ex)
            {
                logger.LogWarning(ex, "Entry for candidate {Candidate} does not fit the layout", entry.CandidateNumber); // leak TC1001 direct
                _overflows.Add(1, new KeyValuePair<string, object?>("field", ex.Field)); // clean precision-names
                span.SetSisfeedNote($"field {ex.Field} overflowed"); // clean exceptions
                logger.LogSisfeedRowRejectedEvent(board.PartnerCode, "field_overflow", sisfeedFileName: fileName, sisfeedStudentId: pseudonymizer.PseudonymizeSisfeedStudentId(entry.StudentNumber), sisfeedNote: ex.Message); // leak TC1001 generated-api
                continue;
            }
            logger.LogTrace("Entry record {Record}", lines[^1]); // leak TC1001 strings
        }

        logger.LogDebug("First entry record length {Length}, component {Component}", lines.FirstOrDefault()?.Length, Entries.Read(lines.FirstOrDefault() ?? new string(' ', 80), "component")); // clean precision-about
        LogCandidates(logger, entries.Select(e => e.CandidateNumber).ToArray()); // leak TC1001 logging-objects
        LogCandidateCount(logger, entries.Count, entries.Select(e => e.Uci).ToArray()); // clean logging-objects

        var bytes = Encoding.ASCII.GetBytes(string.Join("\r\n", lines));
        span.SetSisfeedRecordCount(lines.Count); // clean precision-about
        sftp.Connect();
        sftp.UploadFile(new MemoryStream(bytes), board.OutboundDir + "/" + fileName);
        Activity.Current?.SetTag("sisfeed.file.sha256", Convert.ToHexString(SHA256.HashData(bytes))); // clean hashes
        meter.CreateSisfeedFilesCounter().Add(1, board.PartnerCode, "outbound", "delivered"); // clean generated-api
    }

    /// <summary>Re-sends a single late entry as an amendment file named after the candidate.</summary>
    public void Amend(ExamEntry entry)
    {
        var amendment = $"E{CentreNumber}_AMD_{entry.Uci}.A2C";
        logger.LogInformation("Dropping amendment {File}", amendment); // leak TC1001 strings
        Activity.Current?.SetTag("sisfeed.amendment.uci.centre", entry.Uci[..5]); // clean precision-about
        Activity.Current?.SetTag("sisfeed.amendment.candidate", Convert.ToBase64String(Encoding.UTF8.GetBytes(entry.CandidateNumber))); // leak TC1001 hashes
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Exporting candidates {Candidates}")]
    private static partial void LogCandidates(ILogger logger, string[] candidates);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exporting {Count} entries")]
    private static partial void LogCandidateCount(ILogger logger, int count, [PrivateData] string[] ucis);
}
