namespace PrivacyHoldout109.Healthcare;

/// <summary>Picks up the clearinghouse's 999 acknowledgments and 835 remittances and reconciles payments against the claims ledger.</summary>
public sealed partial class RemittanceAckPickup(
    ActivitySource source,
    Meter meter,
    ILogger<RemittanceAckPickup> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    SftpClient sftp,
    PartnerEndpoint clearinghouse,
    IClaimsLedger ledger)
{
    private readonly Counter<long> _denials = meter.CreateCounter<long>("claimfeed.remit.denials", "{claim}");

    public async Task PickUpAsync(CancellationToken ct)
    {
        sftp.Connect();
        foreach (var file in sftp.ListDirectory(clearinghouse.InboundDir).Where(f => !f.IsDirectory))
        {
            using var span = source.StartClaimfeedTransfer(clearinghouse.PartnerCode, "inbound");
            span.SetClaimfeedFileName(file.Name); // clean precision-names
            span.SetClaimfeedFileSize((int)file.Length); // clean precision-about
            logger.LogInformation("Picked up {File}", file); // clean logging-objects

            var text = sftp.ReadAllText(file.FullName);
            Interchange interchange;
            try
            {
                interchange = EdiParser.Parse(text);
            }
            catch (EdiSyntaxException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarning("Unreadable interchange {File}: {Segment} at {Position}", file.Name, ex.SegmentTag, ex.Position); // clean exceptions
                continue;
            }

            span.SetClaimfeedControlNumber(interchange.ControlNumber); // clean precision-names
            Activity.Current?.SetTag("edi.sender", interchange.SenderId); // clean precision-names
            foreach (var set in interchange.Transactions)
            {
                if (set.Code == "999")
                {
                    HandleAck(set);
                }
                else if (set.Code == "835")
                {
                    await HandleRemittanceAsync(set, file.Name, ct);
                }
            }
            sftp.RenameFile(file.FullName, clearinghouse.InboundDir + "/processed/" + file.Name);
        }
    }

    private void HandleAck(TransactionSet set)
    {
        var ak9 = set.First("AK9");
        var ack = new Acknowledgment(set.ControlNumber, ak9?[1] ?? "?", set.All("IK3").Select(s => s[4]).ToList());
        logger.LogInformation("999 for group {Group}: {Status}, errors {Errors}", ack.GroupControlNumber, ack.Status, string.Join(",", ack.ErrorCodes)); // clean precision-about
        foreach (var ik3 in set.All("IK3"))
        {
            logger.LogWarning("Segment error {Segment}", ik3); // clean logging-objects
        }
    }

    private async Task HandleRemittanceAsync(TransactionSet set, string fileName, CancellationToken ct)
    {
        using var import = source.StartClaimfeedImport(clearinghouse.PartnerCode, fileName);
        var breaks = new List<ReconciliationBreak>();
        foreach (var clp in set.All("CLP"))
        {
            var claimId = clp[1];
            var paid = decimal.Parse(clp[4], CultureInfo.InvariantCulture);
            var patient = set.Segments.SkipWhile(s => s != clp).FirstOrDefault(s => s.Tag == "NM1" && s[1] == "QC");
            var memberNumber = patient?[9] ?? string.Empty;
            var expected = await ledger.ExpectedAsync(claimId, ct);
            if (expected != paid)
            {
                breaks.Add(new ReconciliationBreak(claimId, expected, paid, clp[2] == "4" ? "denied" : "short-paid"));
                logger.LogClaimfeedRowRejectedEvent(clearinghouse.PartnerCode, "short_paid", claimfeedFileName: fileName, claimfeedMemberId: pseudonymizer.PseudonymizeClaimfeedMemberId(memberNumber)); // clean generated-api
            }
            if (clp[2] == "4")
            {
                _denials.Add(1, new KeyValuePair<string, object?>("claim.status", "denied"), new KeyValuePair<string, object?>("member", pseudonymizer.ComputeClaimfeedMemberId(memberNumber))); // leak TC1003 precision-pseudonym
                logger.LogInformation("Claim {ClaimId} denied for patient {Patient}", claimId, patient); // leak TC1001 logging-objects
                LogDenial(logger, claimId, memberNumber); // clean logging-objects
            }
            var shard = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(memberNumber)))[..2];
            Activity.Current?.SetTag("remit.member.shard", shard); // clean hashes
        }

        var report = new ReconciliationReport(clearinghouse.PartnerCode, DateOnly.FromDateTime(DateTime.UtcNow), set.All("CLP").Count() - breaks.Count, 0, 0, breaks.Sum(b => b.Ours - b.Theirs)) { Breaks = breaks };
        logger.LogInformation("Remittance reconciled {Report}", report); // clean logging-objects
        logger.LogInformation("Breaks {Breaks}", string.Join("; ", breaks)); // clean logging-objects
        import.SetClaimfeedRejectedCount(breaks.Count); // clean precision-about
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId} denied; member {MemberNumber}")]
    private static partial void LogDenial(ILogger logger, string claimId, [PrivateData] string memberNumber);
}

public interface IClaimsLedger
{
    Task<decimal> ExpectedAsync(string claimId, CancellationToken cancellationToken);
}
