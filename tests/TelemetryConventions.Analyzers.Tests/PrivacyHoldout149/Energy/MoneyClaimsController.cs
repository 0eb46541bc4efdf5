namespace PrivacyHoldout149.Energy;

/// <summary>
/// Issues county court money claims for closed accounts' unpaid final bills through the court's
/// bulk claims service, and answers the collections team's questions about a claim.
/// </summary>
[ApiController]
[Route("api/claims")]
public sealed class MoneyClaimsController(
    IMoneyClaimsClient claims,
    Pseudonymizer pseudonymizer,
    JusticeOptions options,
    ILogger<MoneyClaimsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supplier.MoneyClaims");

    [HttpPost("")]
    public async Task<ActionResult> Issue([FromBody] MoneyClaim claim, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichWarrantsOperation(claim.CountyCourt);
        span.SetWarrantsSupply("final-bill");
        span.SetWarrantsHouseholdId(pseudonymizer.PseudonymizeWarrantsHouseholdId(claim.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("claim.number", claim.ClaimNumber); // clean precision-names
        Activity.Current?.SetTag("claim.amount", claim.Amount);
        Activity.Current?.SetTag("claim.debtor.email", claim.DebtorEmail); // leak TC1001 direct

        if (claim.Amount < options.MinimumClaimAmount)
        {
            logger.LogInformation("Claim {ClaimNumber} below the minimum of {Minimum}", claim.ClaimNumber, options.MinimumClaimAmount);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, "Claim " + claim.ClaimNumber + " below minimum at " + claim.CountyCourt); // clean strings
            return BadRequest("Below minimum");
        }

        try
        {
            var issued = await claims.IssueAsync(claim, cancellationToken);
            Activity.Current?.SetTag("claim.court_reference", issued.CourtReference); // clean precision-names
            logger.LogInformation("Claim issued against " + claim.DebtorName + " for " + claim.Amount.ToString("C", CultureInfo.GetCultureInfo("en-GB"))); // leak TC1001 strings
            logger.LogInformation("Claim {ClaimNumber} issued as {CourtReference} on {IssuedOn}", issued.ClaimNumber, issued.CourtReference, issued.IssuedOn);
            return Ok(issued);
        }
        catch (DebtorDeceasedException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetWarrantsOutcome("debtor-deceased");
            span.SetWarrantsNote(ex.Message); // leak TC1001 generated-api
            logger.LogError(ex, "Claim {ClaimNumber} stopped", claim.ClaimNumber); // leak TC1001 exceptions
            return BadRequest("Debtor deceased");
        }
    }

    [HttpGet("{claimNumber}")]
    public ActionResult Describe(string claimNumber, string debtorName)
    {
        using var activity = Source.StartActivity("claims.describe");
        activity?.SetTag("claim.number", claimNumber);
        activity?.SetTag("claim.debtor.name_length", debtorName.Length); // clean precision-about
        activity?.SetTag("claim.debtor.named", !string.IsNullOrWhiteSpace(debtorName)); // clean precision-about
        if (activity is not null)
        {
            activity.DisplayName = $"claims.describe {debtorName}"; // leak TC1001 strings
        }
        return Ok(claimNumber);
    }
}
