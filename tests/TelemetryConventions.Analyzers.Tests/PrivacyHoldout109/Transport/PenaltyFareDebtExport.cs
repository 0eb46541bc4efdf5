namespace PrivacyHoldout109.Transport;

/// <summary>An unpaid penalty fare notice, with the passenger the inspector wrote it for.</summary>
public sealed record PenaltyNotice(string NoticeNumber, string PassengerName, string AddressLine, string Postcode, DateOnly IssuedOn, decimal Amount, string Route);

/// <summary>Exports unpaid penalty fares to the collection agency in its fixed-width layout and reads back payments.</summary>
public sealed class PenaltyFareDebtExport(
    ActivitySource source,
    Meter meter,
    ILogger<PenaltyFareDebtExport> logger,
    SftpClient sftp,
    PartnerEndpoint agency)
{
    private static readonly FixedWidthLayout Layout = new("PFN-02", 120,
        new FixedWidthField("notice", 0, 10),
        new FixedWidthField("name", 10, 40),
        new FixedWidthField("address", 50, 50),
        new FixedWidthField("postcode", 100, 8),
        new FixedWidthField("amount", 108, 8, '0', RightAlign: true),
        new FixedWidthField("route", 116, 4));

    private readonly Counter<long> _exported = meter.CreateCounter<long>("farefeed.penalty.exported", "{notice}");

    public void Export(IReadOnlyList<PenaltyNotice> notices)
    {
        var fileName = $"PFN_{DateTime.UtcNow:yyyyMMdd}.txt";
        using var span = source.StartFarefeedTransfer(agency.PartnerCode, "outbound");
        var records = new List<string>();
        foreach (var n in notices)
        {
            try
            {
                records.Add(Layout.Write(new Dictionary<string, string> { ["notice"] = n.NoticeNumber, ["name"] = n.PassengerName, ["address"] = n.AddressLine, ["postcode"] = n.Postcode, ["amount"] = ((int)(n.Amount * 100)).ToString(CultureInfo.InvariantCulture), ["route"] = n.Route }));
                _exported.Add(1, new KeyValuePair<string, object?>("route", n.Route)); // clean precision-names
            }
            catch (FieldOverflowException ex) when (ex.Field == "address")
            {
                logger.LogWarning(ex, "Notice {Notice} address too long", n.NoticeNumber); // leak TC1001 exceptions
                span.SetFarefeedNote($"notice {n.NoticeNumber}: {ex.Field} overflow"); // clean exceptions
            }
        }
        span.SetFarefeedRecordCount(records.Count); // clean precision-about
        logger.LogInformation("Exporting notices {Notices}", notices.Select(n => n.NoticeNumber)); // clean precision-names
        logger.LogInformation("Exporting notices {Notices}", notices); // leak TC1001 logging-objects
        logger.LogDebug("First record {Record}", records.FirstOrDefault()); // leak TC1001 strings
        sftp.Connect();
        sftp.UploadFile(new MemoryStream(Encoding.ASCII.GetBytes(string.Join("\r\n", records))), agency.OutboundDir + "/" + fileName);
        meter.CreateFarefeedTransferDurationHistogram().Record(0.8, agency.PartnerCode, "outbound"); // clean generated-api
    }

    public void ReadPayments(string fileName, IReadOnlyDictionary<string, PenaltyNotice> byNotice)
    {
        using var span = source.StartFarefeedImport(agency.PartnerCode, fileName);
        foreach (var line in sftp.ReadAllText(agency.InboundDir + "/" + fileName).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var noticeNumber = line[..10].Trim();
            if (!byNotice.TryGetValue(noticeNumber, out var notice))
            {
                logger.LogWarning("Payment for unknown notice {Notice}", noticeNumber); // clean precision-names
                continue;
            }
            logger.LogInformation("Paid: {Name}, {Postcode}", notice.PassengerName, notice.Postcode); // leak TC1001 cross-member
            logger.LogInformation("Paid notice {Notice} in district {District}", noticeNumber, notice.Postcode.Split(' ')[0]); // clean precision-about
        }
    }
}
