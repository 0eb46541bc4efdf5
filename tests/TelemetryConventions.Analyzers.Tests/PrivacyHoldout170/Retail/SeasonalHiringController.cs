namespace PrivacyHoldout170.Retail;

/// <summary>Seasonal hiring: the agency sends applicants for the Christmas peak, stores accept them.</summary>
[ApiController]
[Route("api/seasonal")]
public sealed partial class SeasonalHiringController(
    ICandidateStore candidates,
    ICandidateMessenger messenger,
    ILogger<SeasonalHiringController> logger,
    Pseudonymizer pseudonymizer) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.Seasonal.Hiring");
    private static readonly Meter Meter = new("Retailer.Seasonal.Hiring");
    private static readonly StorehireChecksCounter Checks = Meter.CreateStorehireChecksCounter();
    private static readonly Counter<long> Applicants = Meter.CreateCounter<long>("seasonal.applicants");

    [HttpPost("applicants")]
    public async Task<ActionResult> Receive([FromBody] SeasonalApplicant applicant, CancellationToken cancellationToken)
    {
        using var span = Source.StartStorehireOperation(applicant.StoreNumber)
            .SetStorehireCandidateId(pseudonymizer.PseudonymizeStorehireCandidateId(applicant.ApplicantId)); // clean generated-api
        span.Activity?.SetTag("store.number", applicant.StoreNumber); // clean precision-names
        span.Activity?.SetTag("applicant.id", applicant.ApplicantId); // leak TC1001 direct
        span.Activity?.SetTag("applicant.mobile_prefix", applicant.Mobile[..3]); // clean precision-about
        span.Activity?.SetTag("applicant.mobile", applicant.Mobile); // leak TC1001 direct
        span.SetStorehireNote($"applicant {applicant.ApplicantId} sent by agency"); // leak TC1001 generated-api
        span.Activity?.SetTag("applicant.is_under_18", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-18) < applicant.DateOfBirth); // clean precision-about
        var summary = new StringBuilder().Append("applicant ").Append(applicant.Email).Append(" for store ").Append(applicant.StoreNumber).ToString();
        logger.LogInformation(summary); // leak TC1001 strings
        logger.LogInformation("Applicant for store {Store} via agency", applicant.StoreNumber); // clean precision-names
        logger.LogInformation(new StringBuilder("store ").Append(applicant.StoreNumber).Append(" received an applicant").ToString()); // clean strings
        Applicants.Add(1, new KeyValuePair<string, object?>("store", applicant.StoreNumber)); // clean precision-names
        Applicants.Add(1, new KeyValuePair<string, object?>("email_domain", applicant.Email[(applicant.Email.IndexOf('@') + 1)..])); // clean precision-about

        try
        {
            EnsureHeadcount(applicant.StoreNumber);
        }
        catch (StoreHeadcountFullException ex)
        {
            logger.LogWarning(ex, "No seasonal headcount left"); // clean exceptions
            Checks.Add(1, applicant.StoreNumber, "headcount_full"); // clean generated-api
            await messenger.SendAsync(applicant.Email, "tpl-seasonal-waitlist", cancellationToken);
            return BadRequest("full");
        }

        var existing = await candidates.FindByEmailAsync(applicant.Email, cancellationToken);
        if (existing is not null)
        {
            LogReturningApplicant(logger, existing.CandidateId, applicant.StoreNumber); // clean precision-names
            LogReturningApplicantEmail(logger, applicant.Email); // leak TC1001 direct
            span.SetStorehireNote($"returning applicant, {existing.FullName.Length} chars"); // clean generated-api
        }
        Checks.Add(1, applicant.StoreNumber, "accepted"); // clean generated-api
        return Ok();
    }

    private static void EnsureHeadcount(string storeNumber)
    {
        if (storeNumber.EndsWith('9'))
        {
            throw new StoreHeadcountFullException(storeNumber);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Returning applicant {CandidateId} for store {Store}")]
    private static partial void LogReturningApplicant(ILogger logger, [PrivateData] string candidateId, string store);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Returning applicant email {Email}")]
    private static partial void LogReturningApplicantEmail(ILogger logger, string email);
}
