namespace PrivacyHoldout109.Gaming;

/// <summary>Sends the KYC vendor the players who must verify their age before cashing out, and reads back the verdicts.</summary>
public sealed partial class KycBatchExchange(
    ActivitySource source,
    Meter meter,
    ILogger<KycBatchExchange> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    SftpClient sftp,
    PartnerEndpoint kyc)
{
    public void SendBatch(IReadOnlyList<(Guid PlayerId, string Email, DateOnly DateOfBirth, string Country)> players)
    {
        var fileName = $"kyc_request_{DateTime.UtcNow:yyyyMMddHHmm}.csv";
        using var span = source.StartPayoutfeedTransfer(kyc.PartnerCode, "outbound");
        span.SetPayoutfeedFileName(fileName); // clean precision-names
        var rows = players.Select(p => Csv.Line(p.PlayerId, p.Email, p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Country)).ToList();
        logger.LogInformation("KYC batch countries {Countries}", players.GroupBy(p => p.Country).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        logger.LogDebug("KYC request rows {Rows}", rows); // leak TC1001 logging-objects
        foreach (var p in players)
        {
            var bucket = (uint)HashCode.Combine(p.PlayerId) % 32;
            Activity.Current?.SetTag("kyc.bucket", bucket); // leak TC1002 hashes
            var keyed = HMACSHA256.HashData(secrets.ShardKey, p.PlayerId.ToByteArray())[0] % 32;
            Activity.Current?.SetTag("kyc.shard", keyed); // clean hashes
            Activity.Current?.SetTag("kyc.email.hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(p.Email.ToLowerInvariant())))); // leak TC1002 hashes
        }
        sftp.Connect();
        sftp.UploadFile(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", rows))), kyc.OutboundDir + "/" + fileName);
    }

    public void ReadVerdicts(string fileName, string text)
    {
        using var span = source.StartPayoutfeedImport(kyc.PartnerCode, fileName);
        foreach (var row in Csv.Read(text))
        {
            var playerId = row["player_id"];
            var verdict = row["verdict"];
            if (verdict != "pass")
            {
                LogVerdict(logger, playerId, verdict); // leak TC1001 direct
                LogVerdictRedacted(logger, playerId, verdict); // clean logging-objects
                span.SetPayoutfeedPlayerId(pseudonymizer.PseudonymizePayoutfeedPlayerId(playerId)); // clean generated-api
                Activity.Current?.SetTag(PayoutfeedAttributes.PlayerContact, pseudonymizer.ComputePayoutfeedPlayerId(row["email"])); // leak TC1001 precision-pseudonym
            }
            meter.CreatePayoutfeedFilesCounter().Add(0, kyc.PartnerCode, "inbound", verdict); // clean generated-api
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "KYC verdict for {PlayerId}: {Verdict}")]
    private static partial void LogVerdict(ILogger logger, string playerId, string verdict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "KYC verdict for {PlayerId}: {Verdict}")]
    private static partial void LogVerdictRedacted(ILogger logger, [PrivateData] string playerId, string verdict);
}
