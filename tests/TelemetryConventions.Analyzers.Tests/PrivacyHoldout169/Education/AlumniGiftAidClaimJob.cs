namespace PrivacyHoldout169.Education;

/// <summary>Each month, claims Gift Aid on alumni gifts from HMRC through Charities Online.</summary>
public sealed class AlumniGiftAidClaimJob(
    IDonorStore donors,
    ICharitiesOnline hmrc,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    FundraisingOptions options,
    ILogger<AlumniGiftAidClaimJob> logger)
{
    private static readonly ActivitySource Source = new("AlumniGiving.GiftAid");
    private static readonly Meter Meter = new("AlumniGiving.GiftAid");
    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>("alumnigiving.giftaid.rejected");

    public async Task RunAsync(IReadOnlyList<string> supporterNumbers, CancellationToken cancellationToken)
    {
        using var operation = Source.StartAlumnigivingOperation("central").SetAlumnigivingAppeal("giftaid-monthly"); // clean generated-api
        var lines = new List<GiftAidDeclaration>();
        foreach (var supporterNumber in supporterNumbers)
        {
            var declaration = await donors.FindDeclarationAsync(supporterNumber, cancellationToken);
            if (declaration is null)
            {
                logger.LogWarning("No Gift Aid declaration for {Supporter}", supporterNumber); // leak TC1001 direct
                continue;
            }
            lines.Add(declaration);
        }

        operation.SetAlumnigivingPledgeCount(lines.Count); // clean generated-api
        logger.LogInformation("Claiming at rate {GiftAidRate} for charity {CharityNumber}", options.GiftAidRate, options.CharityNumber); // clean precision-names
        logger.LogDebug("Claim lines {Lines}", string.Join(", ", lines.Select(l => l.Postcode))); // leak TC1001 strings
        logger.LogDebug("Claim outward codes {Districts}", string.Join(", ", lines.Select(l => l.Postcode.Split(' ')[0]).Distinct())); // clean precision-about
        logger.LogDebug("First declaration {Declaration}", lines.FirstOrDefault()); // leak TC1001 logging-objects

        try
        {
            var claim = await hmrc.SubmitAsync(lines, cancellationToken);
            logger.LogInformation("Submitted {@Claim}", claim); // clean logging-objects
            operation.SetAlumnigivingOutcome("claimed"); // clean generated-api
        }
        catch (ClaimLineRejectedException ex)
        {
            operation.SetAlumnigivingOutcome(ex.Message); // leak TC1001 generated-api
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            Rejected.Add(1, new KeyValuePair<string, object?>("reason", ex.GetType().Name)); // clean exceptions
        }

        foreach (var line in lines)
        {
            var donorRef = pseudonymizer.ComputeAlumnigivingDonorId(line.SupporterNumber);
            logger.LogDebug("Claimed for {DonorRef}", donorRef); // clean precision-pseudonym
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(line.SupporterNumber))[0] % 8;
            Rejected.Add(0, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
            var sha1 = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(line.FullName + line.Postcode)));
            logger.LogDebug("Line key {LineKey}", sha1); // leak TC1002 hashes
        }
    }
}
