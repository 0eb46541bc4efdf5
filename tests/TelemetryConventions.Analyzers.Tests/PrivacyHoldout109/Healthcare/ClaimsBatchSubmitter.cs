namespace PrivacyHoldout109.Healthcare;

/// <summary>A professional claim line ready for the 837P batch.</summary>
public sealed record ClaimLine(string ClaimId, string MemberNumber, string PatientFamilyName, string PatientGivenName, DateOnly DateOfBirth, string ProcedureCode, decimal Charge);

/// <summary>Builds the nightly 837P batch, drops it on the clearinghouse's SFTP server with its manifest and archives it.</summary>
public sealed class ClaimsBatchSubmitter(
    ActivitySource source,
    Meter meter,
    ILogger<ClaimsBatchSubmitter> logger,
    Pseudonymizer pseudonymizer,
    SftpClient sftp,
    PartnerEndpoint clearinghouse,
    IFileArchive archive)
{
    private static readonly RetentionPolicy ClaimFiles = new("claims-837", TimeSpan.FromDays(365 * 7));

    public async Task SubmitAsync(IReadOnlyList<ClaimLine> claims, string batchControl, CancellationToken ct)
    {
        var fileName = $"837P_{clearinghouse.PartnerCode}_{DateTime.UtcNow:yyyyMMddHHmm}_{batchControl}.x12";
        using var span = source.StartClaimfeedTransfer(clearinghouse.PartnerCode, "outbound");
        span.SetClaimfeedFileName(fileName); // clean precision-names
        span.SetClaimfeedControlNumber(batchControl); // clean precision-names
        span.SetClaimfeedFileFormat("x12"); // clean precision-names

        var segments = new List<EdiSegment>();
        foreach (var claim in claims)
        {
            var subscriber = new EdiSegment("NM1", "IL", "1", claim.PatientFamilyName, claim.PatientGivenName, "", "", "", "MI", claim.MemberNumber);
            segments.Add(subscriber);
            segments.Add(new EdiSegment("DMG", "D8", claim.DateOfBirth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
            segments.Add(new EdiSegment("CLM", claim.ClaimId, claim.Charge.ToString(CultureInfo.InvariantCulture)));
            logger.LogDebug("Added subscriber loop {Segment}", subscriber); // leak TC1001 logging-objects
            logger.LogDebug("Added claim {ClaimId} for {Charge} ({Procedure})", claim.ClaimId, claim.Charge, claim.ProcedureCode); // clean precision-names
            if (claim.Charge > 10_000m)
            {
                logger.LogWarning("High value claim {ClaimId} for member {MemberNumber}", claim.ClaimId, claim.MemberNumber); // leak TC1001 direct
                Activity.Current?.AddEvent(new ActivityEvent("claim.high_value", tags: new ActivityTagsCollection { ["claim.id"] = claim.ClaimId, ["member.ref"] = pseudonymizer.ComputeClaimfeedMemberId(claim.MemberNumber) })); // clean precision-pseudonym
            }
        }

        var body = string.Concat(segments.Select(s => s.ToString()));
        var bytes = Encoding.ASCII.GetBytes(body);
        var manifest = new FileManifest(fileName, bytes.Length, claims.Count, FileManifest.Sha256Of(bytes), DateTimeOffset.UtcNow);
        span.SetClaimfeedFileChecksum(manifest.Sha256); // clean hashes
        span.SetClaimfeedRecordCount(claims.Count); // clean precision-about
        logger.LogInformation("Dropping {Manifest} on {Host}", manifest, clearinghouse.Host); // clean logging-objects
        logger.LogTrace("837 body preview {Preview}", body[..Math.Min(body.Length, 400)]); // leak TC1001 strings

        var started = Stopwatch.GetTimestamp();
        try
        {
            sftp.Connect();
            sftp.UploadFile(new MemoryStream(bytes), clearinghouse.OutboundDir + "/" + fileName);
            sftp.UploadFile(new MemoryStream(Encoding.ASCII.GetBytes(manifest.ToControlLine())), clearinghouse.OutboundDir + "/" + fileName + ".ctl");
        }
        catch (SshAuthenticationException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Clearinghouse refused key for {Account}", clearinghouse.Username); // clean precision-names
            throw;
        }

        meter.CreateClaimfeedFilesCounter().Add(1, clearinghouse.PartnerCode, "outbound", "delivered"); // clean generated-api
        meter.CreateClaimfeedTransferDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, clearinghouse.PartnerCode, "outbound"); // clean generated-api

        var archived = await archive.PutAsync($"claims/{DateTime.UtcNow:yyyy/MM}/{fileName}", bytes, ClaimFiles, ct);
        logger.LogInformation("Archived {@Archived}", archived); // clean logging-objects
    }

    /// <summary>Resubmits one claim the clearinghouse rejected, alone in its own batch.</summary>
    public Task ResubmitAsync(ClaimLine claim, CancellationToken ct)
    {
        var control = claim.ClaimId[..Math.Min(9, claim.ClaimId.Length)];
        Activity.Current?.SetTag("claim.resubmit.file", $"837P_RESUB_{claim.MemberNumber}_{control}.x12"); // leak TC1001 strings
        Activity.Current?.SetTag("claim.resubmit.member", pseudonymizer.PseudonymizeClaimfeedMemberId(claim.MemberNumber)); // clean precision-pseudonym
        return SubmitAsync(new[] { claim }, control, ct);
    }
}
