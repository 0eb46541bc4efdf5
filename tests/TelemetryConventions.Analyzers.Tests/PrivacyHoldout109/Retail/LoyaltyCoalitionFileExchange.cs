namespace PrivacyHoldout109.Retail;

/// <summary>Exchanges points files with the loyalty coalition: our daily accruals out, their redemptions and member updates in.</summary>
public sealed partial class LoyaltyCoalitionFileExchange(
    ActivitySource source,
    Meter meter,
    ILogger<LoyaltyCoalitionFileExchange> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    SftpClient sftp,
    PartnerEndpoint coalition)
{
    private static readonly FixedWidthLayout Accrual = new("ACCR-01", 40,
        new FixedWidthField("card", 0, 16),
        new FixedWidthField("store", 16, 6),
        new FixedWidthField("points", 22, 8, '0', RightAlign: true),
        new FixedWidthField("date", 30, 8));

    private readonly Counter<long> _points = meter.CreateCounter<long>("vendorfeed.loyalty.points", "{point}");

    public void SendAccruals(IReadOnlyList<(string CardNumber, string CustomerNumber, string Store, int Points)> accruals, DateOnly day)
    {
        var fileName = $"ACCR_{day:yyyyMMdd}.dat";
        using var span = source.StartVendorfeedTransfer(coalition.PartnerCode, "outbound");
        var records = new List<string>();
        foreach (var a in accruals)
        {
            var record = Accrual.Write(new Dictionary<string, string> { ["card"] = a.CardNumber, ["store"] = a.Store, ["points"] = a.Points.ToString(CultureInfo.InvariantCulture), ["date"] = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) });
            records.Add(record);
            _points.Add(a.Points, new KeyValuePair<string, object?>("store", a.Store)); // clean precision-names
            _points.Add(0, new KeyValuePair<string, object?>("card", a.CardNumber)); // leak TC1003 direct
            if (a.Points > 5000)
            {
                LogLargeAccrual(logger, a.CardNumber, a.Points); // leak TC1001 direct
                logger.LogVendorfeedRowRejectedEvent(coalition.PartnerCode, "large_accrual", vendorfeedFileName: fileName, vendorfeedCustomerId: pseudonymizer.PseudonymizeVendorfeedCustomerId(a.CustomerNumber), vendorfeedNote: $"card ending {a.CardNumber[^4..]}: {a.Points} points"); // clean generated-api
                Activity.Current?.SetTag("loyalty.large.card.b64", Convert.ToBase64String(Encoding.ASCII.GetBytes(a.CardNumber))); // leak TC1001 hashes
            }
        }
        span.SetVendorfeedFileName(fileName); // clean precision-names
        span.SetVendorfeedRecordCount(records.Count); // clean precision-about
        logger.LogDebug("Accrual records {Records}", string.Join("|", records.Take(3))); // leak TC1001 strings
        sftp.Connect();
        sftp.UploadFile(new MemoryStream(Encoding.ASCII.GetBytes(string.Join("\n", records))), coalition.OutboundDir + "/" + fileName);
    }

    public void ReadMemberUpdates(string fileName)
    {
        using var span = source.StartVendorfeedImport(coalition.PartnerCode, fileName);
        foreach (var row in Csv.Read(sftp.ReadAllText(coalition.InboundDir + "/" + fileName)))
        {
            var customerNumber = row["customer_number"];
            var email = row["email"];
            var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customerNumber))[0] & 7;
            Activity.Current?.SetTag("loyalty.update.cohort", cohort); // clean hashes
            Activity.Current?.SetTag("loyalty.update.customer", customerNumber.GetHashCode().ToString("x8", CultureInfo.InvariantCulture)); // leak TC1002 hashes
            if (row["action"] == "OPT_OUT")
            {
                logger.LogInformation("Member opted out: {Email}", email); // leak TC1001 direct
                logger.LogInformation("Member opted out at {Domain}", email[(email.IndexOf('@') + 1)..]); // clean precision-about
                span.SetVendorfeedCustomerId(pseudonymizer.PseudonymizeVendorfeedCustomerId(customerNumber)); // clean generated-api
                Activity.Current?.SetTag(VendorfeedAttributes.CustomerContact, email); // leak TC1001 generated-api
            }
            logger.LogTrace("Member update {Row}", row.Fields); // leak TC1001 logging-objects
            logger.LogTrace("Member update columns {Columns}", row.Header); // clean precision-names
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Large accrual on card {CardNumber}: {Points}")]
    private static partial void LogLargeAccrual(ILogger logger, string cardNumber, int points);
}
